using SyntheticData.Tabular;

namespace SyntheticData.Evaluation;

/// <summary>The tables of one evaluation.</summary>
/// <param name="Real">The real rows the synthesizer trained on.</param>
/// <param name="Synthetic">The synthetic rows.</param>
/// <param name="Holdout">Real rows the synthesizer never saw, or null; DCROverfittingProtection and machine-learning efficacy need them.</param>
/// <param name="Metadata">The sdtype of every column.</param>
/// <param name="TargetColumn">The column that machine-learning efficacy predicts, or null to skip it.</param>
public sealed record EvaluationInput(Table Real, Table Synthetic, Table? Holdout, EvaluationMetadata Metadata, string? TargetColumn = null);
