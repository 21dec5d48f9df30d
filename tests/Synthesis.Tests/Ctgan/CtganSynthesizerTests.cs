using SyntheticData.Synthesis.Ctgan;
using SyntheticData.Synthesis.Transformers;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Tests.Ctgan;

public class CtganSynthesizerTests
{
    [Fact]
    public void SaveLoad_SamplesIdenticalRows()
    {
        Table table = SynthesisCaseTests.ChurnTable(300, seed: 1);
        var synthesizer = new CtganSynthesizer(new CtganOptions { Epochs = 2, BatchSize = 100 });
        synthesizer.Fit(table, new SynthesisOptions { Seed = 3 });

        using var stream = new MemoryStream();
        synthesizer.Save(stream);
        stream.Position = 0;
        var loaded = CtganSynthesizer.Load(ModelFile.ReadFrom(stream));

        Assert.Equal(Csv(synthesizer.Sample(100, seed: 5)), Csv(loaded.Sample(100, seed: 5)));
        Assert.Equal(2, loaded.CompletedEpochs);
        Assert.Equal(synthesizer.Schema, loaded.Schema);
    }

    [Fact]
    public void ModelFile_HoldsNoTrainingValues()
    {
        var lines = new List<string> { "secret_note,amount" };
        for (int i = 0; i < 200; i++)
        {
            lines.Add($"Q{i:D5}ZEBRA,{i * 3}");
        }

        Table table = NeuralSynthesizers.ReadCsv(string.Join("\n", lines));
        var synthesizer = new CtganSynthesizer(new CtganOptions { Epochs = 1, BatchSize = 100 });
        synthesizer.Fit(table, new SynthesisOptions { Seed = 1, SensitiveColumns = ["secret_note"] });

        using var stream = new MemoryStream();
        synthesizer.Save(stream);
        string bytes = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        Assert.DoesNotContain("Q00017ZEBRA", bytes, StringComparison.Ordinal);
        Assert.DoesNotContain("Q00199", bytes, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RejectsCorruptedPayload()
    {
        Table table = SynthesisCaseTests.ChurnTable(100, seed: 2);
        var synthesizer = new CtganSynthesizer(new CtganOptions { Epochs = 1, BatchSize = 50 });
        synthesizer.Fit(table, new SynthesisOptions());
        using var stream = new MemoryStream();
        synthesizer.Save(stream);
        ModelFile file = ModelFile.ReadFrom(new MemoryStream(stream.ToArray()));
        var truncated = new ModelFile(file.Kind, file.PayloadVersion, file.Schema, file.Payload[..(file.Payload.Length / 2)]);

        Assert.Throws<ModelFormatException>(() => CtganSynthesizer.Load(truncated));
    }

    [Fact]
    public void Cancel_KeepsLastFinishedEpoch()
    {
        Table table = SynthesisCaseTests.ChurnTable(500, seed: 4);
        var synthesizer = new CtganSynthesizer(new CtganOptions { Epochs = 50, BatchSize = 100 });
        using var cancellation = new CancellationTokenSource();
        var progress = new CallbackProgress(report =>
        {
            if (report.Stage == "epoch" && report.Completed == 2)
            {
                cancellation.Cancel();
            }
        });

        Assert.Throws<OperationCanceledException>(() => synthesizer.Fit(table, new SynthesisOptions(), progress, cancellation.Token));

        Assert.True(synthesizer.IsFitted);
        Assert.Equal(2, synthesizer.CompletedEpochs);
        Assert.Equal(20, synthesizer.Sample(20, seed: 1).RowCount);
    }

    [Fact]
    public void Sample_BeforeFitThrows()
    {
        var synthesizer = new CtganSynthesizer();

        Assert.Throws<InvalidOperationException>(() => synthesizer.Sample(10, seed: 1));
    }

    [Fact]
    public void ConditionOnSecondColumn_UsesItsOffset()
    {
        Table table = SynthesisCaseTests.ChurnTable(300, seed: 6);
        DataTransformer transformer = DataTransformer.Fit(table, new SynthesisOptions(), new DataTransformerOptions(), new Random(1));

        ConditionalColumn region = transformer.ConditionalColumns[0];
        ConditionalColumn plan = transformer.ConditionalColumns[1];

        Assert.Equal("region", region.Name);
        Assert.Equal("plan", plan.Name);
        Assert.Equal(0, region.ConditionOffset);
        Assert.Equal(region.CategoryCount, plan.ConditionOffset);
        Assert.Equal(transformer.ConditionWidth, region.CategoryCount + plan.CategoryCount);
    }

    [Fact]
    public void DiscreteCondition_ReturnsOnlyThatCategory()
    {
        Table table = SynthesisCaseTests.ChurnTable(300, seed: 7);
        var synthesizer = new CtganSynthesizer(new CtganOptions { Epochs = 2, BatchSize = 100 });
        synthesizer.Fit(table, new SynthesisOptions());

        Table sample = synthesizer.Sample(50, seed: 2, new SamplingCondition("plan", "pro"));

        Assert.All(Enumerable.Range(0, 50), row => Assert.Equal("pro", sample["plan"].FormatValue(row)));
    }

    [Fact]
    public void UnknownCondition_ThrowsArgumentException()
    {
        Table table = SynthesisCaseTests.ChurnTable(100, seed: 8);
        var synthesizer = new CtganSynthesizer(new CtganOptions { Epochs = 1, BatchSize = 50 });
        synthesizer.Fit(table, new SynthesisOptions());

        Assert.Throws<ArgumentException>(() => synthesizer.Sample(5, 1, new SamplingCondition("plan", "platinum")));
        Assert.Throws<ArgumentException>(() => synthesizer.Sample(5, 1, new SamplingCondition("missing", "x")));
    }

    [Fact]
    public void Options_RejectBatchNotMultipleOfPac()
    {
        var exception = Assert.Throws<ArgumentException>(() => new CtganSynthesizer(new CtganOptions { BatchSize = 55, Epochs = 0 }));

        Assert.Contains("BatchSize", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Epochs", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Condition_ParsesColumnAndValue()
    {
        SamplingCondition condition = SamplingCondition.Parse("segment=a=b");

        Assert.Equal("segment", condition.Column);
        Assert.Equal("a=b", condition.Value);
        Assert.Throws<FormatException>(() => SamplingCondition.Parse("=x"));
    }

    internal static string Csv(Table table) =>
        string.Join("\n", Enumerable.Range(0, table.RowCount).Select(r => string.Join(",", table.Columns.Select(c => c.FormatValue(r)))));

    private sealed class CallbackProgress(Action<TrainingProgress> callback) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => callback(value);
    }
}
