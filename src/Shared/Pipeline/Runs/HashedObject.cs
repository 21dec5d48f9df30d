using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// An object reference with the SHA-256 (lower-case hex) and length of its content.
/// </summary>
public sealed record HashedObject(ObjectReference Reference, string Sha256, long Length);
