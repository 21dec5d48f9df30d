using SyntheticData.Privacy.Risk;

namespace SyntheticData.Privacy.Anonymization;

/// <summary>The outcome of one anonymization run: counts per column and the risk of the output.</summary>
public sealed record AnonymizationSummary
{
    /// <summary>Data records read and written.</summary>
    public long Records { get; init; }

    /// <summary>
    /// True when the input's positions in <see cref="ColumnStatistics.InvalidLines"/> are record numbers, as for Parquet,
    /// which has no lines, rather than line numbers.
    /// </summary>
    public bool PositionsAreRecords { get; init; }

    /// <summary>Counts per input column, keyed by column name, in input order.</summary>
    public IReadOnlyList<KeyValuePair<string, ColumnStatistics>> Columns { get; init; } = [];

    /// <summary>The risk of the output over the policy's quasi-identifiers; null when it names none.</summary>
    public RiskReport? Risk { get; init; }

    /// <summary>The risk before records were suppressed to reach k; null when k was not enforced.</summary>
    public RiskReport? RiskBeforeEnforcement { get; init; }

    /// <summary>Records whose quasi-identifiers were suppressed to reach k.</summary>
    public long SuppressedToReachK { get; init; }

    /// <summary>
    /// The check of the protected cells as they were written, for the rescan to confirm. Null when the plan has no
    /// scanner.
    /// </summary>
    public OutputVerification? Verification { get; init; }
}
