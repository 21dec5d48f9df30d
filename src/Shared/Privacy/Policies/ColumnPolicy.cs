using System.Text.Json;

namespace SyntheticData.Privacy.Policies;

/// <summary>
/// The operator a policy assigns to one column, its parameters and the reviewer's comment.
/// </summary>
/// <param name="Operator">The transformation applied to every non-null value of the column.</param>
/// <param name="Parameters">Operator parameters as JSON values, keyed by parameter name.</param>
/// <param name="Comment">Why this operator was chosen; free text for the reviewer.</param>
public sealed record ColumnPolicy(
    OperatorKind Operator,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    string? Comment)
{
    /// <summary>Creates a column policy without parameters.</summary>
    public ColumnPolicy(OperatorKind @operator, string? comment = null)
        : this(@operator, new Dictionary<string, JsonElement>(StringComparer.Ordinal), comment)
    {
    }

    /// <summary>True when the operator changes or removes the values, so that a residual finding is a failure.</summary>
    public bool IsProtected => Operator != OperatorKind.Keep;
}
