namespace SyntheticData.Pipeline.Storage;

/// <summary>
/// Size and modification time of a stored object.
/// </summary>
public sealed record ObjectMetadata(ObjectReference Reference, long Length, DateTimeOffset LastModified);
