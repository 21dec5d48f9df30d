namespace SyntheticData.Evaluation;

/// <summary>The quality score in one pair mode.</summary>
/// <param name="Mode">Which pairs Column Pair Trends averages.</param>
/// <param name="Label">A human-readable name of the mode, shown beside every published number.</param>
/// <param name="ColumnShapes">The mean of the column scores that are not NaN.</param>
/// <param name="ColumnPairTrends">The mean of the counted pair scores, or NaN when no pair counts.</param>
/// <param name="Overall">The mean of the two property scores, skipping NaN.</param>
/// <param name="PairsCounted">The number of pairs averaged.</param>
public sealed record QualityScore(
    PairTrendsMode Mode,
    string Label,
    double ColumnShapes,
    double ColumnPairTrends,
    double Overall,
    int PairsCounted);
