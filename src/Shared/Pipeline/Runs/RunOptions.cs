using SyntheticData.Synthesis;

namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// What one local run does. Null settings fall back to the policy's <c>synthesis</c> object, then to the
/// defaults: Gaussian copula, as many rows as the training part, seed 0, a 20% holdout.
/// </summary>
public sealed record RunOptions
{
    /// <summary>The raw extract on the local disk.</summary>
    public required string ExtractPath { get; init; }

    /// <summary>The dataset policy; null to draft one from detection.</summary>
    public string? PolicyPath { get; init; }

    /// <summary>The synthesizer; null for the policy's choice or the Gaussian copula.</summary>
    public SynthesizerKind? Synthesizer { get; init; }

    /// <summary>True to stop after anonymization and verification.</summary>
    public bool SkipSynthesis { get; init; }

    /// <summary>Synthetic rows to draw; null for as many as the training part has.</summary>
    public int? Rows { get; init; }

    /// <summary>The seed for the split, the fit and the sampling.</summary>
    public int? Seed { get; init; }

    /// <summary>The share of anonymized rows held out from training for the privacy evaluation.</summary>
    public double? HoldoutFraction { get; init; }

    /// <summary>
    /// A name for the dataset in output keys; null for the policy's <c>dataset</c>, or without one the extract's file name
    /// without extensions.
    /// </summary>
    public string? DatasetName { get; init; }
}
