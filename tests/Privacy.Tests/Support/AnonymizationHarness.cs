using SyntheticData.Privacy.Anonymization;
using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Policies;
using SyntheticData.Tabular;

namespace SyntheticData.Privacy.Tests.Support;

/// <summary>
/// Runs CSV text through the real policy reader, plan, anonymizer, CSV reader and writer in a temporary
/// folder, and returns the output text and summary.
/// </summary>
internal static class AnonymizationHarness
{
    public static readonly KeyMaterial KeyA = new("default", 1, Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static readonly KeyMaterial KeyB = new("default", 2, Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    public static readonly TextScanner Scanner = new();

    public static (string Output, AnonymizationSummary Summary, AnonymizationPlan Plan) Run(
        string csv, string policyJson, KeyMaterial? key = null)
    {
        DatasetPolicy policy = PolicyReader.Parse(policyJson, "test policy");
        return Run(csv, policy, key);
    }

    public static (string Output, AnonymizationSummary Summary, AnonymizationPlan Plan) Run(
        string csv, DatasetPolicy policy, KeyMaterial? key = null)
    {
        string folder = Path.Combine(Path.GetTempPath(), "privacy-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string input = Path.Combine(folder, "input.csv");
            string output = Path.Combine(folder, "output.csv");
            File.WriteAllText(input, csv);
            var readOptions = new CsvReadOptions { NullMarkers = policy.NullMarkers, Separator = policy.Separator };

            AnonymizationPlan plan;
            using (var reader = new CsvRecordReader(input, readOptions))
            {
                plan = AnonymizationPlan.Create(policy, reader.Header, key ?? KeyA, (text, region) => Scanner.Scan(text, region, false));
            }

            AnonymizationSummary summary;
            using (var writer = new CsvRecordWriter(output, plan.OutputHeader, new CsvWriteOptions { NullMarkers = policy.NullMarkers }))
            {
                summary = new DatasetAnonymizer(plan).Run(() => new CsvRecordReader(input, readOptions), writer);
                writer.Commit();
            }

            return (File.ReadAllText(output), summary, plan);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Reads CSV text back into header and rows with the real reader.</summary>
    public static (IReadOnlyList<string> Header, List<string?[]> Rows) Parse(string csv, IReadOnlyList<string>? nullMarkers = null)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        using var reader = new CsvRecordReader(stream, new CsvReadOptions { NullMarkers = nullMarkers ?? [string.Empty] }, "output");
        var rows = new List<string?[]>();
        while (reader.ReadNext())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return (reader.Header, rows);
    }

    /// <summary>Returns a policy JSON with the given column entries (JSON object members) and extra top-level members.</summary>
    public static string Policy(string columns, string extra = "") =>
        "{ \"version\": 1, \"columns\": { " + columns + " }" + (extra.Length > 0 ? ", " + extra : string.Empty) + " }";
}
