using SyntheticData.Synthesis.Tests.Ctgan;
using SyntheticData.Synthesis.Tvae;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Tests.Tvae;

public class TvaeSynthesizerTests
{
    [Fact]
    public void SaveLoad_SamplesIdenticalRows()
    {
        Table table = SynthesisCaseTests.ChurnTable(300, seed: 1);
        var synthesizer = new TvaeSynthesizer(new TvaeOptions { Epochs = 3, BatchSize = 100 });
        synthesizer.Fit(table, new SynthesisOptions { Seed = 3 });

        using var stream = new MemoryStream();
        synthesizer.Save(stream);
        stream.Position = 0;
        var loaded = TvaeSynthesizer.Load(ModelFile.ReadFrom(stream));

        Assert.Equal(CtganSynthesizerTests.Csv(synthesizer.Sample(100, seed: 5)), CtganSynthesizerTests.Csv(loaded.Sample(100, seed: 5)));
        Assert.Equal(3, loaded.CompletedEpochs);
    }

    [Fact]
    public void Load_RejectsCtganModel()
    {
        Table table = SynthesisCaseTests.ChurnTable(100, seed: 2);
        var ctgan = new SyntheticData.Synthesis.Ctgan.CtganSynthesizer(new SyntheticData.Synthesis.Ctgan.CtganOptions { Epochs = 1, BatchSize = 50 });
        ctgan.Fit(table, new SynthesisOptions());
        using var stream = new MemoryStream();
        ctgan.Save(stream);
        stream.Position = 0;

        Assert.Throws<ModelFormatException>(() => TvaeSynthesizer.Load(ModelFile.ReadFrom(stream)));
    }

    [Fact]
    public void Fit_BatchLargerThanTable()
    {
        Table table = SynthesisCaseTests.ChurnTable(7, seed: 3);
        var synthesizer = new TvaeSynthesizer(new TvaeOptions { Epochs = 2 });

        synthesizer.Fit(table, new SynthesisOptions());

        Assert.Equal(40, synthesizer.Sample(40, seed: 1).RowCount);
    }

    [Fact]
    public void Options_ListEveryInvalidSetting()
    {
        var exception = Assert.Throws<ArgumentException>(() => new TvaeSynthesizer(new TvaeOptions { Epochs = 0, LossFactor = -1 }));

        Assert.Contains("Epochs", exception.Message, StringComparison.Ordinal);
        Assert.Contains("LossFactor", exception.Message, StringComparison.Ordinal);
    }
}
