using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Operators;

/// <summary>
/// The operator that copies values unchanged. A kept column that is measured, such as a quasi-identifier, needs a
/// string per row, and such columns are often short categories (a state, a gender), so the strings of recent short
/// values are reused instead of allocated again. Not thread-safe, like the other operators with caches.
/// </summary>
public sealed class KeepOperator : ColumnOperator
{
    /// <summary>The longest value whose string is reused.</summary>
    public const int LongestReusedLength = 32;

    // A direct-mapped table: a value's slot comes from its length and a few of its characters, and a new value
    // replaces the slot's old one.
    private const int Slots = 256;

    private readonly string?[] _recent = new string?[Slots];

    public override OperatorKind Kind => OperatorKind.Keep;

    public override bool TryApply(string value, RowContext row, out string output)
    {
        output = value;
        return true;
    }

    public override bool TryApply(ReadOnlySpan<char> value, RowContext row, out string output)
    {
        if (value.IsEmpty || value.Length > LongestReusedLength)
        {
            output = new string(value);
            return true;
        }

        int slot = SlotOf(value);
        string? recent = _recent[slot];
        if (recent is not null && value.SequenceEqual(recent))
        {
            output = recent;
            return true;
        }

        output = new string(value);
        _recent[slot] = output;
        return true;
    }

    private static int SlotOf(ReadOnlySpan<char> value)
    {
        uint mixed = (uint)value.Length;
        mixed = (mixed * 31) + value[0];
        mixed = (mixed * 31) + value[value.Length / 2];
        mixed = (mixed * 31) + value[^1];
        return (int)((mixed * 2654435769u) >> 24);
    }
}
