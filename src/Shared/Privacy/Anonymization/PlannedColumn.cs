using SyntheticData.Privacy.Operators;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Anonymization;

/// <summary>One input column in an <see cref="AnonymizationPlan"/>: where it comes from, where it goes and what transforms it.</summary>
/// <param name="Name">The header text.</param>
/// <param name="InputIndex">The 0-based position in the input.</param>
/// <param name="OutputIndex">The 0-based position in the output, or -1 when the column is dropped.</param>
/// <param name="Kind">The operator kind.</param>
/// <param name="Operator">The operator, or null when the column is dropped.</param>
/// <param name="Treatment">Why the column gets this operator.</param>
public sealed record PlannedColumn(
    string Name,
    int InputIndex,
    int OutputIndex,
    OperatorKind Kind,
    ColumnOperator? Operator,
    ColumnTreatment Treatment)
{
    /// <summary>True when the operator changes or removes the values.</summary>
    public bool IsProtected => Kind != OperatorKind.Keep;
}
