namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// One step's entry in the manifest: name, timing, outcome and a short message without row values.
/// </summary>
public sealed record StepRecord(string Name, DateTimeOffset StartedAt, double DurationSeconds, StepOutcome Outcome, string? Message);
