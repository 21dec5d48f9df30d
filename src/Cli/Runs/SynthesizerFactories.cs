using SyntheticData.Synthesis;
using SyntheticData.Synthesis.Ctgan;
using SyntheticData.Synthesis.Tvae;

namespace SyntheticData.Cli.Runs;

/// <summary>
/// Builds the synthesizer factory that commands use, with the command line's family settings applied.
/// </summary>
internal static class SynthesizerFactories
{
    /// <summary>Returns a factory for every synthesizer; <paramref name="epochs"/> overrides the CTGAN and TVAE default of 300.</summary>
    public static SynthesizerFactory Create(int? epochs)
    {
        if (epochs is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "Epochs must be at least 1.");
        }

        SynthesizerFactory factory = SynthesizerFactory.CreateDefault();
        var ctgan = new CtganOptions();
        var tvae = new TvaeOptions();
        if (epochs is int count)
        {
            ctgan = ctgan with { Epochs = count };
            tvae = tvae with { Epochs = count };
        }

        factory.Register(SynthesizerKind.Ctgan, () => new CtganSynthesizer(ctgan), CtganSynthesizer.Load);
        factory.Register(SynthesizerKind.Tvae, () => new TvaeSynthesizer(tvae), TvaeSynthesizer.Load);
        return factory;
    }
}
