namespace SyntheticData.Evaluation;

/// <summary>Machine-learning efficacy: the same model trained on synthetic and on real rows, both tested on the real holdout.</summary>
/// <param name="TargetColumn">The column predicted.</param>
/// <param name="Task">The kind of model trained.</param>
/// <param name="Metric">The score's name: F1, macro F1 or R².</param>
/// <param name="SyntheticScore">The score of the model trained on synthetic rows.</param>
/// <param name="RealScore">The score of the model trained on real rows.</param>
/// <param name="PositiveClass">For binary classification, the class whose F1 is reported (the rarer one in the real rows); otherwise null.</param>
/// <param name="HoldoutRows">The number of holdout rows tested (rows with a null target are left out).</param>
public sealed record MachineLearningEfficacyResult(
    string TargetColumn,
    MachineLearningTask Task,
    string Metric,
    double SyntheticScore,
    double RealScore,
    string? PositiveClass,
    int HoldoutRows)
{
    /// <summary>SyntheticScore / RealScore; NaN when the real score is not positive.</summary>
    public double Ratio => RealScore > 0 ? SyntheticScore / RealScore : double.NaN;
}
