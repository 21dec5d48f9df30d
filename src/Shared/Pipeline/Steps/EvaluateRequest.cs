using SyntheticData.Evaluation;
using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Input of <see cref="EvaluateStep"/>: the training part the model saw, the holdout it never saw, the
/// synthetic rows, the policy's gates and target column, the identifier columns that the synthesizer
/// regenerated (left out of the scores, like SDMetrics id columns), and what the report shows beside the scores.
/// </summary>
public sealed record EvaluateRequest(
    string RunId,
    ObjectReference Training,
    ObjectReference Holdout,
    ObjectReference Synthetic,
    EvaluationGates Gates,
    string? TargetColumn = null,
    IReadOnlyList<string>? IdentifierColumns = null,
    AnonymizationSummary? Anonymization = null,
    LineageSummary? Lineage = null,
    string Title = "Synthetic data report");
