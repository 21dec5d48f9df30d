using SyntheticData.Evaluation;
using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Output of <see cref="EvaluateStep"/>: the scores and gate results, and the staged HTML and JSON reports.
/// </summary>
public sealed record EvaluateResult(EvaluationResult Evaluation, ObjectReference HtmlReport, ObjectReference JsonReport)
{
    /// <summary>True when every gate passed.</summary>
    public bool Passed => Evaluation.Passed;
}
