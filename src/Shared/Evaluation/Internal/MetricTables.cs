using SyntheticData.Tabular;

namespace SyntheticData.Evaluation.Internal;

/// <summary>Converts the metadata's columns of a table to <see cref="MetricColumn"/>s.</summary>
internal static class MetricTables
{
    public static MetricColumn[] Convert(Table table, IReadOnlyList<ColumnMetadata> columns, string tableName)
    {
        var converted = new MetricColumn[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            if (!table.TryGetColumn(columns[i].Name, out Column? column) || column is null)
            {
                throw new EvaluationException($"Column '{columns[i].Name}' is in the metadata but missing from the {tableName} table.");
            }

            converted[i] = MetricColumn.From(column, columns[i]);
        }

        return converted;
    }
}
