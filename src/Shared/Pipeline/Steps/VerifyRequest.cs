using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Input of <see cref="VerifyStep"/>: the staged anonymized output, the extract's header, the policy
/// and the key version the anonymizer used.
/// </summary>
public sealed record VerifyRequest(
    string RunId,
    ObjectReference Anonymized,
    IReadOnlyList<string> ExtractHeader,
    ObjectReference Policy,
    string KeyId,
    int KeyVersion);
