namespace SyntheticData.Evaluation;

/// <summary>The breakdown of DCRBaselineProtection.</summary>
/// <param name="Score">min(median synthetic DCR / median random DCR, 1); NaN when the random median is 0.</param>
/// <param name="MedianSyntheticToReal">The median DCR of the scored synthetic rows to the real rows.</param>
/// <param name="MedianRandomToReal">The median DCR of the random rows to the real rows.</param>
/// <param name="SyntheticRowsScored">The number of synthetic rows scored after sampling.</param>
public sealed record DcrBaselineResult(double Score, double MedianSyntheticToReal, double MedianRandomToReal, int SyntheticRowsScored);
