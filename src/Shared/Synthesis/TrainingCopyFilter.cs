using System.Text;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis;

/// <summary>
/// Removes synthetic rows that equal a training row exactly, for callers that still have the training
/// table at sampling time (model files contain no rows, so synthesizers cannot do it themselves).
/// </summary>
public static class TrainingCopyFilter
{
    /// <summary>
    /// Returns <paramref name="synthetic"/> without the rows whose every cell, written as text, equals the
    /// same columns of some training row; missing equals missing. Columns that only one table has are ignored.
    /// </summary>
    /// <returns>The kept rows, in their original order, and the number of rows removed.</returns>
    public static (Table Kept, int Removed) RemoveCopies(Table synthetic, Table training)
    {
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(training);

        Column[] syntheticColumns = synthetic.Columns.Where(c => training.TryGetColumn(c.Name, out _)).ToArray();
        Column[] trainingColumns = syntheticColumns.Select(c => training[c.Name]).ToArray();
        var trainingRows = new HashSet<string>(StringComparer.Ordinal);
        for (int row = 0; row < training.RowCount; row++)
        {
            trainingRows.Add(RowKey(trainingColumns, row));
        }

        var kept = new List<int>(synthetic.RowCount);
        for (int row = 0; row < synthetic.RowCount; row++)
        {
            if (!trainingRows.Contains(RowKey(syntheticColumns, row)))
            {
                kept.Add(row);
            }
        }

        return (Select(synthetic, kept), synthetic.RowCount - kept.Count);
    }

    // Each cell is prefixed by its length (or -1 for missing), so no choice of separator can make two
    // different rows produce the same key.
    private static string RowKey(Column[] columns, int row)
    {
        var key = new StringBuilder();
        foreach (Column column in columns)
        {
            string? text = column.FormatValue(row);
            key.Append(text is null ? -1 : text.Length).Append(':').Append(text);
        }

        return key.ToString();
    }

    private static Table Select(Table table, List<int> rows)
    {
        var columns = new List<Column>(table.Columns.Count);
        foreach (Column column in table.Columns)
        {
            columns.Add(column switch
            {
                NumericColumn numeric => new NumericColumn(column.Name, rows.Select(r => numeric.Values[r]).ToArray(), numeric.IsInteger),
                CategoricalColumn categorical => new CategoricalColumn(column.Name, rows.Select(r => categorical.Codes[r]).ToArray(), categorical.Categories, column.Type == ColumnType.Boolean),
                DateTimeColumn dateTime => new DateTimeColumn(column.Name, rows.Select(r => dateTime.SecondsSinceEpoch[r]).ToArray(), dateTime.Format),
                TextColumn text => new TextColumn(column.Name, rows.Select(r => text.Values[r]).ToArray(), column.Type),
                _ => throw new NotSupportedException($"Column class {column.GetType().Name} is not supported."),
            });
        }

        return new Table(columns);
    }
}
