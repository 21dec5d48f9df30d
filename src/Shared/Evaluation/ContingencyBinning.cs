namespace SyntheticData.Evaluation;

/// <summary>
/// How ContingencySimilarity cuts numerical and datetime columns into 10 bins. SDMetrics 0.29 does this
/// differently in its quality report and in the standalone metric, and the scores differ.
/// </summary>
public enum ContingencyBinning
{
    /// <summary>
    /// The quality report's way, which published scores use: each table is binned on its own min and max, the
    /// maximum value gets an eleventh bin and shares it with the nulls.
    /// </summary>
    PerTable,

    /// <summary>
    /// The standalone metric's way: edges from the real data only, open-ended first and last bins, and a separate
    /// bin for nulls.
    /// </summary>
    RealEdges,
}
