using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Output of <see cref="SplitHoldoutStep"/>: the two parts and their row counts.
/// </summary>
public sealed record SplitHoldoutResult(ObjectReference Training, ObjectReference Holdout, long TrainingRows, long HoldoutRows);
