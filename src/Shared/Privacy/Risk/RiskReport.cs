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

    /// <summary>Computes the report from class sizes and per-class distinct sensitive value counts.</summary>
    /// <param name="classSizes">Each class's size: its records, or its distinct people.</param>
    /// <param name="records">Records measured, fully suppressed ones included.</param>
    /// <param name="fullySuppressed">Records whose every quasi-identifier is suppressed.</param>
    /// <param name="k">The target k.</param>
    /// <param name="diversity">Per sensitive attribute, the distinct values of each class.</param>
    /// <param name="classRecords">Each class's records when the sizes count people; null when they count records.</param>
    public static RiskReport From(
        IReadOnlyList<long> classSizes,
        long records,
        long fullySuppressed,
        int k,
        IReadOnlyList<(string Name, int[] DistinctPerClass)> diversity,
        IReadOnlyList<long>? classRecords = null)
    {
        ArgumentNullException.ThrowIfNull(classSizes);
        IReadOnlyList<long> recordsPerClass = classRecords ?? classSizes;
        if (recordsPerClass.Count != classSizes.Count)
        {
            throw new ArgumentException("classRecords must have one entry per class.", nameof(classRecords));
        }

        long members = classSizes.Sum();
        long inClasses = recordsPerClass.Sum();
        long smallest = classSizes.Count == 0 ? 0 : classSizes.Min();
        long recordsBelow = 0;
        for (int i = 0; i < classSizes.Count; i++)
        {
            recordsBelow += classSizes[i] < k ? recordsPerClass[i] : 0;
        }

        var buckets = new List<HistogramBucket>();
        int lower = 1;
        foreach (int upper in HistogramBounds)
        {
            string label = lower == upper ? $"{upper}" : $"{lower}-{upper}";
            buckets.Add(new HistogramBucket(label, classSizes.LongCount(size => size >= lower && size <= upper)));
            lower = upper + 1;
        }

        buckets.Add(new HistogramBucket($"{lower}+", classSizes.LongCount(size => size >= lower)));

        return new RiskReport
        {
            Records = records,
            FullySuppressed = fullySuppressed,
            Classes = classSizes.Count,
            TargetK = k,
            SmallestClass = smallest,
            ClassesBelowK = classSizes.LongCount(size => size < k),
            RecordsBelowK = recordsBelow,
            ClassSizeHistogram = buckets,
            HighestProsecutorRisk = smallest == 0 ? 0 : 1.0 / smallest,
            AverageProsecutorRisk = members == 0 ? 0 : (double)classSizes.Count / members,
            ShareOfRecordsAtRisk = inClasses == 0 ? 0 : (double)recordsBelow / inClasses,
            Diversity = diversity.Select(attribute => DiversityOf(attribute.Name, attribute.DistinctPerClass)).ToArray(),
        };
    }

    // Classes without a known sensitive value disclose nothing, so they neither set the smallest l nor count as
    // homogeneous.
    private static DiversityFigure DiversityOf(string attribute, int[] distinctPerClass)
    {
        int[] known = [.. distinctPerClass.Where(distinct => distinct > 0)];
        return new DiversityFigure(attribute, known.Length == 0 ? 0 : known.Min(), known.LongCount(distinct => distinct == 1));
    }
}
