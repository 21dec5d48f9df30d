using System.Globalization;
using SyntheticData.Synthesis.Transformers;
using SyntheticData.Tabular;
using static SyntheticData.Synthesis.Tests.Ctgan.NeuralSynthesizers;

namespace SyntheticData.Synthesis.Tests.Ctgan;

/// <summary>The synthesis cases that data sets commonly trip over, run against both CTGAN and TVAE.</summary>
public class SynthesisCaseTests
{
    public static TheoryData<string> Kinds => new() { NeuralSynthesizers.Ctgan, NeuralSynthesizers.Tvae };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MissingNumbers_AreModelledAsNulls(string kind)
    {
        Table table = ReadCsv("""
            age,income,segment
            34,52000,retail
            41,,retail
            29,38000,online
            ,61000,online
            55,72000,retail
            38,,online
            47,58000,retail
            26,31000,online
            """);

        IConditionalSynthesizer synthesizer = Fit(kind, table, epochs: 5);
        Table sample = synthesizer.Sample(1000, seed: 2);

        Assert.InRange(NullShare(sample["income"]), 0.20, 0.30);
        Assert.InRange(NullShare(sample["age"]), 0.075, 0.175);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void AllNullColumn_IsLeftOutWithWarning(string kind)
    {
        Table table = ReadCsv("""
            id,score,notes,region
            1,0.71,,north
            2,0.64,,south
            3,0.88,,north
            4,0.52,,east
            5,0.93,,south
            6,0.47,,north
            """,
            new Dictionary<string, ColumnDeclaration> { ["notes"] = new(ColumnType.Decimal) });

        IConditionalSynthesizer synthesizer = Fit(kind, table, epochs: 5);
        Table sample = synthesizer.Sample(50, seed: 2);

        SynthesisWarning warning = Assert.Single(synthesizer.Warnings, w => w.Column == "notes");
        Assert.Contains("null in every row", warning.Message, StringComparison.Ordinal);
        Assert.Equal(1.0, NullShare(sample["notes"]));
        Assert.Equal(0.0, NullShare(sample["score"]));
        Assert.Equal(0.0, NullShare(sample["region"]));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void NumbersOnly_TrainsAndKeepsIntegers(string kind)
    {
        Table table = ReadCsv("""
            height_cm,weight_kg,resting_hr
            172.4,68.1,61
            165.0,59.8,72
            181.2,84.3,58
            158.7,52.0,77
            176.9,73.5,64
            169.3,66.2,70
            """);

        IConditionalSynthesizer synthesizer = Fit(kind, table, epochs: 5);
        Table sample = synthesizer.Sample(200, seed: 2);

        Assert.Equal(200, sample.RowCount);
        var heartRate = (NumericColumn)sample["resting_hr"];
        Assert.True(heartRate.IsInteger);
        Assert.All(heartRate.Values, v => Assert.Equal(Math.Round(v), v));
        Assert.All(((NumericColumn)sample["height_cm"]).Values, v => Assert.InRange(v, 158.7, 181.2));
    }

    [Fact]
    public void NumbersOnly_CtganHasNoConditionVector()
    {
        var table = new Table([new NumericColumn("x", [1.5, 2.5, 3.5, 9.0], isInteger: false)]);

        DataTransformer transformer = DataTransformer.Fit(table, new SynthesisOptions(), new DataTransformerOptions(), new Random(1));

        Assert.Equal(0, transformer.ConditionWidth);
        Assert.Empty(transformer.ConditionalColumns);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void BinaryColumn_KeepsMinorityShare(string kind)
    {
        int[] ones = [3, 8, 13, 19, 24, 31, 36];
        string csv = "glucose,outcome\n" + string.Join(
            "\n", Enumerable.Range(0, 40).Select(i => $"{80 + (3 * i)},{(ones.Contains(i) ? 1 : 0)}"));
        Table table = ReadCsv(csv);

        IConditionalSynthesizer synthesizer = Fit(kind, table, epochs: 100, batchSize: 40);
        Table sample = synthesizer.Sample(1000, seed: 2);

        string?[] outcome = Enumerable.Range(0, sample.RowCount).Select(sample["outcome"].FormatValue).ToArray();
        Assert.InRange(outcome.Count(v => v == "1") / 1000.0, 0.095, 0.255);
        Assert.Contains("0", outcome);
        Assert.All(outcome, v => Assert.True(v is "0" or "1", $"outcome {v} is not 0 or 1"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void IdentifierColumn_IsRegeneratedNotModelled(string kind)
    {
        var random = new Random(5);
        var lines = new List<string> { "customer_ref,plan,spend" };
        for (int i = 1; i <= 5000; i++)
        {
            string plan = Plan(random.NextDouble());
            double normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"C{i:D6},{plan},{Math.Round(Math.Exp(4 + (0.6 * normal)), 2)}"));
        }

        Table table = ReadCsv(string.Join("\n", lines));
        long before = GC.GetTotalAllocatedBytes();

        IConditionalSynthesizer synthesizer = Fit(kind, table, epochs: 1, batchSize: 500);
        Table sample = synthesizer.Sample(100, seed: 2);

        long allocated = GC.GetTotalAllocatedBytes() - before;
        var references = (TextColumn)sample["customer_ref"];
        Assert.All(references.Values, v => Assert.Matches("^C[0-9]{6}$", v!));
        Assert.Equal(100, references.Values.Distinct().Count());
        Assert.True(allocated < 500L * 1024 * 1024, $"Training allocated {allocated / 1048576} MiB.");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void IntegerDates_KeepFormatAndRange(string kind)
    {
        Table table = ReadCsv("""
            event_date,amount
            20230623,120.50
            20210405,75.00
            20201221,300.10
            20190727,42.99
            20221107,88.00
            20200315,150.25
            """,
            new Dictionary<string, ColumnDeclaration> { ["event_date"] = new(ColumnType.DateTime, [DateTimeFormats.FromStrftime("%Y%m%d")]) });

        IConditionalSynthesizer synthesizer = Fit(kind, table, epochs: 5);
        Table sample = synthesizer.Sample(200, seed: 2);

        var dates = Assert.IsType<DateTimeColumn>(sample["event_date"]);
        for (int row = 0; row < sample.RowCount; row++)
        {
            string text = dates.FormatValue(row)!;
            Assert.Matches("^[0-9]{8}$", text);
            DateTime date = DateTime.ParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture);
            Assert.InRange(date, new DateTime(2019, 7, 27), new DateTime(2023, 6, 23));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MicrosecondTimestamps_KeepFormatAndRange(string kind)
    {
        Table table = ReadCsv("""
            ts,status
            20220902110443000000,ok
            20220916230356000000,ok
            20220826173917000000,fail
            20220901080000123456,ok
            """,
            new Dictionary<string, ColumnDeclaration> { ["ts"] = new(ColumnType.DateTime, [DateTimeFormats.FromStrftime("%Y%m%d%H%M%S%f")]) });

        IConditionalSynthesizer synthesizer = Fit(kind, table, epochs: 5);
        Table sample = synthesizer.Sample(100, seed: 2);

        var stamps = Assert.IsType<DateTimeColumn>(sample["ts"]);
        for (int row = 0; row < sample.RowCount; row++)
        {
            string text = stamps.FormatValue(row)!;
            Assert.Matches("^[0-9]{20}$", text);
            DateTime value = DateTime.ParseExact(text, "yyyyMMddHHmmssffffff", CultureInfo.InvariantCulture);
            Assert.InRange(value, new DateTime(2022, 8, 26, 17, 39, 17), new DateTime(2022, 9, 16, 23, 3, 56));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void IntegerCategories_StayIntegers(string kind)
    {
        Table table = ReadCsv("""
            store_id,units,returns
            101,5,1
            102,3,
            101,8,2
            103,2,
            102,6,0
            101,4,3
            """,
            new Dictionary<string, ColumnDeclaration> { ["store_id"] = new(ColumnType.Categorical) });

        IConditionalSynthesizer synthesizer = Fit(kind, table, epochs: 5);
        Table sample = synthesizer.Sample(200, seed: 2);

        for (int row = 0; row < sample.RowCount; row++)
        {
            Assert.Contains(sample["store_id"].FormatValue(row), new[] { "101", "102", "103" });
            Assert.Matches("^[0-9]+$", sample["units"].FormatValue(row)!);
            string? returns = sample["returns"].FormatValue(row);
            Assert.True(returns is null || (returns.All(char.IsAsciiDigit) && returns.Length > 0), "returns must be null or an integer");
        }

        Assert.True(((NumericColumn)sample["units"]).IsInteger);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void NonNegativeColumns_StayInRange(string kind)
    {
        Table table = ReadCsv("""
            visits,volume
            0,1200
            1,980
            2,15000
            3,430
            4,76000
            5,5
            6,2210
            7,640
            8,98000
            9,310
            """);

        IConditionalSynthesizer synthesizer = Fit(kind, table, epochs: 5);
        Table sample = synthesizer.Sample(1000, seed: 2);

        Assert.All(((NumericColumn)sample["visits"]).Values, v => Assert.InRange(v, 0, 9));
        Assert.All(((NumericColumn)sample["volume"]).Values, v => Assert.InRange(v, 5, 98000));
    }

    [Theory]
    [InlineData(NeuralSynthesizers.Ctgan, -1.0)]
    [InlineData(NeuralSynthesizers.Ctgan, 1.0)]
    [InlineData(NeuralSynthesizers.Tvae, -1.0)]
    [InlineData(NeuralSynthesizers.Tvae, 1.0)]
    public void NumericCondition_ReturnsRequestedValue(string kind, double sign)
    {
        string csv = "column1,column2\n" + string.Join(
            "\n", Enumerable.Range(0, 100).Select(i => string.Create(CultureInfo.InvariantCulture, $"{sign * i:0.0},{i}")));

        // Every value of column2 is distinct, so detection alone would type it as an identifier.
        Table table = ReadCsv(csv, new Dictionary<string, ColumnDeclaration> { ["column2"] = new(ColumnType.Integer) });
        IConditionalSynthesizer synthesizer = Fit(kind, table, epochs: 30);
        string requested = (sign * 50.0).ToString("0.0", CultureInfo.InvariantCulture);

        Table sample = synthesizer.Sample(1, seed: 3, new SamplingCondition("column1", requested));

        Assert.Equal(1, sample.RowCount);
        Assert.Equal(sign * 50.0, ((NumericColumn)sample["column1"]).Values[0]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SameSeed_GivesIdenticalCsv(string kind)
    {
        Table table = ChurnTable(500, seed: 11);

        string first = FitSampleCsv(kind, table, seed: 7);
        string second = FitSampleCsv(kind, table, seed: 7);
        string other = FitSampleCsv(kind, table, seed: 8);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SmallTable_TrainsAndSamplesMany(string kind)
    {
        var random = new Random(3);
        var lines = new List<string> { "year,clm1,clm2" };
        for (int i = 0; i < 120; i++)
        {
            double n1 = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            double n2 = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{2015 + random.Next(6)},{Math.Round(Math.Exp(17 + (2 * n1)))},{Math.Round(Math.Exp(9 + (2 * n2)))}"));
        }

        Table table = ReadCsv(string.Join("\n", lines));
        IConditionalSynthesizer synthesizer = Fit(kind, table, epochs: 20);

        Table sample = synthesizer.Sample(1200, seed: 4);

        Assert.Equal(1200, sample.RowCount);
        var training = new HashSet<string>(Enumerable.Range(0, table.RowCount).Select(r => RowKey(table, r)));
        int copies = Enumerable.Range(0, sample.RowCount).Count(r => training.Contains(RowKey(sample, r)));
        Assert.True(copies < 60, $"{copies} of 1200 sampled rows copy a training row.");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MixedCategoryLabels_StayFiveCategories(string kind)
    {
        Table table = ReadCsv("""
            grade,pass
            1,yes
            2,no
            ,yes
            1,yes
            3,no
            ,no
            2,yes
            A,yes
            """,
            new Dictionary<string, ColumnDeclaration> { ["grade"] = new(ColumnType.Categorical) });

        IConditionalSynthesizer synthesizer = Fit(kind, table, epochs: 5);
        Table sample = synthesizer.Sample(300, seed: 2);

        string?[] allowed = ["1", "2", "3", "A", null];
        for (int row = 0; row < sample.RowCount; row++)
        {
            Assert.Contains(sample["grade"].FormatValue(row), allowed);
        }
    }

    internal static Table ChurnTable(int rows, int seed)
    {
        var random = new Random(seed);
        string[] regions = ["north", "south", "east", "west"];
        var lines = new List<string> { "region,tenure_months,monthly_fee,plan" };
        for (int i = 0; i < rows; i++)
        {
            string plan = Plan(random.NextDouble());
            lines.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{regions[random.Next(4)]},{random.Next(1, 121)},{Math.Round(10 + (random.NextDouble() * 190), 2):0.00},{plan}"));
        }

        return ReadCsv(string.Join("\n", lines));
    }

    private static string FitSampleCsv(string kind, Table table, int seed)
    {
        IConditionalSynthesizer synthesizer = Create(kind, epochs: 3, batchSize: 100);
        synthesizer.Fit(table, new SynthesisOptions { Seed = seed });
        Table sample = synthesizer.Sample(200, seed);
        string path = Path.Combine(Path.GetTempPath(), $"synthesis-seed-{Guid.NewGuid():N}.csv");
        try
        {
            TableWriter.WriteCsv(sample, path);
            return File.ReadAllText(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Maps a uniform draw to a plan with shares 60, 30 and 10 %.</summary>
    private static string Plan(double uniform)
    {
        if (uniform < 0.6)
        {
            return "basic";
        }

        return uniform < 0.9 ? "plus" : "pro";
    }

    private static string RowKey(Table table, int row) =>
        string.Join("\u001f", table.Columns.Select(c => c.FormatValue(row) ?? string.Empty));
}
