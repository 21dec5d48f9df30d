namespace SyntheticData.Evaluation;

/// <summary>The anonymization facts that the report shows; the pipeline fills this from its anonymize and verify steps.</summary>
/// <param name="Operators">The operator applied to each column.</param>
/// <param name="QuasiIdentifiers">The policy's quasi-identifier columns.</param>
/// <param name="KAnonymity">The smallest equivalence class over the quasi-identifiers, or null when not measured.</param>
/// <param name="RequiredK">The policy's minimum k, or null.</param>
/// <param name="RowsRescanned">The number of output rows the residual-PII rescan read.</param>
/// <param name="ResidualPii">What the rescan still found; empty when clean.</param>
public sealed record AnonymizationSummary(
    IReadOnlyList<ColumnOperatorEntry> Operators,
    IReadOnlyList<string> QuasiIdentifiers,
    int? KAnonymity,
    int? RequiredK,
    int RowsRescanned,
    IReadOnlyList<ResidualPiiFinding> ResidualPii);
