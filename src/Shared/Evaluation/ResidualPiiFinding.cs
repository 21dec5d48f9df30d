namespace SyntheticData.Evaluation;

/// <summary>A count of values that the post-anonymization rescan still detected as personal data in one column.</summary>
/// <param name="Column">The column name.</param>
/// <param name="Kind">The detector's PII kind, such as <c>card-number</c> or <c>email</c>.</param>
/// <param name="Count">The number of cells found; the values themselves are never reported.</param>
public sealed record ResidualPiiFinding(string Column, string Kind, int Count);
