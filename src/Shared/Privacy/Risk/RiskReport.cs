namespace SyntheticData.Privacy.Risk;

/// <summary>
/// Re-identification risk of a dataset over its quasi-identifiers: k-anonymity figures, the class-size
/// histogram, prosecutor risk and l-diversity. Fully suppressed records are reported apart and are not
/// a class, so they neither raise the smallest class size nor lower the average risk.
/// </summary>
public sealed record RiskReport
{
    /// <summary>Upper bounds of the class-size histogram buckets; the last bucket is open.</summary>
    public static readonly IReadOnlyList<int> HistogramBounds = [1, 2, 3, 4, 9, 19, 49, 99];

    /// <summary>Records measured, fully suppressed ones included.</summary>
    public long Records { get; init; }

    /// <summary>
    /// The column naming each record's person when class sizes count distinct people, or null when they count records.
    /// </summary>
    public string? EntityColumn { get; init; }

    /// <summary>Records whose every quasi-identifier is suppressed; not counted in any class.</summary>
    public long FullySuppressed { get; init; }

    /// <summary>Number of equivalence classes.</summary>
    public long Classes { get; init; }

    /// <summary>The target k.</summary>
    public int TargetK { get; init; }

    /// <summary>The smallest class size (in people when <see cref="EntityColumn"/> is set), which is the k the data reaches, or 0 when there are no classes.</summary>
    public long SmallestClass { get; init; }

    /// <summary>True when every class has at least <see cref="TargetK"/> records.</summary>
    public bool MeetsK => Classes == 0 || SmallestClass >= TargetK;

    /// <summary>Classes smaller than the target k.</summary>
    public long ClassesBelowK { get; init; }

    /// <summary>Records in classes smaller than the target k.</summary>
    public long RecordsBelowK { get; init; }

    /// <summary>Class sizes bucketed by <see cref="HistogramBounds"/>: labels such as <c>1</c>, <c>5-9</c>, <c>100+</c> and class counts.</summary>
    public IReadOnlyList<HistogramBucket> ClassSizeHistogram { get; init; } = [];

    /// <summary>The highest prosecutor risk: 1 divided by the smallest class size.</summary>
    public double HighestProsecutorRisk { get; init; }

    /// <summary>The average prosecutor risk over the members of classes (records or people): classes divided by those members.</summary>
    public double AverageProsecutorRisk { get; init; }

    /// <summary>Records whose prosecutor risk is above 1/k, that is records in classes below k.</summary>
    public double ShareOfRecordsAtRisk { get; init; }

    /// <summary>l-diversity per sensitive attribute.</summary>
    public IReadOnlyList<DiversityFigure> Diversity { get; init; } = [];
}
