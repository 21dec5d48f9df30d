namespace SyntheticData.Evaluation;

/// <summary>The breakdown of a CorrelationSimilarity score.</summary>
/// <param name="Score">1 - |real - synthetic| / 2, or NaN when either coefficient is NaN.</param>
/// <param name="Real">The coefficient on the real pair.</param>
/// <param name="Synthetic">The coefficient on the synthetic pair.</param>
public sealed record CorrelationSimilarityResult(double Score, double Real, double Synthetic);
