using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Copula.Internal;

/// <summary>
/// A categorical or boolean column: each category, missing included, owns an interval of (0, 1) as wide
/// as its share of the training rows. Fitting draws uniformly inside a row's interval; sampling maps a
/// uniform number back to the category whose interval contains it.
/// </summary>
/// <remarks>
/// Interval widths are fixed by the frequencies, but their order is free. It starts by frequency and
/// can be changed with <see cref="Reorder"/> so that the dependence on another column becomes monotone,
/// which a correlation in normal space can then express.
/// </remarks>
internal sealed class CategoricalColumnModel : ColumnModel
{
    /// <summary>The code that marks a missing value in <see cref="CategoricalColumn.Codes"/>.</summary>
    private const int MissingCode = -1;

    private static readonly HashSet<string> MissingSpellings = new(StringComparer.Ordinal) { "NaN", "nan", "None", "null", "NULL" };

    private readonly IReadOnlyList<string> _categories;
    private int[] _intervalCodes;
    private double[] _intervalShares;
    private double[] _intervalStarts;

    // Training state that is not saved: the interval of each training row, by original code.
    private int[]? _rowCodes;

    private CategoricalColumnModel(string name, ColumnType type, IReadOnlyList<string> categories, int[] intervalCodes, double[] intervalShares)
        : base(name, type)
    {
        _categories = categories;
        _intervalCodes = intervalCodes;
        _intervalShares = intervalShares;
        _intervalStarts = Starts(intervalShares);
    }

    public override int Dimensions => 1;

    /// <summary>The number of intervals: the categories seen in training, plus one for missing when it occurred.</summary>
    public int IntervalCount => _intervalCodes.Length;

    protected override ColumnModelKind Kind => ColumnModelKind.Categorical;

    /// <summary>
    /// Fits the column. Labels that spell a missing value (empty, NaN, None, null) join the missing
    /// category. Other labels are compared by their text, so 1, 01 and A stay three categories.
    /// </summary>
    public static CategoricalColumnModel Fit(CategoricalColumn column)
    {
        int[] rowCodes = new int[column.Length];
        int[] counts = new int[column.Categories.Count];
        int missing = 0;
        for (int row = 0; row < rowCodes.Length; row++)
        {
            int code = column.Codes[row];
            if (code < 0 || IsMissingSpelling(column.Categories[code]))
            {
                rowCodes[row] = MissingCode;
                missing++;
            }
            else
            {
                rowCodes[row] = code;
                counts[code]++;
            }
        }

        // Most frequent first; ties keep the category order, and missing goes after its ties.
        var intervals = Enumerable.Range(0, counts.Length)
            .Where(code => counts[code] > 0)
            .Select(code => (Code: code, Count: counts[code]))
            .ToList();
        if (missing > 0)
        {
            intervals.Add((MissingCode, missing));
        }

        intervals = intervals
            .OrderByDescending(interval => interval.Count)
            .ThenBy(interval => interval.Code == MissingCode ? int.MaxValue : interval.Code)
            .ToList();

        double total = column.Length;
        var model = new CategoricalColumnModel(
            column.Name,
            column.Type,
            column.Categories.ToArray(),
            intervals.Select(interval => interval.Code).ToArray(),
            intervals.Select(interval => interval.Count / total).ToArray());
        model._rowCodes = rowCodes;
        return model;
    }

    /// <summary>
    /// Returns the interval index of every training row, in the current order. Valid only on a model
    /// that was fitted in this process.
    /// </summary>
    public int[] TrainingIntervals()
    {
        int[] rowCodes = _rowCodes ?? throw new InvalidOperationException("The training rows are only known to a freshly fitted model.");
        var intervalOfCode = IntervalOfCode();
        int[] intervals = new int[rowCodes.Length];
        for (int row = 0; row < rowCodes.Length; row++)
        {
            intervals[row] = intervalOfCode[rowCodes[row]];
        }

        return intervals;
    }

    /// <summary>Forgets the training rows once fitting is done, so a fitted model keeps only its parameters.</summary>
    public void ReleaseTrainingRows() => _rowCodes = null;

    /// <summary>Orders the intervals by <paramref name="keys"/> (one per current interval, ascending; ties keep the current order).</summary>
    public void Reorder(double[] keys)
    {
        int[] order = Enumerable.Range(0, _intervalCodes.Length).OrderBy(i => keys[i]).ThenBy(i => i).ToArray();
        _intervalCodes = order.Select(i => _intervalCodes[i]).ToArray();
        _intervalShares = order.Select(i => _intervalShares[i]).ToArray();
        _intervalStarts = Starts(_intervalShares);
    }

    public override void Encode(Column column, double[][] scores, int firstDimension, Random random)
    {
        int[] intervals = TrainingIntervals();
        double[] output = scores[firstDimension];
        for (int row = 0; row < intervals.Length; row++)
        {
            int interval = intervals[row];
            output[row] = ToNormal(_intervalStarts[interval] + (random.NextDouble() * _intervalShares[interval]));
        }
    }

    public override Column? Decode(double[][] scores, int firstDimension, int rows, Random random)
    {
        double[] input = scores[firstDimension];
        int[] codes = new int[rows];
        for (int row = 0; row < rows; row++)
        {
            codes[row] = _intervalCodes[IntervalOf(ToUniform(input[row]))];
        }

        return new CategoricalColumn(Name, codes, _categories, Type == ColumnType.Boolean);
    }

    public override (double Low, double High, double? Number) ConditionOn(string value)
    {
        for (int i = 0; i < _intervalCodes.Length; i++)
        {
            int code = _intervalCodes[i];
            if (code >= 0 && string.Equals(_categories[code], value, StringComparison.Ordinal))
            {
                return (_intervalStarts[i], _intervalStarts[i] + _intervalShares[i], null);
            }
        }

        throw new ArgumentException($"Column '{Name}' has no training category equal to the condition value.", nameof(value));
    }

    protected override void WriteBody(BinaryWriter writer)
    {
        writer.Write(_categories.Count);
        foreach (string category in _categories)
        {
            writer.Write(category);
        }

        writer.Write(_intervalCodes.Length);
        for (int i = 0; i < _intervalCodes.Length; i++)
        {
            writer.Write(_intervalCodes[i]);
            writer.Write(_intervalShares[i]);
        }
    }

    /// <summary>Reads the fitted state written by <see cref="WriteBody"/>.</summary>
    public static CategoricalColumnModel ReadBody(string name, ColumnType type, BinaryReader reader)
    {
        int categoryCount = reader.ReadInt32();
        if (categoryCount < 0 || categoryCount > 100_000_000)
        {
            throw new ModelFormatException($"Category count {categoryCount} of column '{name}' is invalid.");
        }

        string[] categories = new string[categoryCount];
        for (int i = 0; i < categoryCount; i++)
        {
            categories[i] = reader.ReadString();
        }

        int intervalCount = reader.ReadInt32();
        if (intervalCount < 1 || intervalCount > categoryCount + 1)
        {
            throw new ModelFormatException($"Interval count {intervalCount} of column '{name}' is invalid.");
        }

        int[] codes = new int[intervalCount];
        double[] shares = new double[intervalCount];
        for (int i = 0; i < intervalCount; i++)
        {
            codes[i] = reader.ReadInt32();
            shares[i] = reader.ReadDouble();
            if (codes[i] < MissingCode || codes[i] >= categoryCount)
            {
                throw new ModelFormatException($"Category code {codes[i]} of column '{name}' is out of range.");
            }
        }

        return new CategoricalColumnModel(name, type, categories, codes, shares);
    }

    private static bool IsMissingSpelling(string label) => string.IsNullOrWhiteSpace(label) || MissingSpellings.Contains(label.Trim());

    private Dictionary<int, int> IntervalOfCode()
    {
        var map = new Dictionary<int, int>(_intervalCodes.Length);
        for (int i = 0; i < _intervalCodes.Length; i++)
        {
            map[_intervalCodes[i]] = i;
        }

        return map;
    }

    private int IntervalOf(double u)
    {
        // The last start not above u; starts are ascending and the first is 0.
        int index = Array.BinarySearch(_intervalStarts, u);
        int interval = index >= 0 ? index : ~index - 1;
        return Math.Clamp(interval, 0, _intervalCodes.Length - 1);
    }

    private static double[] Starts(double[] shares)
    {
        double[] starts = new double[shares.Length];
        double running = 0;
        for (int i = 0; i < shares.Length; i++)
        {
            starts[i] = running;
            running += shares[i];
        }

        return starts;
    }
}
