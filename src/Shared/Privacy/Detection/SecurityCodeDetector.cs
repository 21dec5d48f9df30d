using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Finds card security codes in free text after a label: <c>CVV 123</c>, <c>cvc2: 4567</c>, <c>security code is 123</c>,
/// <c>código de seguridad 123</c>. The code is three or four digits standing alone. PCI DSS forbids storing it after
/// authorisation, so a note that quotes one must not keep it. Without a label three digits are too common to report.
/// </summary>
public sealed class SecurityCodeDetector : IDetector
{
    /// <summary>How many characters of separators and joining words may stand between a label and its code.</summary>
    private const int MaximumGap = 12;

    private static readonly TextLabels Search = new(
        [
            "cvv", "cvv2", "cvc", "cvc2", "csc", "cvn", "cav2", "cid2", "security code", "card security code", "verification code",
            "card verification value", "card verification code", "kartenprüfnummer", "prüfziffer", "prüfnummer", "código de seguridad",
            "codigo de seguridad", "cryptogramme", "cryptogramme visuel", "codice di sicurezza", "código de segurança",
            "codigo de seguranca", "beveiligingscode",
        ],
        ["is", "was", "code", "no", "nr", "number", "ist", "es", "est", "of"],
        MaximumGap);

    /// <inheritdoc />
    public PiiKind Kind => PiiKind.CardSecurityCode;

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        FindingListSink sink = new(findings);
        Find(text, ref sink);
    }

    /// <inheritdoc />
    public ValueCheck Validate(ReadOnlySpan<char> cell) => CellCoverage.Check(cell.Trim(), this);

    /// <summary>Reports the matches in <paramref name="text"/> to <paramref name="sink"/> and returns false when the sink stopped the scan.</summary>
    internal bool Find<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IFindingSink
    {
        int position = 0;
        int start;
        while ((start = Search.FindNext(text, ref position)) >= 0)
        {
            int end = start;
            while (end < text.Length && TextBoundary.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - start is 3 or 4 && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                if (!sink.Add(new PiiFinding(PiiKind.CardSecurityCode, start, end - start, IsValidated: true)))
                {
                    return false;
                }

                position = end;
            }
        }

        return true;
    }
}
