namespace SyntheticData.Tabular;

/// <summary>
/// A columnar in-memory table: the form in which synthesizers train and evaluators compare.
/// Streaming work (anonymization) uses the record readers instead and never loads a whole file.
/// </summary>
public sealed class Table
{
    private readonly Dictionary<string, int> _indexByName;

    public Table(IReadOnlyList<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        int rowCount = columns.Count == 0 ? 0 : columns[0].Length;
        for (int i = 0; i < columns.Count; i++)
        {
            Column column = columns[i];
            if (column.Length != rowCount)
            {
                throw new ArgumentException(
                    $"Column '{column.Name}' has {column.Length} rows but column '{columns[0].Name}' has {rowCount}.",
                    nameof(columns));
            }

            if (!_indexByName.TryAdd(column.Name, i))
            {
                throw new ArgumentException($"Column name '{column.Name}' appears more than once.", nameof(columns));
            }
        }

        Columns = columns;
        RowCount = rowCount;
    }

    /// <summary>The columns in file order.</summary>
    public IReadOnlyList<Column> Columns { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Returns the column with the given header name.</summary>
    /// <exception cref="KeyNotFoundException">No column has that name.</exception>
    public Column this[string name] =>
        _indexByName.TryGetValue(name, out int index)
            ? Columns[index]
            : throw new KeyNotFoundException($"Column '{name}' not found.");

    /// <summary>Returns true and the column when a column with the given name exists.</summary>
    public bool TryGetColumn(string name, out Column? column)
    {
        if (_indexByName.TryGetValue(name, out int index))
        {
            column = Columns[index];
            return true;
        }

        column = null;
        return false;
    }
}
