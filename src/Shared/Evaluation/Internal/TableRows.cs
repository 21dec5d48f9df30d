using SyntheticData.Tabular;

namespace SyntheticData.Evaluation.Internal;

/// <summary>Builds a table from chosen rows of another, keeping every column's type and categories.</summary>
internal static class TableRows
{
    public static Table Select(Table table, int[] rows)
    {
        var columns = new List<Column>(table.Columns.Count);
        foreach (Column column in table.Columns)
        {
            columns.Add(column switch
            {
                NumericColumn numeric => new NumericColumn(numeric.Name, rows.Select(r => numeric.Values[r]).ToArray(), numeric.IsInteger),
                DateTimeColumn dateTime => new DateTimeColumn(dateTime.Name, rows.Select(r => dateTime.SecondsSinceEpoch[r]).ToArray(), dateTime.Format),
                CategoricalColumn categorical => new CategoricalColumn(
                    categorical.Name, rows.Select(r => categorical.Codes[r]).ToArray(), categorical.Categories, categorical.Type == ColumnType.Boolean),
                TextColumn text => new TextColumn(text.Name, rows.Select(r => text.Values[r]).ToArray(), text.Type),
                _ => throw new ArgumentException($"Column '{column.Name}' has an unsupported column class {column.GetType().Name}.", nameof(table)),
            });
        }

        return new Table(columns);
    }
}
