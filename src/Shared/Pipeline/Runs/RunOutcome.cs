namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// How a run ended.
/// </summary>
public enum RunOutcome
{
    /// <summary>Still running.</summary>
    Running,

    /// <summary>Every step passed and the outputs were published.</summary>
    Published,

    /// <summary>A gate failed; outputs were moved to quarantine with a reason.</summary>
    Quarantined,

    /// <summary>A step raised an error; no output was published.</summary>
    Failed,

    /// <summary>The run was cancelled; no output was published.</summary>
    Cancelled,
}
