using SyntheticData.Pipeline.Storage;
using SyntheticData.Privacy.Risk;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Output of <see cref="AnonymizeStep"/>: the staged anonymized dataset, the key version used, the
/// operator of each column, and the risk figures measured while writing.
/// </summary>
public sealed record AnonymizeResult(
    ObjectReference Anonymized,
    long Records,
    string KeyId,
    int KeyVersion,
    IReadOnlyList<ColumnTreatmentEntry> Columns,
    RiskReport? Risk,
    long SuppressedToReachK);
