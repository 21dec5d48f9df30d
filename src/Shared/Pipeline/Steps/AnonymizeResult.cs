using SyntheticData.Pipeline.Storage;
using SyntheticData.Privacy.Risk;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Output of <see cref="AnonymizeStep"/>: the staged anonymized dataset, the key version used, the
/// operator of each column, the risk figures measured while writing, and warnings without row values, such as
/// columns with values their operator could not read.
/// </summary>
public sealed record AnonymizeResult(
    ObjectReference Anonymized,
    long Records,
    string KeyId,
    int KeyVersion,
    IReadOnlyList<ColumnTreatmentEntry> Columns,
    RiskReport? Risk,
    long SuppressedToReachK,
    IReadOnlyList<string>? Warnings = null);
