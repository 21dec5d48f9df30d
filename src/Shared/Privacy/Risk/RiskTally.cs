namespace SyntheticData.Privacy.Risk;

/// <summary>
/// Sums the figures of a <see cref="RiskReport"/> one class at a time, so a report over millions of classes needs no
/// list of them in memory.
/// </summary>
internal sealed class RiskTally
{
    private readonly int _k;
    private readonly long[] _histogram = new long[RiskReport.HistogramBounds.Count + 1];
    private readonly int[] _smallestL;
    private readonly long[] _homogeneous;
    private long _classes;
    private long _members;
    private long _inClasses;
    private long _smallest = long.MaxValue;
    private long _classesBelow;
    private long _recordsBelow;

    /// <summary>Creates a tally for a target <paramref name="k"/> and <paramref name="attributes"/> sensitive attributes.</summary>
    public RiskTally(int k, int attributes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        _k = k;
        _smallestL = new int[attributes];
        _homogeneous = new long[attributes];
        _smallestL.AsSpan().Fill(int.MaxValue);
    }

    /// <summary>Adds one class.</summary>
    /// <param name="size">The class's size: its records, or its distinct people.</param>
    /// <param name="records">The class's records.</param>
    /// <param name="distinct">The class's distinct known values of each sensitive attribute.</param>
    public void Add(long size, long records, ReadOnlySpan<int> distinct)
    {
        _classes++;
        _members += size;
        _inClasses += records;
        _smallest = Math.Min(_smallest, size);
        if (size < _k)
        {
            _classesBelow++;
            _recordsBelow += records;
        }

        if (size >= 1)
        {
            _histogram[BucketOf(size)]++;
        }

        for (int i = 0; i < _smallestL.Length; i++)
        {
            // Classes without a known sensitive value disclose nothing, so they neither set the smallest l nor count
            // as homogeneous.
            if (distinct[i] > 0)
            {
                _smallestL[i] = Math.Min(_smallestL[i], distinct[i]);
                _homogeneous[i] += distinct[i] == 1 ? 1 : 0;
            }
        }
    }

    /// <summary>Returns the report of the classes added so far.</summary>
    /// <param name="records">Records measured, fully suppressed ones included.</param>
    /// <param name="fullySuppressed">Records whose every quasi-identifier is suppressed.</param>
    /// <param name="attributeNames">The names of the first sensitive attributes, one figure each.</param>
    public RiskReport ToReport(long records, long fullySuppressed, IReadOnlyList<string> attributeNames)
    {
        if (attributeNames.Count > _smallestL.Length)
        {
            throw new ArgumentException("More attribute names than the tally has sensitive attributes.", nameof(attributeNames));
        }

        var buckets = new List<HistogramBucket>();
        int lower = 1;
        for (int i = 0; i < RiskReport.HistogramBounds.Count; i++)
        {
            int upper = RiskReport.HistogramBounds[i];
            buckets.Add(new HistogramBucket(lower == upper ? $"{upper}" : $"{lower}-{upper}", _histogram[i]));
            lower = upper + 1;
        }

        buckets.Add(new HistogramBucket($"{lower}+", _histogram[^1]));
        long smallest = _classes == 0 ? 0 : _smallest;
        return new RiskReport
        {
            Records = records,
            FullySuppressed = fullySuppressed,
            Classes = _classes,
            TargetK = _k,
            SmallestClass = smallest,
            ClassesBelowK = _classesBelow,
            RecordsBelowK = _recordsBelow,
            ClassSizeHistogram = buckets,
            HighestProsecutorRisk = smallest == 0 ? 0 : 1.0 / smallest,
            AverageProsecutorRisk = _members == 0 ? 0 : (double)_classes / _members,
            ShareOfRecordsAtRisk = _inClasses == 0 ? 0 : (double)_recordsBelow / _inClasses,
            Diversity = attributeNames
                .Select((name, i) => new DiversityFigure(name, _smallestL[i] == int.MaxValue ? 0 : _smallestL[i], _homogeneous[i]))
                .ToArray(),
        };
    }

    private static int BucketOf(long size)
    {
        for (int i = 0; i < RiskReport.HistogramBounds.Count; i++)
        {
            if (size <= RiskReport.HistogramBounds[i])
            {
                return i;
            }
        }

        return RiskReport.HistogramBounds.Count;
    }
}
