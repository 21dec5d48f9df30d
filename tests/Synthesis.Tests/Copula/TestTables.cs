using System.Globalization;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Tests.Copula;

/// <summary>
/// Builds small in-memory tables for the copula tests and reads sampled columns back as values.
/// </summary>
internal static class TestTables
{
    /// <summary>A numeric column; null entries become missing values.</summary>
    public static NumericColumn Numbers(string name, IEnumerable<double?> values, bool isInteger) =>
        new(name, values.Select(v => v ?? double.NaN).ToArray(), isInteger);

    /// <summary>A categorical column with categories in order of first appearance; null entries are missing.</summary>
    public static CategoricalColumn Categories(string name, IEnumerable<string?> labels, bool isBoolean = false)
    {
        var categories = new List<string>();
        var codes = new List<int>();
        foreach (string? label in labels)
        {
            if (label is null)
            {
                codes.Add(-1);
                continue;
            }

            int code = categories.IndexOf(label);
            if (code < 0)
            {
                code = categories.Count;
                categories.Add(label);
            }

            codes.Add(code);
        }

        return new CategoricalColumn(name, codes.ToArray(), categories, isBoolean);
    }

    /// <summary>A datetime column parsed from text with a .NET exact format, as UTC.</summary>
    public static DateTimeColumn Dates(string name, IEnumerable<string?> texts, string format) =>
        new(name, texts.Select(text => text is null ? double.NaN : ToSeconds(text, format)).ToArray(), format);

    /// <summary>Parses a timestamp written with <paramref name="format"/> as seconds since the Unix epoch.</summary>
    public static double ToSeconds(string text, string format) =>
        (DateTime.ParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) - DateTime.UnixEpoch).TotalSeconds;

    /// <summary>Returns every cell of <paramref name="column"/> as written to a file; null for missing.</summary>
    public static string?[] Texts(Column column) => Enumerable.Range(0, column.Length).Select(column.FormatValue).ToArray();

    /// <summary>Returns the share of rows of <paramref name="column"/> that are missing.</summary>
    public static double NullShare(Column column) =>
        (double)Enumerable.Range(0, column.Length).Count(column.IsNull) / column.Length;

    /// <summary>Writes <paramref name="table"/> as CSV text: header, then one line per row, empty for missing.</summary>
    public static string ToCsv(Table table)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.Write(string.Join(',', table.Columns.Select(c => c.Name)));
        writer.Write('\n');
        for (int row = 0; row < table.RowCount; row++)
        {
            writer.Write(string.Join(',', table.Columns.Select(c => c.FormatValue(row) ?? string.Empty)));
            writer.Write('\n');
        }

        return writer.ToString();
    }
}
