using System.Text.Json.Serialization;

namespace SyntheticData.Evaluation.Internal;

// The shape of evaluation-report.json. Property order here is the order in the file.

internal sealed record EvaluationReportDocument(
    string Title,
    DateTimeOffset GeneratedAt,
    EvaluationReportInputs Inputs,
    bool Passed,
    IReadOnlyList<GateResult> Gates,
    EvaluationReportQuality Quality,
    PrivacyResult Privacy,
    MachineLearningEfficacyResult? MachineLearning,
    string? MachineLearningNote,
    AnonymizationSummary? Anonymization,
    LineageSummary? Lineage);

internal sealed record EvaluationReportInputs(EvaluationReportInput Real, EvaluationReportInput Synthetic, EvaluationReportInput? Holdout);

internal sealed record EvaluationReportInput(string Name, int Rows);

internal sealed record EvaluationReportQuality(
    string Definitions,
    string BinningNote,
    QualityScore StrongPairsOnly,
    QualityScore AllPairs,
    QualityReportOptions Thresholds,
    IReadOnlyList<ColumnShapeScore> ColumnShapes,
    IReadOnlyList<ColumnPairScore> ColumnPairs);

/// <summary>
/// Source-generated serialization metadata for <see cref="EvaluationReportDocument"/>. NaN marks an undefined score
/// and is written as the string "NaN", as SDMetrics' golden files do. Enums are written by name.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(EvaluationReportDocument))]
internal sealed partial class EvaluationReportJsonContext : JsonSerializerContext;
