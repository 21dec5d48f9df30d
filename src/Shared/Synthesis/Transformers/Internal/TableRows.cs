using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Transformers.Internal;

/// <summary>Row selection and concatenation for decoded tables, used by rejection sampling.</summary>
internal static class TableRows
{
    /// <summary>Returns a table with the rows of <paramref name="tables"/> in order, keeping at most <paramref name="limit"/> rows.</summary>
    public static Table Concat(IReadOnlyList<Table> tables, int limit)
    {
        Table first = tables[0];
        var selections = new List<(Table Table, int Row)>();
        foreach (Table table in tables)
        {
            for (int row = 0; row < table.RowCount && selections.Count < limit; row++)
            {
                selections.Add((table, row));
            }
        }

        var columns = new Column[first.Columns.Count];
        for (int c = 0; c < columns.Length; c++)
        {
            columns[c] = Gather(first.Columns[c].Name, selections);
        }

        return new Table(columns);
    }

    /// <summary>Returns the rows of <paramref name="table"/> at <paramref name="rows"/>, in that order.</summary>
    public static Table Select(Table table, IReadOnlyList<int> rows) =>
        new(table.Columns.Select(c => Gather(c.Name, rows.Select(r => (table, r)).ToList())).ToArray());

    private static Column Gather(string name, List<(Table Table, int Row)> selections)
    {
        Column template = selections.Count > 0 ? selections[0].Table[name] : throw new InvalidOperationException("No rows to gather.");
        switch (template)
        {
            case NumericColumn numeric:
                return new NumericColumn(name, selections.Select(s => ((NumericColumn)s.Table[name]).Values[s.Row]).ToArray(), numeric.IsInteger);
            case DateTimeColumn dates:
                return new DateTimeColumn(name, selections.Select(s => ((DateTimeColumn)s.Table[name]).SecondsSinceEpoch[s.Row]).ToArray(), dates.Format);
            case CategoricalColumn categorical:
                // Decoded tables of one transformer share the category list, so codes carry over unchanged.
                return new CategoricalColumn(
                    name,
                    selections.Select(s => ((CategoricalColumn)s.Table[name]).Codes[s.Row]).ToArray(),
                    categorical.Categories,
                    categorical.Type == ColumnType.Boolean);
            case TextColumn text:
                return new TextColumn(name, selections.Select(s => ((TextColumn)s.Table[name]).Values[s.Row]).ToArray(), text.Type);
            default:
                throw new NotSupportedException($"Column '{name}' has an unsupported column class.");
        }
    }
}
