namespace SyntheticData.Evaluation;

/// <summary>Which column pairs Column Pair Trends averages over.</summary>
public enum PairTrendsMode
{
    /// <summary>Only pairs whose real association is strong (SDMetrics 0.27 and later, the default there).</summary>
    StrongPairsOnly,

    /// <summary>Every pair with a score, as SDMetrics did before 0.27 and as older published scores are.</summary>
    AllPairs,
}
