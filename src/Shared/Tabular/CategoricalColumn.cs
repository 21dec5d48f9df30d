namespace SyntheticData.Tabular;

/// <summary>
/// A categorical or boolean column stored as codes into a list of category labels; code -1 marks a missing value.
/// </summary>
public sealed class CategoricalColumn : Column
{
    public CategoricalColumn(string name, int[] codes, IReadOnlyList<string> categories, bool isBoolean = false)
        : base(name, isBoolean ? ColumnType.Boolean : ColumnType.Categorical)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(categories);
        Codes = codes;
        Categories = categories;
    }

    /// <summary>Per-row index into <see cref="Categories"/>, or -1 where the cell is missing.</summary>
    public int[] Codes { get; }

    /// <summary>The distinct labels, in order of first appearance unless the builder sorted them.</summary>
    public IReadOnlyList<string> Categories { get; }

    public override int Length => Codes.Length;

    public override bool IsNull(int row) => Codes[row] < 0;

    public override string? FormatValue(int row)
    {
        int code = Codes[row];
        return code < 0 ? null : Categories[code];
    }
}
