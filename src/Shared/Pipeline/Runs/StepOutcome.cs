namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// How a step ended.
/// </summary>
public enum StepOutcome
{
    /// <summary>The step did its work and its checks passed.</summary>
    Succeeded,

    /// <summary>The step ran, but a gate it enforces failed.</summary>
    GateFailed,

    /// <summary>The step raised an error.</summary>
    Failed,

    /// <summary>The step was not needed for this run.</summary>
    Skipped,
}
