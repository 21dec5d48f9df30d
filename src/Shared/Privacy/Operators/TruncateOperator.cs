using SyntheticData.Privacy.Internal;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Operators;

/// <summary>
/// Truncates card numbers: every number in a cell keeps at most its first <c>keepFirst</c> (at most 6)
/// and last <c>keepLast</c> (at most 4) digits, and the digits between are replaced by the mask character.
/// Numbers shorter than 13 digits (no card is that short) are masked completely, so a short or mistyped
/// value cannot show most of its digits. Every letter is masked too, so a name typed beside or in place of a
/// card number does not stay in clear. Spaces and punctuation keep the layout.
/// </summary>
public sealed class TruncateOperator : ColumnOperator
{
    /// <summary>PCI DSS allows at most the first six digits to be shown.</summary>
    public const int MaximumFirst = 6;

    /// <summary>PCI DSS allows at most the last four digits to be shown.</summary>
    public const int MaximumLast = 4;

    private const int ShortestCardLength = 13;

    private readonly int _keepFirst;
    private readonly int _keepLast;
    private readonly char _maskChar;

    /// <summary>Creates a truncation operator.</summary>
    /// <exception cref="ArgumentOutOfRangeException">More than 6 first or 4 last digits are requested.</exception>
    public TruncateOperator(int keepFirst, int keepLast, char maskChar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepFirst);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keepFirst, MaximumFirst);
        ArgumentOutOfRangeException.ThrowIfNegative(keepLast);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keepLast, MaximumLast);
        if (char.IsAsciiDigit(maskChar))
        {
            throw new ArgumentException("The mask character must not be a digit.", nameof(maskChar));
        }

        _keepFirst = keepFirst;
        _keepLast = keepLast;
        _maskChar = maskChar;
    }

    public override OperatorKind Kind => OperatorKind.Truncate;

    public override bool TryApply(string value, RowContext row, out string output)
    {
        char[] chars = value.ToCharArray();
        foreach ((int start, int end) in NumberRuns.Find(value))
        {
            Span<char> run = chars.AsSpan(start, end - start);
            int digitCount = NumberRuns.CountDigits(run);
            bool cardLength = digitCount >= ShortestCardLength;
            int first = cardLength ? _keepFirst : 0;
            int last = cardLength ? _keepLast : 0;

            int seen = 0;
            for (int i = 0; i < run.Length; i++)
            {
                if (!char.IsAsciiDigit(run[i]))
                {
                    continue;
                }

                if (seen >= first && seen < digitCount - last)
                {
                    run[i] = _maskChar;
                }

                seen++;
            }
        }

        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsLetter(chars[i]))
            {
                chars[i] = _maskChar;
            }
        }

        output = new string(chars);
        return true;
    }
}
