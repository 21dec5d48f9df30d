namespace SyntheticData.Evaluation;

/// <summary>Everything one evaluation measured, with the gate outcomes.</summary>
/// <param name="Quality">The quality report.</param>
/// <param name="Privacy">The privacy metrics.</param>
/// <param name="MachineLearning">Machine-learning efficacy, or null without a holdout and a target column.</param>
/// <param name="MachineLearningNote">Why machine-learning efficacy is missing, or null.</param>
/// <param name="Gates">One entry per configured gate.</param>
/// <param name="RealRows">The number of real rows.</param>
/// <param name="SyntheticRows">The number of synthetic rows.</param>
/// <param name="HoldoutRows">The number of holdout rows, or 0 without a holdout.</param>
public sealed record EvaluationResult(
    QualityReportResult Quality,
    PrivacyResult Privacy,
    MachineLearningEfficacyResult? MachineLearning,
    string? MachineLearningNote,
    IReadOnlyList<GateResult> Gates,
    int RealRows,
    int SyntheticRows,
    int HoldoutRows)
{
    /// <summary>True when every gate passed (and when there are no gates).</summary>
    public bool Passed => Gates.All(gate => gate.Passed);
}
