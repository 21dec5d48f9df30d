using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Output of <see cref="TrainStep"/>: the saved model and what the fit worked around.
/// </summary>
public sealed record TrainResult(ObjectReference Model, IReadOnlyList<string> Warnings, double FitSeconds);
