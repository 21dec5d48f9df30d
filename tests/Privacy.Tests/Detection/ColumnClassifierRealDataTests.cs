using SyntheticData.Privacy.Detection;
using SyntheticData.Tabular;
using SyntheticData.Testing;

namespace SyntheticData.Privacy.Tests.Detection;

/// <summary>Classification of the public data sets: simulated card transactions, and census and credit benchmarks.</summary>
public sealed class ColumnClassifierRealDataTests
{
    private const int SampleRows = 2000;

    private static readonly Dictionary<string, IReadOnlyList<ColumnClassification>> Cache = new(StringComparer.Ordinal);

    private static readonly FixedTimeProvider Clock = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

    public static TheoryData<string, PiiKind> CardTransactionColumns => new()
    {
        { string.Empty, PiiKind.None },
        { "trans_date_trans_time", PiiKind.None },
        { "cc_num", PiiKind.CardNumber },
        { "merchant", PiiKind.None },
        { "category", PiiKind.None },
        { "amt", PiiKind.None },
        { "first", PiiKind.PersonName },
        { "last", PiiKind.PersonName },
        { "gender", PiiKind.Gender },
        { "street", PiiKind.PostalAddress },
        { "city", PiiKind.Location },
        { "state", PiiKind.Location },
        { "zip", PiiKind.PostalCode },
        { "lat", PiiKind.GeoCoordinate },
        { "long", PiiKind.GeoCoordinate },
        { "city_pop", PiiKind.None },
        { "job", PiiKind.Occupation },
        { "dob", PiiKind.DateOfBirth },
        { "trans_num", PiiKind.Identifier },
        { "unix_time", PiiKind.None },
        { "merch_lat", PiiKind.None },
        { "merch_long", PiiKind.None },
        { "is_fraud", PiiKind.None },
    };

    [Theory]
    [MemberData(nameof(CardTransactionColumns))]
    public void CardTransactions_ColumnKind(string header, PiiKind expected)
    {
        ColumnClassification column = Classify("card_transactions.csv").Single(c => c.Header == header);

        Assert.Equal(expected, column.Kind);
    }

    [Fact]
    public void CardTransactions_CardColumnValidates()
    {
        ColumnClassification column = Classify("card_transactions.csv").Single(c => c.Header == "cc_num");

        // Every number is Luhn-valid, but the simulator also writes 11-digit numbers and 16-digit numbers starting
        // 3500-3527 or 3590-3599, outside JCB's 3528-3589; those fail the issuer check and the column is still a card column.
        Assert.InRange(column.ValidatedShare, 0.9, 1.0);
    }

    [Fact]
    public void CardTransactions_NoEmbeddedFindingsOutsideClassifiedColumns()
    {
        foreach (ColumnClassification column in Classify("card_transactions.csv").Where(c => c.Kind == PiiKind.None))
        {
            Assert.True(column.EmbeddedKinds.Count == 0, $"Column '{column.Header}' reports embedded {string.Join(", ", column.EmbeddedKinds)}.");
        }
    }

    [Theory]
    [InlineData("adult.csv")]
    [InlineData("bank.csv")]
    [InlineData("german_credit.csv")]
    [InlineData("credit_default.csv")]
    public void BenchmarkSet_HasNoDirectIdentifier(string fileName)
    {
        foreach (ColumnClassification column in Classify(fileName))
        {
            Assert.False(column.IsDirectIdentifier, $"Column '{column.Header}' classified as {column.Kind}: {column.Reason}");
            Assert.True(column.EmbeddedKinds.Count == 0, $"Column '{column.Header}' reports embedded {string.Join(", ", column.EmbeddedKinds)}.");
        }
    }

    [Fact]
    public void CardTransactionsWithoutHeader_ThreeKinds()
    {
        Dictionary<string, PiiKind> found = ClassifyWithoutHeader("card_transactions.csv")
            .Where(c => c.Kind != PiiKind.None)
            .ToDictionary(c => c.Header, c => c.Kind);

        // Single first and last names need a header hint: one word of letters reads like a city or a category.
        Assert.Equal(
            new Dictionary<string, PiiKind> { ["c2"] = PiiKind.CardNumber, ["c9"] = PiiKind.PostalAddress, ["c17"] = PiiKind.DateOfBirth },
            found);
    }

    [Theory]
    [InlineData("adult.csv")]
    [InlineData("bank.csv")]
    [InlineData("german_credit.csv")]
    [InlineData("credit_default.csv")]
    public void BenchmarkSetWithoutHeader_HasNoFinding(string fileName)
    {
        foreach (ColumnClassification column in ClassifyWithoutHeader(fileName))
        {
            Assert.True(column.Kind == PiiKind.None, $"Column '{column.Header}' classified as {column.Kind}: {column.Reason}");
        }
    }

    [Fact]
    public void Adult_FindsQuasiIdentifiers()
    {
        IReadOnlyList<ColumnClassification> columns = Classify("adult.csv");

        Assert.Equal(PiiKind.Age, columns.Single(c => c.Header == "age").Kind);
        Assert.Equal(PiiKind.Gender, columns.Single(c => c.Header == "sex").Kind);
        Assert.Equal(PiiKind.Location, columns.Single(c => c.Header == "native-country").Kind);
        Assert.Equal(PiiKind.Occupation, columns.Single(c => c.Header == "occupation").Kind);
        Assert.Equal(PiiKind.SpecialCategory, columns.Single(c => c.Header == "race").Kind);
        Assert.Equal(PiiKind.Demographic, columns.Single(c => c.Header == "marital-status").Kind);
        Assert.Equal(PiiKind.Demographic, columns.Single(c => c.Header == "education").Kind);
    }

    private static IReadOnlyList<ColumnClassification> Classify(string fileName)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(fileName, out IReadOnlyList<ColumnClassification>? columns))
            {
                columns = ClassifyFile(fileName);
                Cache[fileName] = columns;
            }

            return columns;
        }
    }

    /// <summary>Classifies the file's columns under the names c0, c1 and so on, as an extract without a header would have them.</summary>
    private static IReadOnlyList<ColumnClassification> ClassifyWithoutHeader(string fileName)
    {
        using CsvRecordReader reader = new(RepositoryPaths.SharedData(fileName));
        ColumnSample[] samples = [.. ColumnSampler.Read(reader, SampleRows).Select((s, i) => new ColumnSample($"c{i}", s.Values))];
        return new ColumnClassifier(timeProvider: Clock).ClassifyTable(samples);
    }

    private static IReadOnlyList<ColumnClassification> ClassifyFile(string fileName)
    {
        using CsvRecordReader reader = new(RepositoryPaths.SharedData(fileName));
        IReadOnlyList<ColumnSample> samples = ColumnSampler.Read(reader, SampleRows);
        return new ColumnClassifier(timeProvider: Clock).ClassifyTable(samples);
    }
}
