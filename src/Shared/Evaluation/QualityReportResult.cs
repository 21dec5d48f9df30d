namespace SyntheticData.Evaluation;

/// <summary>
/// The quality report: per-column and per-pair scores and the quality score in both pair modes.
/// </summary>
/// <param name="ColumnShapes">One entry per modelable column, in metadata order.</param>
/// <param name="ColumnPairs">One entry per pair of modelable columns, in metadata order.</param>
/// <param name="StrongPairsOnly">The SDMetrics 0.27+ score, leaving out pairs with a weak real association.</param>
/// <param name="AllPairs">The score over every pair, as published before SDMetrics 0.27.</param>
/// <param name="Options">The thresholds used.</param>
public sealed record QualityReportResult(
    IReadOnlyList<ColumnShapeScore> ColumnShapes,
    IReadOnlyList<ColumnPairScore> ColumnPairs,
    QualityScore StrongPairsOnly,
    QualityScore AllPairs,
    QualityReportOptions Options)
{
    /// <summary>How continuous columns were binned for ContingencySimilarity, stated in every report.</summary>
    public const string BinningNote =
        "ContingencySimilarity bins numerical and datetime columns into 10 bins on each table's own range, as the SDMetrics quality report does; the standalone SDMetrics metric uses the real data's edges instead and scores differently.";
}
