using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// One object to commit: where it was staged and where consumers will find it.
/// </summary>
public sealed record PublishItem(ObjectReference Source, ObjectReference Destination);
