namespace SyntheticData.Evaluation.Internal;

/// <summary>
/// The contingency table of two coded columns: counts per (code1, code2) cell, dense when the grid is small.
/// </summary>
internal sealed class JointCounts
{
    private const long DenseCellLimit = 1 << 20;

    private readonly int[]? _dense;
    private readonly Dictionary<long, int>? _sparse;
    private readonly int _cardinality2;

    public JointCounts(CodedColumn column1, CodedColumn column2)
    {
        int[] codes1 = column1.Codes;
        int[] codes2 = column2.Codes;
        _cardinality2 = column2.Cardinality;
        Total = codes1.Length;
        if ((long)column1.Cardinality * column2.Cardinality <= DenseCellLimit)
        {
            _dense = new int[column1.Cardinality * column2.Cardinality];
            for (int row = 0; row < codes1.Length; row++)
            {
                _dense[(codes1[row] * _cardinality2) + codes2[row]]++;
            }
        }
        else
        {
            _sparse = new Dictionary<long, int>();
            for (int row = 0; row < codes1.Length; row++)
            {
                long key = ((long)codes1[row] * _cardinality2) + codes2[row];
                _sparse[key] = _sparse.GetValueOrDefault(key) + 1;
            }
        }
    }

    /// <summary>The number of rows counted.</summary>
    public int Total { get; }

    /// <summary>The occupied cells as (cell key, count) with cell key = code1 * cardinality2 + code2.</summary>
    public IEnumerable<(long Cell, int Count)> Cells()
    {
        if (_dense is not null)
        {
            for (int cell = 0; cell < _dense.Length; cell++)
            {
                if (_dense[cell] > 0)
                {
                    yield return (cell, _dense[cell]);
                }
            }
        }
        else
        {
            foreach ((long cell, int count) in _sparse!)
            {
                yield return (cell, count);
            }
        }
    }

    /// <summary>Returns 1 - 1/2 * sum over the union of cells of |share here - share in other|.</summary>
    public double SimilarityTo(JointCounts other)
    {
        Dictionary<long, int> otherCells = other.Cells().ToDictionary(c => c.Cell, c => c.Count);
        double distance = 0;
        foreach ((long cell, int count) in Cells())
        {
            otherCells.Remove(cell, out int otherCount);
            distance += Math.Abs(((double)count / Total) - ((double)otherCount / other.Total));
        }

        foreach (int otherCount in otherCells.Values)
        {
            distance += (double)otherCount / other.Total;
        }

        return 1.0 - (distance / 2.0);
    }

    /// <summary>
    /// Returns Cramér's V of the table, over the rows and columns of codes that occur (nulls included): Pearson's
    /// chi-squared without continuity correction, V = sqrt(chi2 / (n * (min(r, c) - 1))). NaN when min(r, c) &lt; 2.
    /// </summary>
    public double CramersV()
    {
        var rowTotals = new Dictionary<long, long>();
        var columnTotals = new Dictionary<long, long>();
        List<(long Cell, int Count)> cells = Cells().ToList();
        foreach ((long cell, int count) in cells)
        {
            long row = cell / _cardinality2;
            long column = cell % _cardinality2;
            rowTotals[row] = rowTotals.GetValueOrDefault(row) + count;
            columnTotals[column] = columnTotals.GetValueOrDefault(column) + count;
        }

        int dimension = Math.Min(rowTotals.Count, columnTotals.Count);
        if (dimension < 2 || Total == 0)
        {
            return double.NaN;
        }

        Dictionary<long, int> observed = cells.ToDictionary(c => c.Cell, c => c.Count);
        double chiSquared = 0;
        foreach ((long row, long rowTotal) in rowTotals)
        {
            foreach ((long column, long columnTotal) in columnTotals)
            {
                double expected = (double)rowTotal * columnTotal / Total;
                observed.TryGetValue((row * _cardinality2) + column, out int count);
                double difference = count - expected;
                chiSquared += difference * difference / expected;
            }
        }

        return Math.Sqrt(chiSquared / ((double)Total * (dimension - 1)));
    }
}
