namespace SyntheticData.Evaluation;

/// <summary>
/// Release thresholds from a dataset policy. A null threshold is not checked; a threshold whose metric could not be
/// computed (no holdout, no target) fails, so nothing unvetted passes.
/// </summary>
public sealed record EvaluationGates
{
    private readonly double? _minQualityScore;
    private readonly double? _minDcrBaselineProtection;
    private readonly double? _minDcrOverfittingProtection;
    private readonly double? _minNewRowSynthesis;
    private readonly double? _maxExactCopyRate;

    /// <summary>The minimum overall quality score, in the SDMetrics 0.27+ mode that leaves out weak pairs.</summary>
    public double? MinQualityScore { get => _minQualityScore; init => _minQualityScore = RequireUnit(value, nameof(MinQualityScore)); }

    /// <summary>The minimum DCRBaselineProtection score.</summary>
    public double? MinDcrBaselineProtection { get => _minDcrBaselineProtection; init => _minDcrBaselineProtection = RequireUnit(value, nameof(MinDcrBaselineProtection)); }

    /// <summary>The minimum DCROverfittingProtection score; it needs a holdout.</summary>
    public double? MinDcrOverfittingProtection { get => _minDcrOverfittingProtection; init => _minDcrOverfittingProtection = RequireUnit(value, nameof(MinDcrOverfittingProtection)); }

    /// <summary>The minimum NewRowSynthesis score (share of synthetic rows that copy no real row within 1%).</summary>
    public double? MinNewRowSynthesis { get => _minNewRowSynthesis; init => _minNewRowSynthesis = RequireUnit(value, nameof(MinNewRowSynthesis)); }

    /// <summary>The maximum share of synthetic rows that equal a real row exactly.</summary>
    public double? MaxExactCopyRate { get => _maxExactCopyRate; init => _maxExactCopyRate = RequireUnit(value, nameof(MaxExactCopyRate)); }

    /// <summary>No gate at all: every evaluation passes.</summary>
    public static EvaluationGates None { get; } = new();

    private static double? RequireUnit(double? value, string name) =>
        value is null or (>= 0 and <= 1)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "A gate threshold must lie in [0, 1].");
}
