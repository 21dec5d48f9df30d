using System.Globalization;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Copula.Internal;

/// <summary>
/// A numeric or datetime column: a mixed marginal over the present values, learned rounding, bounds,
/// and a null indicator dimension when the column has missing values.
/// </summary>
internal sealed class NumericColumnModel : ColumnModel
{
    private readonly MixedMarginal _marginal;
    private readonly double _nullShare;
    private readonly double _minimum;
    private readonly double _maximum;
    private readonly double _step;
    private readonly bool _enforceMinMax;
    private readonly string? _dateTimeFormat;

    private NumericColumnModel(
        string name,
        ColumnType type,
        MixedMarginal marginal,
        double nullShare,
        double minimum,
        double maximum,
        double step,
        bool enforceMinMax,
        string? dateTimeFormat)
        : base(name, type)
    {
        _marginal = marginal;
        _nullShare = nullShare;
        _minimum = minimum;
        _maximum = maximum;
        _step = step;
        _enforceMinMax = enforceMinMax;
        _dateTimeFormat = dateTimeFormat;
    }

    /// <summary>The family chosen for the continuous part; null when the column is modelled as discrete.</summary>
    public MarginalFamily? Family => _marginal.Continuous?.Family;

    public override int Dimensions => _nullShare > 0 ? 2 : 1;

    protected override ColumnModelKind Kind => ColumnModelKind.Numeric;

    /// <summary>
    /// Fits the column; <paramref name="values"/> contains numbers or seconds since the epoch, NaN for
    /// missing, and at least one present value.
    /// </summary>
    public static NumericColumnModel Fit(
        string name,
        ColumnType type,
        double[] values,
        string? dateTimeFormat,
        GaussianCopulaOptions copulaOptions,
        bool enforceMinMax)
    {
        double[] sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Any(double.IsInfinity))
        {
            throw new ColumnFitException(name, "contains an infinite value; only finite numbers can be modelled.");
        }

        double nullShare = (double)(values.Length - sorted.Length) / values.Length;
        double step = type switch
        {
            ColumnType.Integer => 1,
            ColumnType.DateTime => DateTimeResolution(sorted, dateTimeFormat!),
            _ => DecimalStep(sorted),
        };

        MixedMarginal marginal = FitMarginal(sorted, type == ColumnType.Integer, copulaOptions);
        return new NumericColumnModel(name, type, marginal, nullShare, sorted[0], sorted[^1], step, enforceMinMax, dateTimeFormat);
    }

    public override void Encode(Column column, double[][] scores, int firstDimension, Random random)
    {
        double[] values = ValuesOf(column);
        double[] valueScores = scores[firstDimension];
        double presentShare = 1 - _nullShare;
        for (int row = 0; row < values.Length; row++)
        {
            double value = values[row];
            bool isNull = double.IsNaN(value);

            // A missing value gets an independent normal draw: it stays in the fit without pulling the
            // correlation towards any value.
            valueScores[row] = isNull
                ? ToNormal(random.NextDouble())
                : ToNormal(_marginal.Encode(value, random));
            if (_nullShare > 0)
            {
                double u = isNull
                    ? presentShare + (random.NextDouble() * _nullShare)
                    : random.NextDouble() * presentShare;
                scores[firstDimension + 1][row] = ToNormal(u);
            }
        }
    }

    public override Column? Decode(double[][] scores, int firstDimension, int rows, Random random)
    {
        double[] output = new double[rows];
        double presentShare = 1 - _nullShare;
        for (int row = 0; row < rows; row++)
        {
            if (_nullShare > 0 && ToUniform(scores[firstDimension + 1][row]) >= presentShare)
            {
                output[row] = double.NaN;
                continue;
            }

            double value = RoundToStep(_marginal.Decode(ToUniform(scores[firstDimension][row])));

            // Clamping after rounding matters when the learned step is coarser than the bounds' precision.
            output[row] = _enforceMinMax ? Math.Clamp(value, _minimum, _maximum) : value;
        }

        return Type == ColumnType.DateTime
            ? new DateTimeColumn(Name, output, _dateTimeFormat!)
            : new NumericColumn(Name, output, Type == ColumnType.Integer);
    }

    public override (double Low, double High, double? Number) ConditionOn(string value)
    {
        double number;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && double.IsFinite(parsed))
        {
            number = parsed;
        }
        else if (Type == ColumnType.DateTime
            && DateTime.TryParseExact(value, _dateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime date))
        {
            number = (date - DateTime.UnixEpoch).TotalSeconds;
        }
        else
        {
            throw new ArgumentException($"The condition value for column '{Name}' is not a finite number{(Type == ColumnType.DateTime ? " or a date in its format" : string.Empty)}.", nameof(value));
        }

        (double low, double high) = _marginal.JumpOf(number);
        return (low, high, number);
    }

    protected override void WriteBody(BinaryWriter writer)
    {
        _marginal.Write(writer);
        writer.Write(_nullShare);
        writer.Write(_minimum);
        writer.Write(_maximum);
        writer.Write(_step);
        writer.Write(_enforceMinMax);
        writer.Write(_dateTimeFormat ?? string.Empty);
    }

    /// <summary>Reads the fitted state written by <see cref="WriteBody"/>.</summary>
    public static NumericColumnModel ReadBody(string name, ColumnType type, BinaryReader reader)
    {
        MixedMarginal marginal = MixedMarginal.Read(reader);
        double nullShare = reader.ReadDouble();
        double minimum = reader.ReadDouble();
        double maximum = reader.ReadDouble();
        double step = reader.ReadDouble();
        bool enforce = reader.ReadBoolean();
        string format = reader.ReadString();
        if (type == ColumnType.DateTime && format.Length == 0)
        {
            throw new ModelFormatException($"Datetime column '{name}' has no format in the model payload.");
        }

        return new NumericColumnModel(name, type, marginal, nullShare, minimum, maximum, step, enforce, format.Length == 0 ? null : format);
    }

    /// <summary>Returns the numbers of a numeric column or the seconds of a datetime column.</summary>
    public static double[] ValuesOf(Column column) => column switch
    {
        NumericColumn numeric => numeric.Values,
        DateTimeColumn dateTime => dateTime.SecondsSinceEpoch,
        _ => throw new ArgumentException($"Column '{column.Name}' is neither numeric nor datetime.", nameof(column)),
    };

    private double RoundToStep(double value)
    {
        if (_step >= 1)
        {
            return Math.Round(value / _step) * _step;
        }

        // Multiplying by the inverse of a decimal step keeps 0.01 steps exact where dividing by 0.01 does not.
        double scale = Math.Round(1 / _step);
        return Math.Round(value * scale) / scale;
    }

    private static MixedMarginal FitMarginal(double[] sorted, bool isInteger, GaussianCopulaOptions options)
    {
        var distinct = new List<(double Value, int Count)>();
        for (int i = 0; i < sorted.Length;)
        {
            int j = i;
            while (j < sorted.Length && sorted[j] == sorted[i])
            {
                j++;
            }

            distinct.Add((sorted[i], j - i));
            i = j;
        }

        // Integer columns with few distinct values (flags, codes, small counts) are discrete: sampling
        // returns only observed values with their observed shares, so a rare 1 in a 0/1 column survives.
        bool discrete = isInteger && distinct.Count <= options.MaxDiscreteValues;
        var masses = distinct
            .Where(d => discrete || (d.Count >= options.MinPointMassCount && (double)d.Count / sorted.Length >= options.MinPointMassShare))
            .ToList();
        double[] rest = discrete ? [] : sorted.Where(v => masses.BinarySearch((v, 0), ValueComparer.Instance) < 0).ToArray();

        // Too little continuous data to fit a distribution: keep those values as point masses as well.
        if (rest.Length > 0 && (rest.Length < 3 || rest[0] == rest[^1]))
        {
            masses = distinct.Where(d => masses.Contains(d) || rest.Contains(d.Value)).ToList();
            rest = [];
        }

        ContinuousMarginal? continuous = rest.Length > 0 ? SelectContinuous(rest, options) : null;
        double[] massValues = masses.Select(m => m.Value).ToArray();
        double[] massProbabilities = masses.Select(m => (double)m.Count / sorted.Length).ToArray();
        return new MixedMarginal(massValues, massProbabilities, continuous);
    }

    // Picks the family with the smallest Kolmogorov-Smirnov statistic on an evenly strided subsample.
    private static ContinuousMarginal SelectContinuous(double[] sorted, GaussianCopulaOptions options)
    {
        double[] sample = sorted;
        if (sorted.Length > options.MaxGoodnessOfFitSample)
        {
            sample = new double[options.MaxGoodnessOfFitSample];
            for (int i = 0; i < sample.Length; i++)
            {
                sample[i] = sorted[(int)((long)i * (sorted.Length - 1) / (sample.Length - 1))];
            }
        }

        ContinuousMarginal? best = null;
        double bestStatistic = double.PositiveInfinity;
        foreach (MarginalFamily family in options.Families)
        {
            ContinuousMarginal? candidate = ContinuousMarginal.TryFit(family, sorted);
            if (candidate is null)
            {
                continue;
            }

            double statistic = candidate.KolmogorovSmirnov(sample);
            if (statistic < bestStatistic)
            {
                best = candidate;
                bestStatistic = statistic;
            }
        }

        // Uniform always fits a sample with two distinct values, so this fallback is only for an empty family list.
        return best ?? ContinuousMarginal.TryFit(MarginalFamily.Uniform, sorted)!;
    }

    private static double DecimalStep(double[] sorted)
    {
        const int MaxDecimals = 10;
        int decimals = 0;
        foreach (double value in sorted)
        {
            while (decimals < MaxDecimals && Math.Abs(Math.Round(value, decimals) - value) > 1e-9 * Math.Max(1, Math.Abs(value)))
            {
                decimals++;
            }
        }

        return Math.Pow(10, -decimals);
    }

    // The finest unit the format writes, coarsened to whole days, hours or minutes when every value is a
    // multiple of one (a timestamp format over midnight values gives dates).
    private static double DateTimeResolution(double[] sorted, string format)
    {
        int fractionDigits = format.Count(c => c is 'f' or 'F');
        double resolution = fractionDigits > 0 ? Math.Pow(10, -fractionDigits)
            : format.Contains('s', StringComparison.Ordinal) ? 1
            : format.Contains('m', StringComparison.Ordinal) ? 60
            : format.Contains('H', StringComparison.Ordinal) || format.Contains('h', StringComparison.Ordinal) ? 3600
            : 86400;
        foreach (double unit in (double[])[86400, 3600, 60, 1])
        {
            if (unit > resolution && sorted.All(v => Math.Abs(v - (Math.Round(v / unit) * unit)) < 1e-6))
            {
                return unit;
            }
        }

        return resolution;
    }

    private sealed class ValueComparer : IComparer<(double Value, int Count)>
    {
        public static readonly ValueComparer Instance = new();

        public int Compare((double Value, int Count) x, (double Value, int Count) y) => x.Value.CompareTo(y.Value);
    }
}
