using SyntheticData.Synthesis.Copula;

namespace SyntheticData.Synthesis.Tests;

public sealed class SynthesizerFactoryTests
{
    [Fact]
    public void CreateDefault_CreatesGaussianCopula()
    {
        ISynthesizer synthesizer = SynthesizerFactory.CreateDefault().Create(SynthesizerKind.GaussianCopula);

        Assert.IsType<GaussianCopulaSynthesizer>(synthesizer);
        Assert.False(synthesizer.IsFitted);
    }

    [Fact]
    public void CreateDefault_RegistersEveryKind()
    {
        SynthesizerFactory factory = SynthesizerFactory.CreateDefault();

        Assert.Equal(Enum.GetValues<SynthesizerKind>().Order(), factory.Kinds.Order());
        Assert.All(Enum.GetValues<SynthesizerKind>(), kind => Assert.Equal(kind, factory.Create(kind).Kind));
    }

    [Fact]
    public void Create_UnregisteredKindThrows()
    {
        var factory = new SynthesizerFactory();

        var error = Assert.Throws<NotSupportedException>(() => factory.Create(SynthesizerKind.Ctgan));
        Assert.Contains("Ctgan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DispatchesOnRecordedKind()
    {
        var factory = new SynthesizerFactory();
        ModelFile? seen = null;
        factory.Register(SynthesizerKind.Tvae, () => new GaussianCopulaSynthesizer(), file =>
        {
            seen = file;
            return new GaussianCopulaSynthesizer();
        });
        using var stream = new MemoryStream();
        new ModelFile(SynthesizerKind.Tvae, 1, [], [42]).WriteTo(stream);
        stream.Position = 0;

        factory.Load(stream);

        Assert.NotNull(seen);
        Assert.Equal(SynthesizerKind.Tvae, seen.Kind);
        Assert.Equal(new byte[] { 42 }, seen.Payload);
    }

    [Fact]
    public void Load_PayloadOfAnotherKindThrows()
    {
        using var stream = new MemoryStream();
        new ModelFile(SynthesizerKind.Ctgan, 1, [], [1]).WriteTo(stream);

        Assert.Throws<ModelFormatException>(() => GaussianCopulaSynthesizer.Load(ModelFile.ReadFrom(new MemoryStream(stream.ToArray()))));
    }
}
