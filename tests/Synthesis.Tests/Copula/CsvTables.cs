using System.Globalization;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Tests.Copula;

/// <summary>
/// Loads a CSV file into a <see cref="Table"/> through the project's CSV reader. A column whose present
/// values all parse as numbers is numeric, and integer when all are whole. Every other column is
/// categorical, with its labels kept exactly, leading blanks included.
/// </summary>
internal static class CsvTables
{
    /// <summary>Reads the whole file.</summary>
    public static Table Load(string path)
    {
        using var reader = new CsvRecordReader(path);
        var cells = reader.Header.Select(_ => new List<string?>()).ToArray();
        while (reader.ReadNext())
        {
            for (int i = 0; i < cells.Length; i++)
            {
                cells[i].Add(reader.GetString(i));
            }
        }

        var columns = new Column[cells.Length];
        for (int i = 0; i < cells.Length; i++)
        {
            columns[i] = ToColumn(reader.Header[i], cells[i]);
        }

        return new Table(columns);
    }

    /// <summary>Returns the rows of <paramref name="table"/> whose 0-based index satisfies <paramref name="keep"/>.</summary>
    public static Table Rows(Table table, Func<int, bool> keep)
    {
        int[] rows = Enumerable.Range(0, table.RowCount).Where(keep).ToArray();
        var columns = new List<Column>();
        foreach (Column column in table.Columns)
        {
            columns.Add(column switch
            {
                NumericColumn numeric => new NumericColumn(column.Name, rows.Select(r => numeric.Values[r]).ToArray(), numeric.IsInteger),
                CategoricalColumn categorical => new CategoricalColumn(column.Name, rows.Select(r => categorical.Codes[r]).ToArray(), categorical.Categories, column.Type == ColumnType.Boolean),
                DateTimeColumn dateTime => new DateTimeColumn(column.Name, rows.Select(r => dateTime.SecondsSinceEpoch[r]).ToArray(), dateTime.Format),
                TextColumn text => new TextColumn(column.Name, rows.Select(r => text.Values[r]).ToArray(), column.Type),
                _ => throw new NotSupportedException(column.GetType().Name),
            });
        }

        return new Table(columns);
    }

    private static Column ToColumn(string name, List<string?> cells)
    {
        double[] numbers = new double[cells.Count];
        bool numeric = true;
        for (int row = 0; row < cells.Count && numeric; row++)
        {
            string? cell = cells[row];
            if (cell is null)
            {
                numbers[row] = double.NaN;
            }
            else if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[row]))
            {
                numeric = false;
            }
        }

        if (numeric)
        {
            bool integer = numbers.All(v => double.IsNaN(v) || v == Math.Floor(v));
            return new NumericColumn(name, numbers, integer);
        }

        var categories = new List<string>();
        var codeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] codes = new int[cells.Count];
        for (int row = 0; row < cells.Count; row++)
        {
            string? cell = cells[row];
            if (cell is null)
            {
                codes[row] = -1;
                continue;
            }

            if (!codeOf.TryGetValue(cell, out int code))
            {
                code = categories.Count;
                categories.Add(cell);
                codeOf.Add(cell, code);
            }

            codes[row] = code;
        }

        return new CategoricalColumn(name, codes, categories);
    }
}
