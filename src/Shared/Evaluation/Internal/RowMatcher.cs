namespace SyntheticData.Evaluation.Internal;

/// <summary>
/// Finds synthetic rows that match some real row on every column: discrete values equal, nulls against nulls, and
/// continuous values within a relative tolerance of the synthetic value. Real rows are bucketed by a hash of their
/// discrete values and null pattern, so each synthetic row is checked only against its bucket.
/// </summary>
internal sealed class RowMatcher
{
    private readonly MetricColumn[] _real;
    private readonly double _tolerance;
    private readonly Dictionary<int, List<int>> _buckets = [];
    private readonly Dictionary<string, int>[] _labelCodes;

    public RowMatcher(MetricColumn[] real, double tolerance)
    {
        _real = real;
        _tolerance = tolerance;
        _labelCodes = real.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        int rows = real.Length == 0 ? 0 : real[0].Length;
        for (int row = 0; row < rows; row++)
        {
            int key = Key(real, row, addLabels: true);
            if (!_buckets.TryGetValue(key, out List<int>? bucket))
            {
                bucket = [];
                _buckets.Add(key, bucket);
            }

            bucket.Add(row);
        }
    }

    /// <summary>Returns the indices of the synthetic rows that match a real row, in ascending order.</summary>
    public int[] MatchedRows(MetricColumn[] synthetic)
    {
        int rows = synthetic.Length == 0 ? 0 : synthetic[0].Length;
        var matched = new bool[rows];
        Parallel.For(0, rows, row =>
        {
            if (_buckets.TryGetValue(Key(synthetic, row, addLabels: false), out List<int>? bucket))
            {
                matched[row] = bucket.Exists(realRow => Matches(synthetic, row, realRow));
            }
        });

        return Enumerable.Range(0, rows).Where(row => matched[row]).ToArray();
    }

    private int Key(MetricColumn[] table, int row, bool addLabels)
    {
        var hash = new HashCode();
        for (int j = 0; j < table.Length; j++)
        {
            if (table[j].Numbers is { } numbers)
            {
                hash.Add(double.IsNaN(numbers[row]));
                continue;
            }

            string? label = table[j].Labels![row];
            int code = -1;
            if (label is not null && !_labelCodes[j].TryGetValue(label, out code))
            {
                if (addLabels)
                {
                    code = _labelCodes[j].Count;
                    _labelCodes[j].Add(label, code);
                }
                else
                {
                    // A label that no real row has cannot match; -2 keeps it apart from the null code.
                    code = -2;
                }
            }

            hash.Add(code);
        }

        return hash.ToHashCode();
    }

    private bool Matches(MetricColumn[] synthetic, int syntheticRow, int realRow)
    {
        for (int j = 0; j < synthetic.Length; j++)
        {
            if (synthetic[j].Numbers is { } numbers)
            {
                double s = numbers[syntheticRow];
                double r = _real[j].Numbers![realRow];
                bool match = double.IsNaN(s) ? double.IsNaN(r) : Math.Abs(r - s) <= Math.Abs(_tolerance * s);
                if (!match)
                {
                    return false;
                }
            }
            else if (!string.Equals(synthetic[j].Labels![syntheticRow], _real[j].Labels![realRow], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
