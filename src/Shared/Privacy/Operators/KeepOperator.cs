using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Operators;

/// <summary>Copies values unchanged.</summary>
public sealed class KeepOperator : ColumnOperator
{
    public override OperatorKind Kind => OperatorKind.Keep;

    public override bool TryApply(string value, RowContext row, out string output)
    {
        output = value;
        return true;
    }
}
