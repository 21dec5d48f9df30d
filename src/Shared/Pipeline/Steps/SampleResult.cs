using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Output of <see cref="SampleStep"/>: the staged synthetic dataset and its row count.
/// </summary>
public sealed record SampleResult(ObjectReference Synthetic, int Rows, double SampleSeconds);
