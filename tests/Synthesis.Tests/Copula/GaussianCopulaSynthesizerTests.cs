using System.Text;
using FsCheck;
using FsCheck.Xunit;
using SyntheticData.Synthesis.Copula;
using SyntheticData.Tabular;
using SyntheticData.Testing;
using static SyntheticData.Synthesis.Tests.Copula.TestTables;

namespace SyntheticData.Synthesis.Tests.Copula;

public sealed class GaussianCopulaSynthesizerTests
{
    private static readonly Lazy<Table> AdultTraining = new(() =>
        CsvTables.Rows(CsvTables.Load(RepositoryPaths.SharedData("adult.csv")), row => row % 5 != 4));

    [Fact]
    public void Sample_BeforeFitThrows()
    {
        var synthesizer = new GaussianCopulaSynthesizer();

        Assert.False(synthesizer.IsFitted);
        Assert.Throws<InvalidOperationException>(() => synthesizer.Sample(10, seed: 1));
        Assert.Throws<InvalidOperationException>(() => synthesizer.Save(new MemoryStream()));
    }

    [Fact]
    public void Fit_EmptyTableThrows()
    {
        var table = new Table([Numbers("x", [], isInteger: false)]);

        Assert.Throws<SynthesisException>(() => new GaussianCopulaSynthesizer().Fit(table, new SynthesisOptions()));
    }

    [Fact]
    public void Fit_ReportsProgressPerStage()
    {
        var stages = new List<string>();
        var progress = new SynchronousProgress(report => stages.Add(report.Stage));

        new GaussianCopulaSynthesizer().Fit(CopulaCaseTests.Subscriptions(100), new SynthesisOptions(), progress);

        Assert.Equal(4, stages.Count(stage => stage == "marginals"));
        Assert.Contains("correlation", stages);
    }

    [Fact]
    public void FitSeed_ChangesTheModel()
    {
        Table table = CopulaCaseTests.Subscriptions(300);
        var first = new GaussianCopulaSynthesizer();
        var second = new GaussianCopulaSynthesizer();

        first.Fit(table, new SynthesisOptions { Seed = 1 });
        second.Fit(table, new SynthesisOptions { Seed = 2 });

        Assert.NotEqual(ToCsv(first.Sample(100, seed: 5)), ToCsv(second.Sample(100, seed: 5)));
    }

    [Fact]
    public void SaveLoad_SameObjectSamplesIdentically()
    {
        var synthesizer = new GaussianCopulaSynthesizer();
        synthesizer.Fit(CopulaCaseTests.Subscriptions(300), new SynthesisOptions { Seed = 3 });
        using var stream = new MemoryStream();

        synthesizer.Save(stream);
        stream.Position = 0;
        ISynthesizer loaded = SynthesizerFactory.CreateDefault().Load(stream);

        Assert.Equal(SynthesizerKind.GaussianCopula, loaded.Kind);
        Assert.True(loaded.IsFitted);
        Assert.Equal(synthesizer.Schema, loaded.Schema);
        Assert.Equal(ToCsv(synthesizer.Sample(250, seed: 9)), ToCsv(loaded.Sample(250, seed: 9)));
    }

    [Fact]
    public void SaveLoad_FreshObjectFromFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"copula-{Guid.NewGuid():N}.model");
        try
        {
            string expected;
            {
                var synthesizer = new GaussianCopulaSynthesizer();
                synthesizer.Fit(MixedTypes(), new SynthesisOptions { Seed = 4 });
                using (FileStream output = File.Create(path))
                {
                    synthesizer.Save(output);
                }

                expected = ToCsv(synthesizer.Sample(300, seed: 12));
            }

            using FileStream input = File.OpenRead(path);
            GaussianCopulaSynthesizer loaded = GaussianCopulaSynthesizer.Load(ModelFile.ReadFrom(input));

            Assert.Equal(expected, ToCsv(loaded.Sample(300, seed: 12)));
            Assert.Equal("yyyy-MM-dd", loaded.Schema.Single(c => c.Name == "opened").DateTimeFormat);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_CorruptedFileThrows()
    {
        var synthesizer = new GaussianCopulaSynthesizer();
        synthesizer.Fit(CopulaCaseTests.Subscriptions(100), new SynthesisOptions());
        using var stream = new MemoryStream();
        synthesizer.Save(stream);
        byte[] bytes = stream.ToArray();
        bytes[bytes.Length / 2] ^= 0xFF;

        Assert.Throws<ModelFormatException>(() => SynthesizerFactory.CreateDefault().Load(new MemoryStream(bytes)));
    }

    [Fact]
    public void Identifiers_NeverCopiedNorSaved()
    {
        string[] accounts = Enumerable.Range(0, 400).Select(i => $"ACC-{1000 + (i * 7)}-{(char)('A' + (i % 26))}{(char)('A' + (i / 26 % 26))}").ToArray();
        var table = new Table(
        [
            new TextColumn("account", accounts, ColumnType.Identifier),
            Numbers("phone", Enumerable.Range(0, 400).Select(i => (double?)(5550000 + (i * 13))), isInteger: true),
            Numbers("balance", Enumerable.Range(0, 400).Select(i => (double?)(i * 2.5)), isInteger: false),
        ]);
        var synthesizer = new GaussianCopulaSynthesizer();
        var options = new SynthesisOptions { Seed = 2, SensitiveColumns = ["phone"] };

        synthesizer.Fit(table, options);
        Table sample = synthesizer.Sample(400, seed: 6);
        using var model = new MemoryStream();
        synthesizer.Save(model);

        var training = new HashSet<string>(accounts, StringComparer.Ordinal);
        string?[] generated = Texts(sample["account"]);
        Assert.All(generated, value => Assert.Matches("^ACC-[0-9]{4}-[A-Z]{2}$", value));
        Assert.DoesNotContain(generated, value => training.Contains(value!));
        double[] phones = ((NumericColumn)sample["phone"]).Values;
        Assert.All(phones, value => Assert.InRange(value, 1_000_000, 9_999_999));
        Assert.DoesNotContain(phones, value => value >= 5550000 && value < 5550000 + (400 * 13) && (value - 5550000) % 13 == 0);
        string modelText = Encoding.UTF8.GetString(model.ToArray());
        Assert.DoesNotContain(accounts[0], modelText, StringComparison.Ordinal);
        Assert.DoesNotContain(accounts[^1], modelText, StringComparison.Ordinal);
    }

    [Fact]
    public void SensitiveDates_FreshValidDatesInRange()
    {
        string[] births = Enumerable.Range(0, 300).Select(i => new DateTime(1960, 1, 1).AddDays(i * 37).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var table = new Table([Dates("birth_date", births, "yyyy-MM-dd"), Numbers("score", Enumerable.Range(0, 300).Select(i => (double?)i), isInteger: true)]);
        var synthesizer = new GaussianCopulaSynthesizer();

        synthesizer.Fit(table, new SynthesisOptions { SensitiveColumns = ["birth_date"] });
        Table sample = synthesizer.Sample(500, seed: 3);

        string?[] generated = Texts(sample["birth_date"]);
        Assert.All(generated, value => Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", value));
        Assert.DoesNotContain(generated, value => births.Contains(value));
        Assert.All(((DateTimeColumn)sample["birth_date"]).SecondsSinceEpoch, s => Assert.InRange(s, ToSeconds(births[0], "yyyy-MM-dd"), ToSeconds(births[^1], "yyyy-MM-dd")));
    }

    [Fact]
    public void DropHandling_RemovesIdentifierColumn()
    {
        var table = new Table(
        [
            new TextColumn("customer", Enumerable.Range(0, 50).Select(i => (string?)$"K{i:D5}").ToArray(), ColumnType.Identifier),
            Numbers("amount", Enumerable.Range(0, 50).Select(i => (double?)i), isInteger: true),
        ]);
        var synthesizer = new GaussianCopulaSynthesizer();

        synthesizer.Fit(table, new SynthesisOptions { IdentifierHandling = IdentifierHandling.Drop });
        Table sample = synthesizer.Sample(20, seed: 1);

        Assert.False(sample.TryGetColumn("customer", out _));
        Assert.True(sample.TryGetColumn("amount", out _));
    }

    [Fact]
    public void NoModelledColumns_StillSamples()
    {
        var table = new Table(
        [
            new TextColumn("ticket", Enumerable.Range(0, 30).Select(i => (string?)$"T-{i:D4}").ToArray(), ColumnType.Identifier),
            Numbers("empty", Enumerable.Repeat<double?>(null, 30), isInteger: true),
        ]);
        var synthesizer = new GaussianCopulaSynthesizer();

        synthesizer.Fit(table, new SynthesisOptions());
        Table sample = synthesizer.Sample(15, seed: 1);

        Assert.Equal(0, synthesizer.Dimensions);
        Assert.Equal(15, sample.RowCount);
        Assert.Equal(1.0, NullShare(sample["empty"]));
        Assert.All(Texts(sample["ticket"]), value => Assert.Matches("^T-[0-9]{4}$", value));
    }

    [Fact]
    public void Fit_CancelledTokenThrows()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new GaussianCopulaSynthesizer().Fit(CopulaCaseTests.Subscriptions(50), new SynthesisOptions(), cancellationToken: cancellation.Token));
    }

    [Fact]
    public void UnknownSensitiveColumn_Warns()
    {
        var synthesizer = new GaussianCopulaSynthesizer();

        synthesizer.Fit(CopulaCaseTests.Subscriptions(50), new SynthesisOptions { SensitiveColumns = ["email"] });

        SynthesisWarning warning = Assert.Single(synthesizer.Warnings);
        Assert.Equal("email", warning.Column);
    }

    [Fact]
    public void MarginalSelection_PicksBestFittingFamily()
    {
        var random = new Random(3);
        double[] normal = Enumerable.Range(0, 3000).Select(_ => 50 + (10 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))).ToArray();
        double[] uniform = Enumerable.Range(0, 3000).Select(_ => 100 * random.NextDouble()).ToArray();
        var table = new Table([new NumericColumn("bell", normal, false), new NumericColumn("flat", uniform, false)]);
        var synthesizer = new GaussianCopulaSynthesizer(new GaussianCopulaOptions { Families = [MarginalFamily.Normal, MarginalFamily.Uniform] });

        synthesizer.Fit(table, new SynthesisOptions());

        Assert.Equal(MarginalFamily.Normal, synthesizer.MarginalFamilies["bell"]);
        Assert.Equal(MarginalFamily.Uniform, synthesizer.MarginalFamilies["flat"]);
    }

    [Fact]
    public void DatetimesAndNulls_KeepFormatAndNullRate()
    {
        Table table = MixedTypes();
        var synthesizer = new GaussianCopulaSynthesizer();

        synthesizer.Fit(table, new SynthesisOptions { Seed = 8 });
        Table sample = synthesizer.Sample(4000, seed: 8);

        Assert.All(Texts(sample["opened"]).Where(t => t is not null), text => Assert.Matches("^20[0-9]{2}-[0-9]{2}-[0-9]{2}$", text));
        Assert.InRange(NullShare(sample["opened"]), NullShare(table["opened"]) - 0.03, NullShare(table["opened"]) + 0.03);
        Assert.InRange(NullShare(sample["limit"]), NullShare(table["limit"]) - 0.03, NullShare(table["limit"]) + 0.03);
        Assert.InRange(NullShare(sample["active"]), NullShare(table["active"]) - 0.03, NullShare(table["active"]) + 0.03);
        Assert.Equal(ColumnType.Boolean, sample["active"].Type);
    }

    [Fact]
    public void Adult_IntegersAndBoundsKept()
    {
        Table training = AdultTraining.Value;
        var synthesizer = new GaussianCopulaSynthesizer();

        synthesizer.Fit(training, new SynthesisOptions { Seed = 1 });
        Table sample = synthesizer.Sample(training.RowCount, seed: 2);

        foreach (NumericColumn real in training.Columns.OfType<NumericColumn>())
        {
            var synthetic = (NumericColumn)sample[real.Name];
            Assert.True(synthetic.IsInteger, real.Name);
            Assert.All(synthetic.Values, v => Assert.Equal(Math.Round(v), v));
            Assert.All(synthetic.Values, v => Assert.InRange(v, real.Values.Min(), real.Values.Max()));
        }
    }

    [Fact]
    public void Adult_CategoricalDependenceBeatsIndependence()
    {
        Table training = AdultTraining.Value;
        var synthesizer = new GaussianCopulaSynthesizer();

        synthesizer.Fit(training, new SynthesisOptions { Seed = 1 });
        Table sample = synthesizer.Sample(training.RowCount, seed: 2);

        foreach ((string first, string second) in new[] { ("education", "education-num"), ("marital-status", "relationship"), ("relationship", "sex") })
        {
            double copula = JointDistance(training, sample, first, second);
            double independent = JointDistance(training, Shuffled(sample, second), first, second);
            Assert.True(copula < independent * 0.85, $"{first} x {second}: copula {copula:F3}, independent {independent:F3}");
        }
    }

    [Property(MaxTest = 25)]
    public void Sample_StaysInsideTrainingRange(int seed, NormalFloat[] values)
    {
        double[] numbers = values.Select(v => Math.Clamp(v.Get, -1e12, 1e12)).ToArray();
        if (numbers.Length < 2)
        {
            return;
        }

        var synthesizer = new GaussianCopulaSynthesizer();
        synthesizer.Fit(new Table([new NumericColumn("x", numbers, false)]), new SynthesisOptions { Seed = seed });
        double[] sampled = ((NumericColumn)synthesizer.Sample(200, seed).Columns[0]).Values;

        Assert.All(sampled, v => Assert.InRange(v, numbers.Min(), numbers.Max()));
    }

    // Total variation distance between the joint label distributions of two columns in two tables.
    private static double JointDistance(Table real, Table synthetic, string first, string second)
    {
        Dictionary<(string?, string?), double> Shares(Table table)
        {
            var shares = new Dictionary<(string?, string?), double>();
            for (int row = 0; row < table.RowCount; row++)
            {
                var key = (table[first].FormatValue(row), table[second].FormatValue(row));
                shares[key] = shares.GetValueOrDefault(key) + (1.0 / table.RowCount);
            }

            return shares;
        }

        Dictionary<(string?, string?), double> a = Shares(real);
        Dictionary<(string?, string?), double> b = Shares(synthetic);
        return 0.5 * a.Keys.Union(b.Keys).Sum(key => Math.Abs(a.GetValueOrDefault(key) - b.GetValueOrDefault(key)));
    }

    // The same table with one column's rows permuted, which keeps its marginal and removes its dependence.
    private static Table Shuffled(Table table, string column)
    {
        int[] order = Enumerable.Range(0, table.RowCount).ToArray();
        new Random(0).Shuffle(order);
        Table permuted = CsvTables.Rows(table, _ => true);
        var columns = permuted.Columns.Select(c => c.Name == column ? Permute(c, order) : c).ToArray();
        return new Table(columns);
    }

    private static Column Permute(Column column, int[] order) => column switch
    {
        NumericColumn numeric => new NumericColumn(column.Name, order.Select(i => numeric.Values[i]).ToArray(), numeric.IsInteger),
        CategoricalColumn categorical => new CategoricalColumn(column.Name, order.Select(i => categorical.Codes[i]).ToArray(), categorical.Categories),
        _ => throw new NotSupportedException(column.GetType().Name),
    };

    private static Table MixedTypes()
    {
        var random = new Random(17);
        var opened = new List<string?>();
        var limit = new List<double?>();
        var active = new List<string?>();
        var tier = new List<string?>();
        for (int i = 0; i < 600; i++)
        {
            var date = new DateTime(2020, 1, 1).AddDays(random.Next(0, 1500));
            opened.Add(random.NextDouble() < 0.1 ? null : date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            limit.Add(random.NextDouble() < 0.2 ? null : Math.Round(500 + (random.NextDouble() * 9500), 2));
            active.Add(random.NextDouble() switch { < 0.05 => null, < 0.7 => "true", _ => "false" });
            tier.Add(random.NextDouble() < 0.5 ? "gold" : "silver");
        }

        return new Table(
        [
            Dates("opened", opened, "yyyy-MM-dd"),
            Numbers("limit", limit, isInteger: false),
            Categories("active", active, isBoolean: true),
            Categories("tier", tier),
        ]);
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
