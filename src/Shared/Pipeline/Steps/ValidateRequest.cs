using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Input of <see cref="ValidateStep"/>: the landing extract, its policy (null to draft one) and the
/// largest extract accepted.
/// </summary>
public sealed record ValidateRequest(string RunId, ObjectReference Extract, ObjectReference? Policy, long MaxBytes = ValidateRequest.DefaultMaxBytes)
{
    /// <summary>The default size limit: 50 GiB.</summary>
    public const long DefaultMaxBytes = 50L << 30;
}
