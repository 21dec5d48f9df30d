using System.Globalization;
using System.Text.Json;
using SyntheticData.Tabular;
using SyntheticData.Testing;

namespace SyntheticData.Evaluation.Tests.Internal;

/// <summary>
/// One SDMetrics golden case: its tables typed by metadata.json, and its expected.json.
/// </summary>
internal sealed class GoldenCase
{
    private static readonly Dictionary<string, GoldenCase> Cache = new(StringComparer.Ordinal);

    private GoldenCase(string name)
    {
        Name = name;
        Folder = RepositoryPaths.Shared("golden", "sdmetrics", name);
        Metadata = EvaluationMetadata.Load(Path.Combine(Folder, "metadata.json"));
        Real = LoadTable("real.csv", Metadata);
        Synthetic = LoadTable("synthetic.csv", Metadata);
        Holdout = LoadTable("holdout.csv", Metadata);
        RandomBaseline = LoadTable("dcr_random_baseline.csv", Metadata);
        Expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json"))).RootElement;
    }

    public static IEnumerable<object[]> Names => new[] { "adult-sample", "small-mixed", "edge-constant", "pairs-only-numeric" }.Select(n => new object[] { n });

    public string Name { get; }

    public string Folder { get; }

    public EvaluationMetadata Metadata { get; }

    public Table Real { get; }

    public Table Synthetic { get; }

    public Table Holdout { get; }

    public Table RandomBaseline { get; }

    public JsonElement Expected { get; }

    public static GoldenCase Load(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out GoldenCase? golden))
            {
                golden = new GoldenCase(name);
                Cache.Add(name, golden);
            }

            return golden;
        }
    }

    /// <summary>Reads a golden number: a JSON number, or the string "NaN".</summary>
    public static double Number(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && element.GetString() == "NaN" ? double.NaN : element.GetDouble();

    public static void AssertClose(double expected, double actual, string context)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{context}: expected NaN, got {actual:R}");
            return;
        }

        Assert.False(double.IsNaN(actual), $"{context}: expected {expected:R}, got NaN");
        Assert.True(Math.Abs(expected - actual) <= 1e-9, $"{context}: expected {expected:R}, got {actual:R}");
    }

    public string CsvPath(string file) => Path.Combine(Folder, file);

    private Table LoadTable(string file, EvaluationMetadata metadata)
    {
        (string[] header, List<string?[]> rows) = CsvText.Read(Path.Combine(Folder, file));
        var columns = new List<Column>();
        for (int c = 0; c < header.Length; c++)
        {
            string?[] cells = rows.Select(row => row[c]).ToArray();
            columns.Add(BuildColumn(header[c], cells, metadata[header[c]]));
        }

        return new Table(columns);
    }

    private static Column BuildColumn(string name, string?[] cells, ColumnMetadata metadata)
    {
        switch (metadata.SdType)
        {
            case SdType.Numerical:
                double[] values = cells.Select(cell => cell is null ? double.NaN : double.Parse(cell, CultureInfo.InvariantCulture)).ToArray();

                // pandas reads a column as int64 only when every cell is integer text and none is empty.
                bool isInteger = cells.All(cell => cell is not null && long.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out _));
                return new NumericColumn(name, values, isInteger);
            case SdType.Datetime:
                return new DateTimeColumn(name, cells.Select(ParseSeconds).ToArray(), "yyyy-MM-dd");
            default:
                var categories = new List<string>();
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                int[] codes = cells.Select(cell =>
                {
                    if (cell is null)
                    {
                        return -1;
                    }

                    if (!index.TryGetValue(cell, out int code))
                    {
                        code = categories.Count;
                        index.Add(cell, code);
                        categories.Add(cell);
                    }

                    return code;
                }).ToArray();
                return new CategoricalColumn(name, codes, categories, metadata.SdType == SdType.Boolean);
        }
    }

    /// <summary>Parses <c>yyyy-MM-dd</c> or <c>yyyy-MM-dd HH:mm:ss.fffffffff</c> (nanoseconds) to seconds since 1970.</summary>
    private static double ParseSeconds(string? cell)
    {
        if (cell is null)
        {
            return double.NaN;
        }

        string[] parts = cell.Split('.');
        DateTime whole = DateTime.ParseExact(
            parts[0],
            parts[0].Length == 10 ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        double seconds = (whole - DateTime.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond;
        if (parts.Length == 2)
        {
            seconds += long.Parse(parts[1], CultureInfo.InvariantCulture) / Math.Pow(10, parts[1].Length);
        }

        return seconds;
    }
}
