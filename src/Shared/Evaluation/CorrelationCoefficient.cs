namespace SyntheticData.Evaluation;

/// <summary>The correlation coefficient that CorrelationSimilarity compares.</summary>
public enum CorrelationCoefficient
{
    /// <summary>Pearson's r on the values; the quality report uses this one.</summary>
    Pearson,

    /// <summary>Spearman's rho: Pearson's r on average ranks, ties sharing their mean rank.</summary>
    Spearman,
}
