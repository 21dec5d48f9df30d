using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Operators;

/// <summary>
/// Replaces every letter and digit with the mask character except the first <c>keepFirst</c> and the last
/// <c>keepLast</c> of them; punctuation and spaces stay. When the kept characters would be half of the
/// value or more, everything is masked, so short values are not left mostly in clear.
/// </summary>
public sealed class MaskOperator : ColumnOperator
{
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

        bool keepSome = (_keepFirst + _keepLast) * 2 < total;
        int first = keepSome ? _keepFirst : 0;
        int last = keepSome ? _keepLast : 0;

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
