using SyntheticData.Privacy.Anonymization;
using SyntheticData.Privacy.Risk;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Output of <see cref="VerifyStep"/>: the residual-PII rescan, the k-anonymity measured on the output,
/// and every failure in one sentence (empty when verification passed).
/// </summary>
public sealed record VerifyResult(ResidualScanResult Rescan, RiskReport? Risk, IReadOnlyList<string> Failures)
{
    /// <summary>True when no protected column has a finding and k is reached.</summary>
    public bool Passed => Failures.Count == 0;
}
