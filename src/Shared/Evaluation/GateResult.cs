namespace SyntheticData.Evaluation;

/// <summary>The outcome of one gate.</summary>
/// <param name="Name">The metric checked, such as <c>DCROverfittingProtection</c>.</param>
/// <param name="Comparison">"&gt;=" for a minimum, "&lt;=" for a maximum.</param>
/// <param name="Threshold">The policy's threshold.</param>
/// <param name="Actual">The measured value, or NaN when it could not be computed.</param>
/// <param name="Passed">True when the measured value meets the threshold.</param>
/// <param name="Note">Why the value is missing, or null.</param>
public sealed record GateResult(string Name, string Comparison, double Threshold, double Actual, bool Passed, string? Note)
{
    /// <summary>True for a gate on privacy (distance to closest record, new rows, exact copies), false for one on quality.</summary>
    public bool IsPrivacy { get; init; }
}
