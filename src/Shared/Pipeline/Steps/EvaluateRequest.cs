using SyntheticData.Evaluation;
using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Input of <see cref="EvaluateStep"/>: the training part the model saw, the holdout it never saw, the
/// synthetic rows, the policy's gates and target column, and what the report shows beside the scores.
/// </summary>
public sealed record EvaluateRequest(
    string RunId,
    ObjectReference Training,
    ObjectReference Holdout,
    ObjectReference Synthetic,
    EvaluationGates Gates,
    string? TargetColumn = null,
    AnonymizationSummary? Anonymization = null,
    LineageSummary? Lineage = null,
    string Title = "Synthetic data report");
