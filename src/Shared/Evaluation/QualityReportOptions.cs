namespace SyntheticData.Evaluation;

/// <summary>
/// Settings of the quality report. The defaults are SDMetrics 0.29's: a numeric pair counts in the thresholded
/// Column Pair Trends only when the real |Pearson r| exceeds 0.5, any other pair only when the real Cramér's V
/// exceeds 0.3.
/// </summary>
public sealed record QualityReportOptions
{
    private readonly double _realCorrelationThreshold = 0.5;
    private readonly double _realAssociationThreshold = 0.3;

    /// <summary>The |r| on real data that a numeric pair must exceed to count (strict).</summary>
    public double RealCorrelationThreshold
    {
        get => _realCorrelationThreshold;
        init => _realCorrelationThreshold = RequireUnitInterval(value, nameof(RealCorrelationThreshold));
    }

    /// <summary>The Cramér's V on real data that any other pair must exceed to count (strict).</summary>
    public double RealAssociationThreshold
    {
        get => _realAssociationThreshold;
        init => _realAssociationThreshold = RequireUnitInterval(value, nameof(RealAssociationThreshold));
    }

    /// <summary>The SDMetrics 0.29 defaults.</summary>
    public static QualityReportOptions Default { get; } = new();

    private static double RequireUnitInterval(double value, string name) =>
        value is >= 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "The threshold must lie in [0, 1].");
}
