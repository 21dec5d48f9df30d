namespace SyntheticData.Synthesis;

/// <summary>
/// The synthesizer families that the pipeline can train; a model file records which one wrote it.
/// </summary>
public enum SynthesizerKind
{
    /// <summary>Gaussian copula over per-column marginals: fast, deterministic, the default.</summary>
    GaussianCopula = 1,

    /// <summary>Conditional tabular GAN (Xu et al., 2019).</summary>
    Ctgan = 2,

    /// <summary>Tabular variational autoencoder (Xu et al., 2019).</summary>
    Tvae = 3,
}
