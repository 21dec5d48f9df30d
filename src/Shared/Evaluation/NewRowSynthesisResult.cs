namespace SyntheticData.Evaluation;

/// <summary>The breakdown of NewRowSynthesis.</summary>
/// <param name="Score">The share of synthetic rows that match no real row.</param>
/// <param name="NewRows">The number of synthetic rows that match no real row.</param>
/// <param name="MatchedRows">The number of synthetic rows that match a real row.</param>
/// <param name="MatchedSyntheticRows">The 0-based indices of the matched synthetic rows, ascending.</param>
public sealed record NewRowSynthesisResult(double Score, int NewRows, int MatchedRows, IReadOnlyList<int> MatchedSyntheticRows);
