using SyntheticData.Synthesis;

namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// Converts between synthesizer kinds and the names users type: <c>gaussian-copula</c>, <c>ctgan</c>, <c>tvae</c>.
/// </summary>
public static class SynthesizerNames
{
    /// <summary>The accepted names, in the order help text lists them.</summary>
    public static IReadOnlyList<string> All { get; } = ["gaussian-copula", "ctgan", "tvae"];

    /// <summary>Returns the kind for a name, ignoring case.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="All"/>.</exception>
    public static SynthesizerKind Parse(string name) =>
        name.Trim().ToLowerInvariant() switch
        {
            "gaussian-copula" or "gaussiancopula" or "copula" => SynthesizerKind.GaussianCopula,
            "ctgan" => SynthesizerKind.Ctgan,
            "tvae" => SynthesizerKind.Tvae,
            _ => throw new ArgumentException($"Unknown synthesizer '{name}'; expected one of {string.Join(", ", All)}.", nameof(name)),
        };

    /// <summary>Returns the name of a kind.</summary>
    public static string Format(SynthesizerKind kind) =>
        kind switch
        {
            SynthesizerKind.GaussianCopula => "gaussian-copula",
            SynthesizerKind.Ctgan => "ctgan",
            SynthesizerKind.Tvae => "tvae",
            _ => kind.ToString().ToLowerInvariant(),
        };
}
