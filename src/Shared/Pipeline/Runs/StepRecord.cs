namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// One step's entry in the manifest: name, timing, outcome, a short message without row values and, for a
/// failed step, what it blames.
/// </summary>
public sealed record StepRecord(
    string Name,
    DateTimeOffset StartedAt,
    double DurationSeconds,
    StepOutcome Outcome,
    string? Message,
    StepFailureCause? Cause = null);
