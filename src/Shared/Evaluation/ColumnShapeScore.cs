namespace SyntheticData.Evaluation;

/// <summary>One column's Column Shapes score and its adherence diagnostic.</summary>
/// <param name="Column">The column name.</param>
/// <param name="SdType">The column's sdtype.</param>
/// <param name="Metric">KSComplement or TVComplement.</param>
/// <param name="Score">The metric's score, or NaN where it is undefined (see <paramref name="Note"/>).</param>
/// <param name="AdherenceMetric">BoundaryAdherence or CategoryAdherence.</param>
/// <param name="Adherence">The adherence score, or NaN.</param>
/// <param name="Note">Why the score is missing ("all null" or the metric's error), or null.</param>
public sealed record ColumnShapeScore(
    string Column,
    SdType SdType,
    string Metric,
    double Score,
    string AdherenceMetric,
    double Adherence,
    string? Note);
