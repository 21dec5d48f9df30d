using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Input of <see cref="QuarantineStep"/>: the objects to set aside, the step that failed and why.
/// The reason must not contain row values.
/// </summary>
public sealed record QuarantineRequest(string RunId, IReadOnlyList<ObjectReference> Objects, string FailedStep, string Reason, bool IsGateFailure);
