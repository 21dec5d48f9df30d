using SyntheticData.Synthesis.Copula;
using SyntheticData.Synthesis.Ctgan;
using SyntheticData.Synthesis.Tvae;

namespace SyntheticData.Synthesis;

/// <summary>
/// Creates synthesizers by kind and loads saved models, dispatching on the kind recorded in the model file.
/// </summary>
public sealed class SynthesizerFactory
{
    private readonly Dictionary<SynthesizerKind, (Func<ISynthesizer> Create, Func<ModelFile, ISynthesizer> Load)> _registrations = [];

    /// <summary>Returns a factory with every synthesizer this assembly provides registered with default options.</summary>
    public static SynthesizerFactory CreateDefault()
    {
        var factory = new SynthesizerFactory();
        factory.Register(SynthesizerKind.GaussianCopula, () => new GaussianCopulaSynthesizer(), GaussianCopulaSynthesizer.Load);
        factory.Register(SynthesizerKind.Ctgan, () => new CtganSynthesizer(), CtganSynthesizer.Load);
        factory.Register(SynthesizerKind.Tvae, () => new TvaeSynthesizer(), TvaeSynthesizer.Load);
        return factory;
    }

    /// <summary>The kinds that can be created and loaded.</summary>
    public IReadOnlyCollection<SynthesizerKind> Kinds => _registrations.Keys;

    /// <summary>Registers how to create an unfitted synthesizer of <paramref name="kind"/> and how to load its model files, replacing any earlier registration.</summary>
    public void Register(SynthesizerKind kind, Func<ISynthesizer> create, Func<ModelFile, ISynthesizer> load)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(load);
        _registrations[kind] = (create, load);
    }

    /// <summary>Returns a new, unfitted synthesizer of <paramref name="kind"/>.</summary>
    /// <exception cref="NotSupportedException">No synthesizer of that kind is registered.</exception>
    public ISynthesizer Create(SynthesizerKind kind) => Find(kind).Create();

    /// <summary>Reads a model file from <paramref name="stream"/> and returns the fitted synthesizer it describes.</summary>
    /// <exception cref="ModelFormatException">The stream is not a valid model file.</exception>
    /// <exception cref="NotSupportedException">No synthesizer of the recorded kind is registered.</exception>
    public ISynthesizer Load(Stream stream)
    {
        ModelFile file = ModelFile.ReadFrom(stream);
        return Find(file.Kind).Load(file);
    }

    private (Func<ISynthesizer> Create, Func<ModelFile, ISynthesizer> Load) Find(SynthesizerKind kind) =>
        _registrations.TryGetValue(kind, out var registration)
            ? registration
            : throw new NotSupportedException($"No synthesizer is registered for kind '{kind}'; register one with SynthesizerFactory.Register.");
}
