using SyntheticData.Pipeline.Anonymization;
using SyntheticData.Privacy.Anonymization;
using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Pipeline.Tests.Anonymization;

/// <summary>
/// The rescan after <c>anonymize</c> on real files: it confirms the check of the protected cells made while writing,
/// and scans every protected cell again whenever that check found something or the file differs from what was written.
/// </summary>
public sealed class RescanTests : IDisposable
{
    private const string Extract =
        "customer,card,email,note\n" +
        "C1,4111 1111 1111 1111,ada.brennick.accounts.payable.team@ex.io,first\n" +
        "C2,5555555555554444,NULL,\n" +
        "C1,4111 1111 1111 1111,ada.brennick.accounts.payable.team@ex.io,  \n" +
        "C3,,tomas.ferreira.accounts.payable.team@ex.io,last\n";

    private static readonly KeyMaterial Key = new("default", 1, Enumerable.Range(7, 32).Select(i => (byte)i).ToArray());

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rescan-tests-" + Guid.NewGuid().ToString("N"));

    public RescanTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "in.csv"), Extract);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("out.csv")]
    [InlineData("out.csv.gz")]
    [InlineData("out.parquet")]
    public void Rescan_CleanOutput_ConfirmsCheckWhileWriting(string outputName)
    {
        (string output, ExtractAnonymization run) = Anonymize(emailOperator: "{\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"email\"}}", outputName);

        ResidualScanResult rescan = ExtractAnonymizer.Rescan(output, run.Plan, run.Summary.Verification);

        Assert.True(run.Summary.Verification!.Clean);
        Assert.Equal(4 * 3, run.Summary.Verification.Cells);
        Assert.True(rescan.ProtectedCellsConfirmedByHash);
        Assert.True(rescan.Passed);
        Assert.Equal(4, rescan.RecordsScanned);
        Assert.Equal(outputName.EndsWith(".parquet", StringComparison.Ordinal), run.Summary.Verification.CellDigest is not null);
        Assert.Equal(outputName.EndsWith(".parquet", StringComparison.Ordinal), run.Summary.Verification.Text is null);
    }

    [Fact]
    public void Rescan_RecordAppendedToCsv_ScansEveryCell()
    {
        (string output, ExtractAnonymization run) = Anonymize(emailOperator: "{\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"email\"}}", "out.csv");
        File.AppendAllText(output, "C9,5555555555554444,x,y\n");

        ResidualScanResult rescan = ExtractAnonymizer.Rescan(output, run.Plan, run.Summary.Verification);

        Assert.False(rescan.ProtectedCellsConfirmedByHash);
        Assert.Equal(5, rescan.RecordsScanned);
        ResidualFinding finding = Assert.Single(rescan.Findings);
        Assert.Equal("card", finding.Column);
        Assert.Equal([6L], finding.FirstLines);
        Assert.False(rescan.Passed);
    }

    [Fact]
    public void Rescan_TamperedCell_ScansEveryCell()
    {
        (string output, ExtractAnonymization run) = Anonymize(emailOperator: "{\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"email\"}}", "out.csv");
        string[] lines = File.ReadAllLines(output);
        string[] fields = lines[2].Split(',');
        fields[1] = "4111111111111111";
        lines[2] = string.Join(',', fields);
        File.WriteAllLines(output, lines);

        ResidualScanResult rescan = ExtractAnonymizer.Rescan(output, run.Plan, run.Summary.Verification);

        Assert.True(run.Summary.Verification!.Clean);
        Assert.False(rescan.ProtectedCellsConfirmedByHash);
        ResidualFinding finding = Assert.Single(rescan.Findings);
        Assert.Equal("card", finding.Column);
        Assert.Equal(PiiKind.CardNumber, finding.Kind);
        Assert.Equal([3L], finding.FirstLines);
        Assert.False(rescan.Passed);
    }

    [Fact]
    public void Rescan_FindingWhileWriting_ScansEveryCell()
    {
        // Masking that keeps 8 characters at each end leaves long addresses with short domains detectable.
        (string output, ExtractAnonymization run) = Anonymize(emailOperator: "{\"operator\": \"mask\", \"parameters\": {\"keepFirst\": 8, \"keepLast\": 8}}", "out.csv");

        ResidualScanResult rescan = ExtractAnonymizer.Rescan(output, run.Plan, run.Summary.Verification);

        Assert.False(run.Summary.Verification!.Clean);
        Assert.False(rescan.ProtectedCellsConfirmedByHash);
        ResidualFinding finding = Assert.Single(rescan.Findings);
        Assert.Equal("email", finding.Column);
        Assert.Equal(PiiKind.Email, finding.Kind);
        Assert.Equal(3, finding.Cells);
        Assert.False(rescan.Passed);
    }

    [Theory]
    [InlineData(1_500, false)]
    [InlineData(500, false)]
    [InlineData(-1, true)]
    public void Rescan_KeptNotesPastSample_ScannedToTheEnd(int cardRecord, bool passes)
    {
        // The notes are free text, so a card number mentioned after the kept columns' sample fails the run too.
        var text = new System.Text.StringBuilder("customer,note\n");
        for (int i = 1; i <= 3_000; i++)
        {
            string note = i == cardRecord
                ? "customer read card 4111 1111 1111 1111 on the phone"
                : $"customer called about order {i % 97} and asked for a new statement by post";
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"C{i % 400},{note}\n");
        }

        File.WriteAllText(Path.Combine(_folder, "notes.csv"), text.ToString());
        DatasetPolicy policy = PolicyReader.Parse(
            """{ "version": 1, "columns": { "customer": { "operator": "pseudonym" }, "note": { "operator": "keep" } } }""");
        string output = Path.Combine(_folder, "notes.out.csv");
        ExtractAnonymization run = ExtractAnonymizer.Anonymize(Path.Combine(_folder, "notes.csv"), policy, Key, output);

        ResidualScanResult rescan = ExtractAnonymizer.Rescan(output, run.Plan, run.Summary.Verification);

        Assert.Equal(passes, rescan.Passed);
        if (!passes)
        {
            ResidualFinding finding = Assert.Single(rescan.Findings);
            Assert.Equal(("note", PiiKind.CardNumber, false), (finding.Column, finding.Kind, finding.IsSporadic));
            Assert.Equal([cardRecord + 1L], finding.FirstLines);
            Assert.True(finding.IsWholeColumn);
            Assert.Contains("in 1 cell of column 'note'", Assert.Single(ExtractAnonymizer.DescribeFailures(rescan, risk: null)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rescan_KeptShortValuesPastSample_NotScanned()
    {
        // A column of short codes is not free text, so only its sample is scanned, as the README describes.
        var text = new System.Text.StringBuilder("customer,code\n");
        for (int i = 1; i <= 3_000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"C{i % 400},{(i == 1_500 ? "4111111111111111" : $"K{i % 50}")}\n");
        }

        File.WriteAllText(Path.Combine(_folder, "codes.csv"), text.ToString());
        DatasetPolicy policy = PolicyReader.Parse(
            """{ "version": 1, "columns": { "customer": { "operator": "pseudonym" }, "code": { "operator": "keep" } } }""");
        string output = Path.Combine(_folder, "codes.out.csv");
        ExtractAnonymization run = ExtractAnonymizer.Anonymize(Path.Combine(_folder, "codes.csv"), policy, Key, output);

        ResidualScanResult rescan = ExtractAnonymizer.Rescan(output, run.Plan, run.Summary.Verification);

        Assert.True(rescan.Passed);
        Assert.Empty(rescan.Findings);
    }

    private (string Output, ExtractAnonymization Run) Anonymize(string emailOperator, string outputName)
    {
        DatasetPolicy policy = TestPolicies.CustomerCardEmailNote(emailOperator);
        string output = Path.Combine(_folder, outputName);
        ExtractAnonymization run = ExtractAnonymizer.Anonymize(Path.Combine(_folder, "in.csv"), policy, Key, output);
        return (output, run);
    }
}
