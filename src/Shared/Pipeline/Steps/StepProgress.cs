namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Progress of a long step: how much of the total is done, in the step's own unit (bytes, epochs, rows).
/// </summary>
public sealed record StepProgress(string Step, double Completed, double Total, string Unit, string? Detail = null);
