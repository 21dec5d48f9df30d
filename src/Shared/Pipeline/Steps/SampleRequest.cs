using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Input of <see cref="SampleStep"/>: the model, the number of rows and the seed.
/// </summary>
public sealed record SampleRequest(string RunId, ObjectReference Model, int Rows, int Seed);
