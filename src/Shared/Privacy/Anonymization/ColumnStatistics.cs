namespace SyntheticData.Privacy.Anonymization;

/// <summary>Counts of what happened to one column's values during a run.</summary>
public sealed class ColumnStatistics
{
    /// <summary>How many invalid lines are listed in <see cref="InvalidLines"/>; the count goes on past it.</summary>
    public const int ListedInvalidLines = 20;

    private readonly List<long> _invalidLines = [];

    /// <summary>Values the operator transformed (or copied, for keep).</summary>
    public long Transformed { get; private set; }

    /// <summary>Missing values, written unchanged.</summary>
    public long Missing { get; private set; }

    /// <summary>Values the operator could not parse; written as missing.</summary>
    public long Invalid { get; private set; }

    /// <summary>The first lines with an invalid value, so a reviewer can find them without the value being shown.</summary>
    public IReadOnlyList<long> InvalidLines => _invalidLines;

    internal void CountTransformed() => Transformed++;

    internal void CountMissing() => Missing++;

    internal void CountInvalid(long line)
    {
        Invalid++;
        if (_invalidLines.Count < ListedInvalidLines)
        {
            _invalidLines.Add(line);
        }
    }
}
