namespace SyntheticData.Evaluation;

/// <summary>The anonymization operator applied to one column, as the pipeline's policy records it.</summary>
/// <param name="Column">The column name.</param>
/// <param name="Operator">The operator, such as <c>keep</c>, <c>drop</c>, <c>hmac-sha256</c> or <c>generalize</c>.</param>
/// <param name="Detail">Operator settings worth showing (never key material), or null.</param>
public sealed record ColumnOperatorEntry(string Column, string Operator, string? Detail = null);
