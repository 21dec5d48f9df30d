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
}
