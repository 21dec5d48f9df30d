namespace SyntheticData.Tabular;

/// <summary>The detected columns of a table in header order.</summary>
public sealed class DetectedSchema
{
    private readonly Dictionary<string, DetectedColumn> _byName;

    public DetectedSchema(IReadOnlyList<DetectedColumn> columns, int sampledRows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(sampledRows);
        Columns = columns;
        SampledRows = sampledRows;
        _byName = new Dictionary<string, DetectedColumn>(StringComparer.Ordinal);
        foreach (DetectedColumn column in columns)
        {
            _byName.TryAdd(column.Name, column);
        }
    }

    /// <summary>The columns in header order.</summary>
    public IReadOnlyList<DetectedColumn> Columns { get; }

    /// <summary>The number of records that detection examined.</summary>
    public int SampledRows { get; }

    /// <summary>Returns the column with the given header name.</summary>
    /// <exception cref="KeyNotFoundException">No column has that name.</exception>
    public DetectedColumn this[string name] =>
        _byName.TryGetValue(name, out DetectedColumn? column) ? column : throw new KeyNotFoundException($"Column '{name}' not found in the detected schema.");
}
