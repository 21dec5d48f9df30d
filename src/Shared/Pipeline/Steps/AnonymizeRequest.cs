using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Input of <see cref="AnonymizeStep"/>: the extract and the policy to apply.
/// </summary>
public sealed record AnonymizeRequest(string RunId, ObjectReference Extract, ObjectReference Policy);
