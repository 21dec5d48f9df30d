namespace SyntheticData.Evaluation;

/// <summary>One pipeline step in the run's manifest.</summary>
/// <param name="Name">The step name, such as <c>anonymize</c>.</param>
/// <param name="Duration">How long the step ran.</param>
/// <param name="Outcome">The step's outcome, such as <c>succeeded</c>.</param>
public sealed record LineageStep(string Name, TimeSpan Duration, string Outcome);
