namespace SyntheticData.Privacy.Detection;

/// <summary>
/// The outcome of checking one whole cell against one kind.
/// </summary>
public enum ValueCheck
{
    /// <summary>The value does not have the kind's shape.</summary>
    NoMatch = 0,

    /// <summary>The value has the kind's shape but fails its checksum or range rules (for example a Luhn-invalid card number).</summary>
    FailedCheck,

    /// <summary>The value has the kind's shape and passes every check.</summary>
    Valid,
}
