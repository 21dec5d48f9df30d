using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Finds bank account numbers in free text after a label: <c>acct # 9224 105298</c>, <c>a/c 9684106147</c>,
/// <c>Kontonummer 0532013000</c>. The number is seven to seventeen digits, in groups joined by single spaces, dashes or dots.
/// Account numbers have no check that text could be matched by, so digits without a label are not reported.
/// </summary>
public sealed class AccountNumberDetector : LabelledValueDetector
{
    private const int MaximumGap = 12;

    private const int MinimumDigits = 7;

    private const int MaximumDigits = 17;

    private static readonly TextLabels Search = new(
        [
            "acct", "acct.", "acc", "acc.", "a/c", "account", "bank account", "checking account", "savings account",
            "konto", "kontonummer", "kontonr", "kontonr.", "konto-nr", "konto-nr.", "kto", "kto.", "kto-nr", "compte", "numéro de compte", "cuenta", "número de cuenta",
            "conto", "conto corrente", "numero di conto", "conta", "número de conta", "rekening", "rekeningnummer",
        ],
        ["no", "nr", "nbr", "number", "num", "is", "ist", "of", "de", "n", "nº", "n°"],
        MaximumGap);

    /// <summary>Creates the detector.</summary>
    public AccountNumberDetector()
        : base(Search)
    {
    }

    /// <inheritdoc />
    public override PiiKind Kind => PiiKind.AccountNumber;

    /// <inheritdoc />
    private protected override bool TryReadValue(ReadOnlySpan<char> text, int start, string label, out int end, out bool valid)
    {
        valid = true;
        end = start;
        int digits = 0;
        int zeros = 0;
        int i = start;
        while (i < text.Length)
        {
            if (TextBoundary.IsAsciiDigit(text[i]))
            {
                digits++;
                zeros += text[i] == '0' ? 1 : 0;
                i++;
                end = i;
            }
            else if (digits > 0 && text[i] is ' ' or '-' or '.' && i + 1 < text.Length && TextBoundary.IsAsciiDigit(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        // A number glued to letters, such as a product code, is something else.
        bool alone = end == text.Length || !char.IsLetterOrDigit(text[end]);
        // Zeros only are a placeholder of a form or a test case.
        return digits is >= MinimumDigits and <= MaximumDigits && alone && zeros < digits;
    }
}
