using System.Text;
using SyntheticData.Privacy.Anonymization;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Policies;
using SyntheticData.Privacy.Tests.Support;
using SyntheticData.Tabular;

namespace SyntheticData.Privacy.Tests.Anonymization;

public sealed class ResidualScannerTests
{
    [Fact]
    public void RepeatedValues_EveryFindingCounted()
    {
        // Clean values repeat and are remembered; a live card number repeats too and must be counted each time.
        DatasetPolicy policy = PolicyReader.Parse(AnonymizationHarness.Policy(
            "\"card\": {\"operator\": \"mask\"}, \"note\": {\"operator\": \"keep\"}"));
        AnonymizationPlan plan = AnonymizationPlan.Create(policy, ["card", "note"], AnonymizationHarness.KeyA);
        var csv = new StringBuilder("card,note\n");
        for (int i = 0; i < 200; i++)
        {
            csv.Append(i % 4 == 3 ? "4111 1111 1111 1111" : "************1111").Append(",x\n");
        }

        string path = Path.Combine(Path.GetTempPath(), "rescan-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, csv.ToString());
        try
        {
            using var reader = new CsvRecordReader(path);
            ResidualScanResult result = new ResidualScanner(new TextScanner()).Scan(reader, plan);

            ResidualFinding finding = Assert.Single(result.Findings);
            Assert.Equal("card", finding.Column);
            Assert.Equal(PiiKind.CardNumber, finding.Kind);
            Assert.Equal(50, finding.Cells);
            Assert.Equal([5L, 9L, 13L], finding.FirstLines.Take(3));
            Assert.False(result.Passed);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    // GTIN-13 barcodes, of which one also passes the card checks: scan calls the column none found, so does the rescan.
    [InlineData("gtin", true)]
    // The same card number among words: scan calls the column free text with a card number inside, so it fails.
    [InlineData("note", false)]
    public void KeptColumn_FindingFailsOnlyWhereTheColumnLooksPersonal(string column, bool passes)
    {
        DatasetPolicy policy = PolicyReader.Parse(AnonymizationHarness.Policy($"\"{column}\": {{\"operator\": \"keep\"}}"));
        AnonymizationPlan plan = AnonymizationPlan.Create(policy, [column], AnonymizationHarness.KeyA);
        var csv = new StringBuilder(column + "\n");
        for (int i = 0; i < 60; i++)
        {
            string value = i == 17 ? "4000000000000002" : Gtin13(400638133393 + (i * 7919L));
            csv.Append(column == "note" ? $"\"order {i} paid with {value} today\"" : value).Append('\n');
        }

        string path = Path.Combine(Path.GetTempPath(), "rescan-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, csv.ToString());
        try
        {
            using var reader = new CsvRecordReader(path);
            ResidualScanResult result = new ResidualScanner(new TextScanner()).Scan(reader, plan);

            ResidualFinding finding = Assert.Single(result.Findings, f => f.Kind == PiiKind.CardNumber);
            Assert.Equal(passes, finding.IsSporadic);
            Assert.Equal(passes, result.Passed);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // Appends the GS1 check digit to twelve digits.
    private static string Gtin13(long twelveDigits)
    {
        string digits = twelveDigits.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
        int sum = digits.Select((c, index) => (c - '0') * (index % 2 == 0 ? 1 : 3)).Sum();
        return digits + ((10 - (sum % 10)) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
