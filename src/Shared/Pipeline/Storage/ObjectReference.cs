namespace SyntheticData.Pipeline.Storage;

/// <summary>
/// The address of one object: a bucket and a key, with the version when the store keeps versions.
/// Serialised as-is into the step documents that the state machine passes between steps.
/// </summary>
public sealed record ObjectReference(string Bucket, string Key, string? VersionId = null)
{
    /// <summary>Formats the reference as <c>bucket/key</c> for messages; never contains object content.</summary>
    public override string ToString() => VersionId is null ? $"{Bucket}/{Key}" : $"{Bucket}/{Key}?versionId={VersionId}";
}
