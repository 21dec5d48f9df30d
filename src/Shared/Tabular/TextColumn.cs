namespace SyntheticData.Tabular;

/// <summary>
/// A column kept as text: identifiers and free text. A null entry marks a missing value.
/// </summary>
public sealed class TextColumn : Column
{
    public TextColumn(string name, string?[] values, ColumnType type)
        : base(name, type)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
    }

    /// <summary>The cell values; null where the cell is missing.</summary>
    public string?[] Values { get; }

    public override int Length => Values.Length;

    public override bool IsNull(int row) => Values[row] is null;

    public override string? FormatValue(int row) => Values[row];
}
