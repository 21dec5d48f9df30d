namespace SyntheticData.Privacy.Operators;

/// <summary>
/// The input row an operator works in: the raw cells (for operators that read another column, such as
/// date shifting by entity), the 1-based line number and the phone region for this row.
/// One instance is reused for every row of a file.
/// </summary>
public sealed class RowContext
{
    /// <summary>The row's input cells in header order; null markers are passed as their text.</summary>
    public IReadOnlyList<string?> Cells { get; set; } = [];

    /// <summary>The 1-based line (record) number in the input, the header being line 1.</summary>
    public long Line { get; set; }

    /// <summary>The ISO 3166-1 alpha-2 region for phone numbers of this row, or null when unknown.</summary>
    public string? PhoneRegion { get; set; }
}
