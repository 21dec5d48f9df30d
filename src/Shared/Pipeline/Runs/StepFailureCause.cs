namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// What a failed step blames, so that callers can tell a broken extract from a broken policy.
/// </summary>
public enum StepFailureCause
{
    /// <summary>The step failed for another reason, such as a storage or internal error.</summary>
    Other,

    /// <summary>The extract is malformed: encoding, quoting, field count or format.</summary>
    InvalidInput,

    /// <summary>
    /// The policy is invalid or does not cover the extract's columns, or the key it names cannot be read from the key
    /// store (a key file readable by others, or malformed).
    /// </summary>
    InvalidPolicy,
}
