using SyntheticData.Neural;
using SyntheticData.Synthesis.Transformers;

namespace SyntheticData.Synthesis.Ctgan.Internal;

/// <summary>
/// Training-by-sampling: draws a discrete column uniformly, a category of it with probability proportional
/// to log(1 + count) (or to the count), and a training row that has that category.
/// </summary>
internal sealed class ConditionSampler
{
    private readonly IReadOnlyList<ConditionalColumn> _columns;
    private readonly double[][] _cumulative;
    private readonly double[][] _empiricalCumulative;
    private readonly int[][][]? _rowsByCategory;

    /// <summary>Creates a sampler; <paramref name="slots"/> (the one-hot slot of each training row per column) may be null when only sampling.</summary>
    public ConditionSampler(IReadOnlyList<ConditionalColumn> columns, bool logFrequency, int[][]? slots)
    {
        _columns = columns;
        _cumulative = columns.Select(c => Cumulative(c.CategoryCounts.Select(n => logFrequency ? Math.Log(n + 1.0) : n))).ToArray();
        _empiricalCumulative = columns.Select(c => Cumulative(c.CategoryCounts.Select(n => (double)n))).ToArray();

        if (slots is not null)
        {
            _rowsByCategory = new int[columns.Count][][];
            for (int c = 0; c < columns.Count; c++)
            {
                var lists = Enumerable.Range(0, columns[c].CategoryCount).Select(_ => new List<int>()).ToArray();
                for (int row = 0; row < slots[c].Length; row++)
                {
                    lists[slots[c][row]].Add(row);
                }

                _rowsByCategory[c] = lists.Select(l => l.ToArray()).ToArray();
            }
        }
    }

    /// <summary>The number of conditional columns; zero means no condition vector.</summary>
    public int ColumnCount => _columns.Count;

    /// <summary>
    /// Draws one condition per row: fills <paramref name="condition"/> (rows x condition width, cleared first)
    /// and returns the chosen column and category of each row.
    /// </summary>
    public (int[] Columns, int[] Categories) Draw(Span<float> condition, int rows, int width, RandomStream random) =>
        Draw(condition, rows, width, random, _cumulative);

    /// <summary>
    /// Fills conditions for unconditioned sampling: a column uniformly, then a category with the training
    /// probabilities used for training-by-sampling (<paramref name="logFrequency"/>, as the reference does) or
    /// with the categories' training shares.
    /// </summary>
    public (int[] Columns, int[] Categories) DrawForSampling(Span<float> condition, int rows, int width, RandomStream random, bool logFrequency) =>
        Draw(condition, rows, width, random, logFrequency ? _cumulative : _empiricalCumulative);

    private (int[] Columns, int[] Categories) Draw(Span<float> condition, int rows, int width, RandomStream random, double[][] cumulative)
    {
        condition.Clear();
        int[] columns = new int[rows];
        int[] categories = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            int c = random.NextInt(_columns.Count);
            int category = DrawCategory(cumulative[c], random.NextDouble());
            columns[i] = c;
            categories[i] = category;
            condition[(i * width) + _columns[c].ConditionOffset + category] = 1f;
        }

        return (columns, categories);
    }

    /// <summary>Returns a random training row that has category <paramref name="category"/> in column <paramref name="column"/>.</summary>
    public int DrawRow(int column, int category, RandomStream random)
    {
        int[] rows = _rowsByCategory![column][category];
        return rows[random.NextInt(rows.Length)];
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        double[] values = weights.ToArray();
        double total = values.Sum();
        double running = 0;
        return values.Select(w => running += w / total).ToArray();
    }

    private static int DrawCategory(double[] cumulative, double u)
    {
        for (int k = 0; k < cumulative.Length; k++)
        {
            if (u < cumulative[k])
            {
                return k;
            }
        }

        return cumulative.Length - 1;
    }
}
