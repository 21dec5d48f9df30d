using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Operators;

/// <summary>
/// Replaces every letter and digit with the mask character except the first <c>keepFirst</c> and the last
/// <c>keepLast</c> of them; punctuation and spaces stay. When the kept characters would be half of the
/// value or more, everything is masked, so short values are not left mostly in clear. A value that is or contains a
/// valid card number keeps at most its first 6 and last 4 letters and digits, whatever keepFirst and keepLast are, because PCI DSS allows no more of
/// a card number to be shown.
/// </summary>
public sealed class MaskOperator : ColumnOperator
{
    private const int CardFirstLimit = 6;
    private const int CardLastLimit = 4;

    private static readonly CardNumberDetector Cards = new();

    private readonly int _keepFirst;
    private readonly int _keepLast;
    private readonly char _maskChar;

    /// <summary>Creates a mask operator.</summary>
    public MaskOperator(int keepFirst, int keepLast, char maskChar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepFirst);
        ArgumentOutOfRangeException.ThrowIfNegative(keepLast);
        if (char.IsLetterOrDigit(maskChar))
        {
            throw new ArgumentException("The mask character must not be a letter or digit.", nameof(maskChar));
        }

        _keepFirst = keepFirst;
        _keepLast = keepLast;
        _maskChar = maskChar;
    }

    public override OperatorKind Kind => OperatorKind.Mask;

    // True when the value is or contains a valid card number, as in "Visa 4864542841036641" or "4864542841036641/1225".
    private static bool ContainsCard(string value)
    {
        if (Cards.Validate(value) == ValueCheck.Valid)
        {
            return true;
        }

        List<PiiFinding> findings = [];
        Cards.Detect(value, findings);
        return findings.Exists(finding => finding.IsValidated);
    }

    public override bool TryApply(string value, RowContext row, out string output)
    {
        int total = 0;
        foreach (char c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                total++;
            }
        }

        int keepFirst = _keepFirst;
        int keepLast = _keepLast;
        if ((keepFirst > CardFirstLimit || keepLast > CardLastLimit) && ContainsCard(value))
        {
            keepFirst = Math.Min(keepFirst, CardFirstLimit);
            keepLast = Math.Min(keepLast, CardLastLimit);
        }

        bool keepSome = (keepFirst + keepLast) * 2 < total;
        int first = keepSome ? keepFirst : 0;
        int last = keepSome ? keepLast : 0;

        char[] chars = value.ToCharArray();
        int seen = 0;
        for (int i = 0; i < chars.Length; i++)
        {
            if (!char.IsLetterOrDigit(chars[i]))
            {
                continue;
            }

            if (seen >= first && seen < total - last)
            {
                chars[i] = _maskChar;
            }

            seen++;
        }

        output = new string(chars);
        return true;
    }
}
