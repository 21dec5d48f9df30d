namespace SyntheticData.Synthesis;

/// <summary>
/// One progress report from <see cref="ISynthesizer.Fit"/>: the stage, how far it is, and any losses.
/// </summary>
/// <param name="Stage">A short stage name, such as <c>marginals</c>, <c>correlation</c> or <c>epoch</c>.</param>
/// <param name="Completed">Units of work finished in this stage.</param>
/// <param name="Total">Units of work in this stage.</param>
/// <param name="Losses">Named training losses at this point (for example <c>generator</c>); empty when the stage has none.</param>
public sealed record TrainingProgress(
    string Stage,
    int Completed,
    int Total,
    IReadOnlyDictionary<string, double>? Losses = null);
