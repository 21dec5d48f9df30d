using System.Globalization;
using SyntheticData.Synthesis.Copula;
using SyntheticData.Synthesis.Transformers;
using SyntheticData.Tabular;
using static SyntheticData.Synthesis.Tests.Copula.TestTables;

namespace SyntheticData.Synthesis.Tests.Copula;

/// <summary>
/// Inputs that synthesizers of this kind commonly get wrong, each with its expected outcome.
/// </summary>
public sealed class CopulaCaseTests
{
    private static readonly SynthesisOptions Options = new() { Seed = 11 };

    [Fact]
    public void NumericNulls_NullShareReproduced()
    {
        var table = new Table(
        [
            Numbers("age", [34, 41, 29, null, 55, 38, 47, 26], isInteger: true),
            Numbers("income", [52000, null, 38000, 61000, 72000, null, 58000, 31000], isInteger: true),
            Categories("segment", ["retail", "retail", "online", "online", "retail", "online", "retail", "online"]),
        ]);

        Table sample = FitAndSample(table, 1000);

        Assert.InRange(NullShare(sample["income"]), 0.20, 0.30);
        Assert.InRange(NullShare(sample["age"]), 0.075, 0.175);
        Assert.Equal(0, NullShare(sample["segment"]));
    }

    [Fact]
    public void AllNullColumn_LeftOutWithWarning()
    {
        var table = new Table(
        [
            Numbers("id", [1, 2, 3, 4, 5, 6], isInteger: true),
            Numbers("score", [0.71, 0.64, 0.88, 0.52, 0.93, 0.47], isInteger: false),
            Numbers("notes", [null, null, null, null, null, null], isInteger: false),
            Categories("region", ["north", "south", "north", "east", "south", "north"]),
        ]);
        var synthesizer = new GaussianCopulaSynthesizer();

        synthesizer.Fit(table, Options);
        Table sample = synthesizer.Sample(200, seed: 3);

        SynthesisWarning warning = Assert.Single(synthesizer.Warnings);
        Assert.Equal("notes", warning.Column);
        Assert.Equal(1.0, NullShare(sample["notes"]));
        Assert.Equal(ColumnType.Decimal, sample["notes"].Type);
        Assert.Equal(0, NullShare(sample["score"]));
        Assert.All(((NumericColumn)sample["score"]).Values, v => Assert.InRange(v, 0.47, 0.93));
        Assert.All(Texts(sample["region"]), label => Assert.Contains(label, new[] { "north", "south", "east" }));
    }

    [Fact]
    public void NumericOnlyTable_IntegersStayIntegers()
    {
        var table = new Table(
        [
            Numbers("height_cm", [172.4, 165.0, 181.2, 158.7, 176.9, 169.3], isInteger: false),
            Numbers("weight_kg", [68.1, 59.8, 84.3, 52.0, 73.5, 66.2], isInteger: false),
            Numbers("resting_hr", [61, 72, 58, 77, 64, 70], isInteger: true),
        ]);

        Table sample = FitAndSample(table, 500);

        var heartRate = (NumericColumn)sample["resting_hr"];
        Assert.True(heartRate.IsInteger);
        Assert.All(heartRate.Values, v => Assert.Equal(Math.Round(v), v));
        Assert.All(Texts(heartRate), text => Assert.Matches("^[0-9]+$", text));
        Assert.All(((NumericColumn)sample["height_cm"]).Values, v => Assert.Equal(Math.Round(v, 1), v));
    }

    [Fact]
    public void BinaryIntegerColumn_MinorityShareKept()
    {
        int[] ones = [3, 8, 13, 19, 24, 31, 36];
        var table = new Table(
        [
            Numbers("glucose", Enumerable.Range(0, 40).Select(i => (double?)(80 + (3 * i))), isInteger: true),
            Numbers("outcome", Enumerable.Range(0, 40).Select(i => (double?)(ones.Contains(i) ? 1 : 0)), isInteger: true),
        ]);

        Table sample = FitAndSample(table, 1000);

        double[] outcome = ((NumericColumn)sample["outcome"]).Values;
        Assert.All(outcome, v => Assert.True(v is 0 or 1));
        Assert.InRange(outcome.Count(v => v == 1) / 1000.0, 0.175 - 0.08, 0.175 + 0.08);
        Assert.Contains(0.0, outcome);
    }

    [Fact]
    public void UniqueStringColumn_RegeneratedAsIdentifier()
    {
        var random = new Random(5);
        string[] plans = ["basic", "plus", "pro"];
        string[] references = Enumerable.Range(1, 5000).Select(i => "C" + i.ToString("D6", CultureInfo.InvariantCulture)).ToArray();
        var table = new Table(
        [
            Categories("customer_ref", references),
            Categories("plan", Enumerable.Range(0, 5000).Select(_ => random.NextDouble() switch { < 0.6 => plans[0], < 0.9 => plans[1], _ => plans[2] })),
            Numbers("spend", Enumerable.Range(0, 5000).Select(_ => (double?)Math.Round(Math.Exp(4 + (0.6 * NextNormal(random))), 2)), isInteger: false),
        ]);
        var synthesizer = new GaussianCopulaSynthesizer();

        synthesizer.Fit(table, Options);
        Table sample = synthesizer.Sample(5000, seed: 8);

        Assert.Contains(synthesizer.Warnings, w => w.Column == "customer_ref");
        Assert.Equal(2, synthesizer.Dimensions);
        string?[] generated = Texts(sample["customer_ref"]);
        var training = new HashSet<string>(references, StringComparer.Ordinal);
        Assert.All(generated, value => Assert.Matches("^C[0-9]{6}$", value));
        Assert.DoesNotContain(generated, value => training.Contains(value!));
        Assert.Equal(generated.Length, generated.Distinct().Count());
    }

    [Fact]
    public void YyyymmddDates_StayValidDatesInRange()
    {
        var table = new Table(
        [
            Dates("event_date", ["20230623", "20210405", "20201221", "20190727", "20221107", "20200315"], "yyyyMMdd"),
            Numbers("amount", [120.50, 75.00, 300.10, 42.99, 88.00, 150.25], isInteger: false),
        ]);

        Table sample = FitAndSample(table, 1000);

        var earliest = new DateTime(2019, 7, 27, 0, 0, 0, DateTimeKind.Utc);
        var latest = new DateTime(2023, 6, 23, 0, 0, 0, DateTimeKind.Utc);
        foreach (string? text in Texts(sample["event_date"]))
        {
            Assert.Matches("^[0-9]{8}$", text);
            DateTime date = DateTime.ParseExact(text!, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            Assert.InRange(date, earliest, latest);
        }

        Assert.All(((DateTimeColumn)sample["event_date"]).SecondsSinceEpoch, s => Assert.Equal(0, s % 86400));
    }

    [Fact]
    public void MicrosecondTimestamps_KeepFormatAndRange()
    {
        const string Format = "yyyyMMddHHmmssffffff";
        string[] texts = ["20220902110443000000", "20220916230356000000", "20220826173917000000", "20220901080000123456"];
        var table = new Table(
        [
            Dates("ts", texts, Format),
            Categories("status", ["ok", "ok", "fail", "ok"]),
        ]);

        Table sample = FitAndSample(table, 500);

        double minimum = texts.Min(t => ToSeconds(t, Format));
        double maximum = texts.Max(t => ToSeconds(t, Format));
        foreach (string? text in Texts(sample["ts"]))
        {
            Assert.Matches("^[0-9]{20}$", text);
            Assert.InRange(ToSeconds(text!, Format), minimum - 1e-6, maximum + 1e-6);
        }
    }

    [Fact]
    public void IntegerCategories_ComeBackAsWrittenIntegers()
    {
        var table = new Table(
        [
            Categories("store_id", ["101", "102", "101", "103", "102", "101"]),
            Numbers("units", [5, 3, 8, 2, 6, 4], isInteger: true),
            Numbers("returns", [1, null, 0, 2, null, 1], isInteger: true),
        ]);

        Table sample = FitAndSample(table, 500);

        Assert.All(Texts(sample["store_id"]), label => Assert.Contains(label, new[] { "101", "102", "103" }));
        Assert.All(Texts(sample["units"]), text => Assert.Matches("^[0-9]+$", text));
        string?[] returns = Texts(sample["returns"]);
        Assert.True(returns.Any(text => text is null), "no null came back");
        Assert.All(returns.Where(text => text is not null), text => Assert.Matches("^[0-9]+$", text));
    }

    [Fact]
    public void NeverNegativeColumns_StayInsideTrainingRange()
    {
        Table table = VisitsAndVolume();

        Table sample = FitAndSample(table, 2000);

        Assert.All(((NumericColumn)sample["visits"]).Values, v => Assert.InRange(v, 0, 9));
        Assert.All(((NumericColumn)sample["volume"]).Values, v => Assert.InRange(v, 5, 98000));
    }

    [Fact]
    public void BoundsOff_NormalMarginalLeavesRange()
    {
        Table table = VisitsAndVolume();
        var synthesizer = new GaussianCopulaSynthesizer(new GaussianCopulaOptions { Families = [MarginalFamily.Normal], MaxDiscreteValues = 0 });

        synthesizer.Fit(table, Options with { EnforceMinMax = false });
        Table sample = synthesizer.Sample(2000, seed: 4);

        double[] volume = ((NumericColumn)sample["volume"]).Values;
        double inside = volume.Count(v => v is >= 5 and <= 98000) / (double)volume.Length;
        Assert.InRange(inside, 0.05, 0.95);
    }

    [Theory]
    [InlineData(-1.0, "-50.0", -50.0)]
    [InlineData(1.0, "50.0", 50.0)]
    public void NumericCondition_ReturnsExactValue(double sign, string requested, double expected)
    {
        var table = new Table(
        [
            Numbers("column1", Enumerable.Range(0, 100).Select(i => (double?)(sign * i)), isInteger: false),
            Numbers("column2", Enumerable.Range(0, 100).Select(i => (double?)i), isInteger: true),
        ]);
        var synthesizer = new GaussianCopulaSynthesizer();
        synthesizer.Fit(table, Options);

        Table sample = synthesizer.SampleWhere(1, seed: 5, "column1", requested);
        Table throughInterface = ((IConditionalSynthesizer)synthesizer).Sample(1, seed: 5, new SamplingCondition("column1", requested));

        Assert.Equal(1, sample.RowCount);
        Assert.Equal(expected, ((NumericColumn)sample["column1"]).Values[0]);
        Assert.InRange(((NumericColumn)sample["column2"]).Values[0], 40, 60);
        Assert.Equal(ToCsv(sample), ToCsv(throughInterface));
    }

    [Fact]
    public void CategoryCondition_FixesEveryRow()
    {
        var synthesizer = new GaussianCopulaSynthesizer();
        synthesizer.Fit(Subscriptions(500), Options);

        Table sample = synthesizer.SampleWhere(300, seed: 5, "plan", "pro");

        Assert.Equal(300, sample.RowCount);
        Assert.All(Texts(sample["plan"]), label => Assert.Equal("pro", label));
        Assert.Throws<ArgumentException>(() => synthesizer.SampleWhere(1, seed: 5, "plan", "gold"));
        Assert.Throws<ArgumentException>(() => synthesizer.SampleWhere(1, seed: 5, "no_such_column", "1"));
        Assert.Throws<ArgumentException>(() => synthesizer.SampleWhere(1, seed: 5, "monthly_fee", "cheap"));
    }

    [Fact]
    public void SameSeed_ByteIdenticalCsv()
    {
        Table table = Subscriptions(500);

        byte[] first = FitSampleCsv(table, fitSeed: 1, sampleSeed: 2);
        byte[] second = FitSampleCsv(table, fitSeed: 1, sampleSeed: 2);
        byte[] otherSeed = FitSampleCsv(table, fitSeed: 1, sampleSeed: 3);

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void MixedCategoryLabels_FiveCategoriesOnly()
    {
        var table = new Table(
        [
            Categories("grade", ["1", "2", null, "1", "3", "", "2", "A", "NaN", "None"]),
            Categories("pass", ["yes", "no", "yes", "yes", "no", "no", "yes", "yes", "no", "yes"]),
        ]);

        Table sample = FitAndSample(table, 2000);

        string?[] grades = Texts(sample["grade"]);
        string?[] expected = ["1", "2", "3", "A", null];
        Assert.All(grades, label => Assert.True(expected.Contains(label), "unexpected grade category"));
        Assert.Equal(5, grades.Distinct().Count());
    }

    private static Table FitAndSample(Table table, int rows)
    {
        var synthesizer = new GaussianCopulaSynthesizer();
        synthesizer.Fit(table, Options);
        return synthesizer.Sample(rows, seed: 21);
    }

    private static byte[] FitSampleCsv(Table table, int fitSeed, int sampleSeed)
    {
        var synthesizer = new GaussianCopulaSynthesizer();
        synthesizer.Fit(table, new SynthesisOptions { Seed = fitSeed });
        Table sample = synthesizer.Sample(200, sampleSeed);

        using var stream = new MemoryStream();
        using (var writer = new CsvRecordWriter(stream, sample.Columns.Select(c => c.Name).ToArray(), leaveOpen: true))
        {
            for (int row = 0; row < sample.RowCount; row++)
            {
                writer.WriteRecord(sample.Columns.Select(c => c.FormatValue(row)).ToArray());
            }

            writer.Commit();
        }

        return stream.ToArray();
    }

    private static Table VisitsAndVolume() => new(
    [
        Numbers("visits", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], isInteger: true),
        Numbers("volume", [1200, 980, 15000, 430, 76000, 5, 2210, 640, 98000, 310], isInteger: true),
    ]);

    /// <summary>The subscription table: region uniform, tenure 1-120, fee 10-200 with 2 decimals, plan 60/30/10 %.</summary>
    internal static Table Subscriptions(int rows)
    {
        var random = new Random(42);
        string[] regions = ["north", "south", "east", "west"];
        var region = new List<string?>();
        var tenure = new List<double?>();
        var fee = new List<double?>();
        var plan = new List<string?>();
        for (int i = 0; i < rows; i++)
        {
            region.Add(regions[random.Next(4)]);
            tenure.Add(random.Next(1, 121));
            fee.Add(Math.Round(10 + (190 * random.NextDouble()), 2));
            plan.Add(random.NextDouble() switch { < 0.6 => "basic", < 0.9 => "plus", _ => "pro" });
        }

        return new Table(
        [
            Categories("region", region),
            Numbers("tenure_months", tenure, isInteger: true),
            Numbers("monthly_fee", fee, isInteger: false),
            Categories("plan", plan),
        ]);
    }

    private static double NextNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
