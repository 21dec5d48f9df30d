using SyntheticData.Pipeline.Storage;
using SyntheticData.Synthesis;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Input of <see cref="TrainStep"/>: the training part, the synthesizer family, the seed and the columns
/// that must never be modelled (identifiers and other PII the policy names).
/// </summary>
public sealed record TrainRequest(
    string RunId,
    ObjectReference Training,
    SynthesizerKind Synthesizer,
    int Seed,
    IReadOnlyList<string> SensitiveColumns,
    IdentifierHandling IdentifierHandling = IdentifierHandling.Regenerate);
