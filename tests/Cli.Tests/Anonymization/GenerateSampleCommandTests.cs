using SyntheticData.Testing;
using SyntheticData.Privacy.Detection;
using SyntheticData.Tabular;

namespace SyntheticData.Cli.Tests.Anonymization;

public sealed class GenerateSampleCommandTests
{
    [Fact]
    public void GenerateSample_SameSeed_SameFile()
    {
        using var folder = new TemporaryFolder();

        (int first, _, string error) = SynthdataProcess.Run(folder.Path, "generate-sample", "--rows", "400", "--out", "a.csv", "--seed", "11");
        (int second, _, _) = SynthdataProcess.Run(folder.Path, "generate-sample", "--rows", "400", "--out", "b.csv", "--seed", "11");

        Assert.True(first == ExitCodes.Success, error);
        Assert.Equal(ExitCodes.Success, second);
        Assert.Equal(File.ReadAllBytes(folder.File("a.csv")), File.ReadAllBytes(folder.File("b.csv")));

        var cards = new CardNumberDetector();
        var ibans = new IbanDetector();
        var digitLengths = new HashSet<int>();
        bool twoSeries = false;
        using var reader = new CsvRecordReader(folder.File("a.csv"));
        int card = reader.Header.ToList().IndexOf("card_number");
        int iban = reader.Header.ToList().IndexOf("iban");
        while (reader.ReadNext())
        {
            string number = reader.GetString(card)!;
            Assert.Equal(ValueCheck.Valid, cards.Validate(number));
            Assert.Equal(ValueCheck.Valid, ibans.Validate(reader.GetString(iban)!));
            string digits = new(number.Where(char.IsAsciiDigit).ToArray());
            digitLengths.Add(digits.Length);
            twoSeries |= digits[0] == '2';
        }

        Assert.Equal(400, reader.RecordNumber);
        Assert.Contains(19, digitLengths);
        Assert.Contains(15, digitLengths);
        Assert.True(twoSeries);
    }

    [Fact]
    public void CommittedSample_AnonymizesWithItsPolicy()
    {
        using var folder = new TemporaryFolder();
        string samples = Path.Combine(RepositoryPaths.RepositoryRoot, "samples");

        (int code, _, string error) = SynthdataProcess.Run(
            folder.Path,
            "anonymize",
            Path.Combine(samples, "card_transactions_sample.csv"),
            "--policy",
            Path.Combine(samples, "card_transactions_sample.policy.json"),
            "--out",
            "out.csv");

        Assert.True(code == ExitCodes.Success, error);
    }
}
