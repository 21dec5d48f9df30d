namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Progress of a long step: how much of the total is done, in the step's own unit (bytes, epochs, rows). A step's start
/// and end come in the unit <c>step</c>, and the end of a step that did not succeed has <see cref="GateFailed"/> or
/// <see cref="Failed"/> as its detail.
/// </summary>
public sealed record StepProgress(string Step, double Completed, double Total, string Unit, string? Detail = null)
{
    /// <summary>The detail of a step that ran but whose result failed a gate.</summary>
    public const string GateFailed = "gate failed";

    /// <summary>The detail of a step that stopped with an error.</summary>
    public const string Failed = "failed";
}
