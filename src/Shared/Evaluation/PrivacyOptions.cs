namespace SyntheticData.Evaluation;

/// <summary>
/// Settings of the privacy metrics. Distances to the closest record cost O(synthetic rows x reference rows), so
/// larger synthetic tables are scored on a seeded random sample of <see cref="MaxSyntheticRows"/> rows.
/// </summary>
public sealed record PrivacyOptions
{
    private readonly int? _maxSyntheticRows = 10_000;
    private readonly double _numericalMatchTolerance = 0.01;

    /// <summary>The largest number of synthetic rows that the DCR metrics score; null scores every row. Default 10,000.</summary>
    public int? MaxSyntheticRows
    {
        get => _maxSyntheticRows;
        init => _maxSyntheticRows = value is null or > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxSyntheticRows), value, "The sample size must be positive, or null for no sampling.");
    }

    /// <summary>The seed of the row sample and of DCRBaselineProtection's random table.</summary>
    public int Seed { get; init; }

    /// <summary>NewRowSynthesis' relative tolerance: a numeric value s matches r when |r - s| &lt;= |tolerance * s|. Default 0.01.</summary>
    public double NumericalMatchTolerance
    {
        get => _numericalMatchTolerance;
        init => _numericalMatchTolerance = value is >= 0 and < 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(NumericalMatchTolerance), value, "The tolerance must lie in [0, 1).");
    }

    /// <summary>The defaults: 10,000 sampled synthetic rows, seed 0, tolerance 0.01.</summary>
    public static PrivacyOptions Default { get; } = new();
}
