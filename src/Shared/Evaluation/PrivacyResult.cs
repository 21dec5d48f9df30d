namespace SyntheticData.Evaluation;

/// <summary>The privacy metrics of one evaluation.</summary>
/// <param name="Baseline">DCRBaselineProtection against the real (training) rows.</param>
/// <param name="Overfitting">DCROverfittingProtection, or null without a holdout.</param>
/// <param name="NewRows">NewRowSynthesis against the real (training) rows.</param>
/// <param name="ExactCopyRows">The synthetic rows that equal a real row exactly.</param>
/// <param name="ExactCopyRate">ExactCopyRows.Count / synthetic rows.</param>
public sealed record PrivacyResult(
    DcrBaselineResult Baseline,
    DcrOverfittingResult? Overfitting,
    NewRowSynthesisResult NewRows,
    IReadOnlyList<int> ExactCopyRows,
    double ExactCopyRate);
