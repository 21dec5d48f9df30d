namespace SyntheticData.Evaluation;

/// <summary>The breakdown of DCROverfittingProtection.</summary>
/// <param name="Score">min(2 * (1 - closer-to-training share), 1).</param>
/// <param name="CloserToTraining">The share of scored synthetic rows strictly closer to the training rows than to the holdout rows.</param>
/// <param name="RowsCloserToTraining">The number of those rows.</param>
/// <param name="RowsTied">Rows at equal distance from both; they count as closer to the holdout.</param>
/// <param name="MedianSyntheticToTraining">The median DCR to the training rows.</param>
/// <param name="MedianSyntheticToHoldout">The median DCR to the holdout rows, with ranges from the holdout.</param>
/// <param name="SyntheticRowsScored">The number of synthetic rows scored after sampling.</param>
public sealed record DcrOverfittingResult(
    double Score,
    double CloserToTraining,
    int RowsCloserToTraining,
    int RowsTied,
    double MedianSyntheticToTraining,
    double MedianSyntheticToHoldout,
    int SyntheticRowsScored);
