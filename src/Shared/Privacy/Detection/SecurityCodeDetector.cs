using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Finds card security codes in free text after a label: <c>CVV 123</c>, <c>cvc2: 4567</c>, <c>security code is 123</c>,
/// <c>código de seguridad 123</c>. The code is three or four digits standing alone. PCI DSS forbids storing it after
/// authorisation, so a note that quotes one must not keep it. Without a label three digits are too common to report.
/// </summary>
public sealed class SecurityCodeDetector : LabelledValueDetector
{
    /// <summary>How many characters of separators and joining words may stand between a label and its code.</summary>
    private const int MaximumGap = 12;

    private static readonly TextLabels Search = new(
        [
            "cvv", "cvv2", "cvc", "cvc2", "csc", "cvn", "cav2", "cid2", "security code", "card security code", "verification code",
            "card verification value", "card verification code", "kartenprüfnummer", "prüfziffer", "prüfnummer", "código de seguridad",
            "codigo de seguridad", "cryptogramme", "cryptogramme visuel", "codice di sicurezza", "código de segurança",
            "codigo de seguranca", "beveiligingscode", "cvd", "card code", "pin", "pin code", "pin number", "pin-nummer", "geheimzahl",
        ],
        ["is", "was", "code", "no", "nr", "number", "ist", "es", "est", "of"],
        MaximumGap);

    /// <summary>Creates the detector.</summary>
    public SecurityCodeDetector()
        : base(Search)
    {
    }

    /// <inheritdoc />
    public override PiiKind Kind => PiiKind.CardSecurityCode;

    /// <inheritdoc />
    private protected override bool TryReadValue(ReadOnlySpan<char> text, int start, string label, out int end, out bool valid)
    {
        end = start;
        while (end < text.Length && TextBoundary.IsAsciiDigit(text[end]))
        {
            end++;
        }

        valid = true;
        return end - start is 3 or 4 && (end == text.Length || !char.IsLetterOrDigit(text[end]));
    }
}
