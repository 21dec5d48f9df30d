namespace SyntheticData.Evaluation;

/// <summary>One column pair's Column Pair Trends score, with the real association that decides whether the
/// thresholded mode counts it.</summary>
/// <param name="Column1">The first column in metadata order.</param>
/// <param name="Column2">The second column in metadata order.</param>
/// <param name="Metric">CorrelationSimilarity (numeric pairs) or ContingencySimilarity.</param>
/// <param name="Score">The pair's score, or NaN where it is undefined (see <paramref name="Note"/>).</param>
/// <param name="RealCorrelation">Pearson's r on real data (CorrelationSimilarity pairs), else NaN.</param>
/// <param name="SyntheticCorrelation">Pearson's r on synthetic data (CorrelationSimilarity pairs), else NaN.</param>
/// <param name="RealAssociation">Cramér's V of the binned real pair (ContingencySimilarity pairs), else NaN.</param>
/// <param name="SyntheticAssociation">Cramér's V of the binned synthetic pair (ContingencySimilarity pairs), else NaN.</param>
/// <param name="IsStrong">True when the real association exceeds its threshold, so the thresholded mode counts the pair.</param>
/// <param name="Note">Why the score is missing ("all null" or the metric's error), or null.</param>
public sealed record ColumnPairScore(
    string Column1,
    string Column2,
    string Metric,
    double Score,
    double RealCorrelation,
    double SyntheticCorrelation,
    double RealAssociation,
    double SyntheticAssociation,
    bool IsStrong,
    string? Note);
