namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// What the anonymizer did to one input column: the operator, why, and how many values it changed,
/// found missing, or found invalid for their kind (still transformed).
/// </summary>
public sealed record ColumnTreatmentEntry(string Column, string Operator, string Treatment, long Transformed, long Missing, long Invalid);
