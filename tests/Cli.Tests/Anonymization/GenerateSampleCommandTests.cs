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
    public void GenerateSample_CustomerKeepsOneIdentity()
    {
        using var folder = new TemporaryFolder();

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "generate-sample", "--rows", "2000", "--out", "a.csv", "--seed", "7");

        Assert.True(code == ExitCodes.Success, error);
        using var reader = new CsvRecordReader(folder.File("a.csv"));
        List<string> header = [.. reader.Header];
        int id = header.IndexOf("customer_id");
        int[] personal = [.. new[] { "first_name", "email", "phone", "card_number", "iban" }.Select(name => header.IndexOf(name))];
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        int repeats = 0;
        while (reader.ReadNext())
        {
            string identity = string.Join('|', personal.Select(index => reader.GetString(index)));
            if (seen.TryGetValue(reader.GetString(id)!, out string? earlier))
            {
                repeats++;
                Assert.True(earlier == identity, $"line {reader.LineNumber}: a customer id has another identity than before");
            }
            else
            {
                seen.Add(reader.GetString(id)!, identity);
            }
        }

        Assert.True(repeats > 1_000, $"only {repeats} rows repeat a customer");
    }

    [Fact]
    public void Generator_CustomerBeyondCache_KeepsIdentity()
    {
        // With room for ten customers in memory, the others are drawn again and must come out the same.
        var generator = new Samples.CardTransactionGenerator(seed: 3, customerCacheSize: 10);
        int id = Samples.CardTransactionGenerator.Header.ToList().IndexOf("customer_id");
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        int repeats = 0;
        foreach (string[] record in generator.Generate(2_000))
        {
            string identity = string.Join('|', record[(id + 1)..(id + 14)]);
            if (seen.TryGetValue(record[id], out string? earlier))
            {
                repeats++;
                Assert.Equal(earlier, identity);
            }
            else
            {
                seen.Add(record[id], identity);
            }
        }

        Assert.True(repeats > 1_000, $"only {repeats} rows repeat a customer");
    }

    [Fact]
    public void TransactionsPerCustomer_SetsCustomerCount()
    {
        using var folder = new TemporaryFolder();

        (int code, _, string error) = SynthdataProcess.Run(
            folder.Path, "generate-sample", "--rows", "2000", "--out", "a.csv", "--transactions-per-customer", "20");
        (int invalid, _, string invalidError) = SynthdataProcess.Run(
            folder.Path, "generate-sample", "--rows", "10", "--out", "b.csv", "--transactions-per-customer", "0");

        Assert.True(code == ExitCodes.Success, error);
        using var reader = new CsvRecordReader(folder.File("a.csv"));
        int id = reader.Header.ToList().IndexOf("customer_id");
        var customers = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadNext())
        {
            customers.Add(reader.GetString(id)!);
        }

        Assert.InRange(customers.Count, 90, 100);
        Assert.Equal(ExitCodes.Usage, invalid);
        Assert.Contains("--transactions-per-customer", invalidError, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyInit_RepeatedCustomerIds_SuggestEntityColumn()
    {
        using var folder = new TemporaryFolder();
        SynthdataProcess.Run(folder.Path, "generate-sample", "--rows", "500", "--out", "raw.csv");

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "policy", "init", "raw.csv", "--out", "policy.json");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("\"entityColumn\": \"customer_id\"", error, StringComparison.Ordinal);
        System.Text.Json.Nodes.JsonNode policy = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(folder.File("policy.json")))!;
        Assert.Contains("'customer_id' repeats", policy["comment"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(policy["entityColumn"]);
    }

    [Fact]
    public void CommittedSample_IsTheGeneratorsOutput()
    {
        using var folder = new TemporaryFolder();
        string samples = Path.Combine(RepositoryPaths.RepositoryRoot, "samples");

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "generate-sample", "--rows", "1000", "--out", "sample.csv", "--seed", "42");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal(File.ReadAllText(Path.Combine(samples, "card_transactions_sample.csv")), File.ReadAllText(folder.File("sample.csv")));
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

    [Fact]
    public void GenerateSample_FirstNamesAgreeWithGender()
    {
        using var folder = new TemporaryFolder();
        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "generate-sample", "--rows", "4000", "--transactions-per-customer", "1", "--seed", "5", "--out", "raw.csv");
        Assert.True(code == ExitCodes.Success, error);

        string[] header = File.ReadLines(folder.File("raw.csv")).First().Split(',');
        int first = Array.IndexOf(header, "first_name");
        int gender = Array.IndexOf(header, "gender");
        var genders = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(folder.File("raw.csv")).Skip(1))
        {
            string[] fields = line.Split(',');
            (genders.TryGetValue(fields[first], out HashSet<string>? seen) ? seen : genders[fields[first]] = []).Add(fields[gender]);
        }

        // A few names are in both of the generator's name lists; a random gender would put most repeated names in both.
        int both = genders.Values.Count(set => set.Count > 1);
        Assert.True(both * 50 < genders.Count, $"{both} of {genders.Count} first names appear with both genders");
    }
}
