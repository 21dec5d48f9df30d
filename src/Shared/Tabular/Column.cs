namespace SyntheticData.Tabular;

/// <summary>
/// One column of an in-memory <see cref="Table"/>. Concrete columns store values in the
/// representation that training and evaluation need, so no engine reparses text.
/// </summary>
public abstract class Column
{
    protected Column(string name, ColumnType type)
    {
        // An empty name is allowed: exported data frames often have an unnamed index column, and the
        // header must be written back exactly as it was read.
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Type = type;
    }

    /// <summary>The header name, exactly as in the source file (BOM removed).</summary>
    public string Name { get; }

    /// <summary>The logical type of the column.</summary>
    public ColumnType Type { get; }

    /// <summary>The number of rows.</summary>
    public abstract int Length { get; }

    /// <summary>Returns true when the cell at <paramref name="row"/> is missing.</summary>
    public abstract bool IsNull(int row);

    /// <summary>Formats the cell at <paramref name="row"/> as text for writing; null when missing.</summary>
    public abstract string? FormatValue(int row);
}
