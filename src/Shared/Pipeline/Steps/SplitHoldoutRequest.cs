using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Input of <see cref="SplitHoldoutStep"/>: the dataset to split, the share of rows held out and the seed.
/// </summary>
public sealed record SplitHoldoutRequest(string RunId, ObjectReference Dataset, double HoldoutFraction = 0.2, int Seed = 0);
