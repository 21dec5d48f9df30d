using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Transformers.Internal;

/// <summary>
/// Mode-specific normalisation of a numeric or date-time column: a Bayesian Gaussian mixture picks a
/// mode per value, and the value is stored as its scaled offset from that mode's mean plus a one-hot of
/// the mode. Missing values are imputed with the mean for the fit and put back at sampling time at the
/// training share of missing values.
/// </summary>
/// <remarks>
/// NOTE: nulls are put back independently of the other columns (missing completely at random), so a
/// dependence between missingness and other values is not reproduced.
/// </remarks>
internal sealed class ContinuousColumnTransform : ColumnTransform
{
    public const byte Kind = 1;

    /// <summary>Offsets are divided by this many standard deviations, as in the reference transformer.</summary>
    private const double StdMultiplier = 4.0;

    /// <summary>Added to every kept mode's posterior before a mode is drawn, as in the reference transformer.</summary>
    private const double PosteriorFloor = 1e-6;

    private readonly SourceKind _source;
    private readonly BayesianGaussianMixture _mixture;
    private readonly int[] _keptComponents;
    private readonly double _imputedValue;
    private readonly double _nullShare;
    private readonly double _minimum;
    private readonly double _maximum;
    private readonly int _decimals;
    private readonly double _dateStep;
    private readonly OutputSpan[] _spans;

    private ContinuousColumnTransform(
        string name,
        SourceKind source,
        BayesianGaussianMixture mixture,
        int[] keptComponents,
        double imputedValue,
        double nullShare,
        double minimum,
        double maximum,
        int decimals,
        double dateStep)
        : base(name)
    {
        _source = source;
        _mixture = mixture;
        _keptComponents = keptComponents;
        _imputedValue = imputedValue;
        _nullShare = nullShare;
        _minimum = minimum;
        _maximum = maximum;
        _decimals = decimals;
        _dateStep = dateStep;
        _spans = [new(0, 1, SpanActivation.Tanh), new(1, keptComponents.Length, SpanActivation.Softmax)];
    }

    public override IReadOnlyList<OutputSpan> Spans => _spans;

    /// <summary>The number of mixture modes kept after dropping negligible weights.</summary>
    public int ModeCount => _keptComponents.Length;

    /// <summary>The share of missing values in training, which sampling reproduces.</summary>
    public double NullShare => _nullShare;

    /// <summary>Sampled values are clipped to these bounds when enforcement is on.</summary>
    public bool EnforceMinMax { get; init; } = true;

    /// <summary>True when the source column contains dates or timestamps.</summary>
    public bool IsDateTime => _source.Type == ColumnType.DateTime;

    /// <summary>The smallest training value.</summary>
    public double Minimum => _minimum;

    /// <summary>The largest training value.</summary>
    public double Maximum => _maximum;

    /// <summary>Fits the mixture to the present values of a numeric or date-time column that has at least one.</summary>
    public static ContinuousColumnTransform Fit(Column column, double[] values, DataTransformerOptions options, bool enforceMinMax, Random random)
    {
        double[] present = values.Where(v => !double.IsNaN(v)).ToArray();
        double nullShare = (double)(values.Length - present.Length) / values.Length;
        double mean = present.Average();
        BayesianGaussianMixture mixture = BayesianGaussianMixture.Fit(
            present,
            options.MaxComponents,
            options.WeightConcentrationPrior,
            options.MaxIterations,
            options.Tolerance,
            random);

        int[] kept = Enumerable.Range(0, mixture.ComponentCount)
            .Where(j => mixture.Weights[j] > options.WeightThreshold)
            .ToArray();
        if (kept.Length == 0)
        {
            // Every weight is below the threshold only when the threshold is set very high; keep the heaviest.
            kept = [Enumerable.Range(0, mixture.ComponentCount).MaxBy(j => mixture.Weights[j])];
        }

        SourceKind source = SourceKind.Of(column);
        int decimals = column is NumericColumn { IsInteger: true } ? 0 : DetectDecimals(present);
        double dateStep = column is DateTimeColumn ? DetectDateStep(present) : 0;
        return new ContinuousColumnTransform(
            column.Name, source, mixture, kept, mean, nullShare, present.Min(), present.Max(), decimals, dateStep)
        {
            EnforceMinMax = enforceMinMax,
        };
    }

    /// <summary>Returns the values of a numeric or date-time column as doubles (NaN when missing).</summary>
    public static double[] ValuesOf(Column column) => column switch
    {
        NumericColumn numeric => numeric.Values,
        DateTimeColumn dates => dates.SecondsSinceEpoch,
        _ => throw new ArgumentException($"Column '{column.Name}' is not numeric or date-time.", nameof(column)),
    };

    public override IEncodedColumn Encode(Column column, Random random)
    {
        double[] values = ValuesOf(column);
        int n = values.Length;
        int m = _keptComponents.Length;
        float[] alpha = new float[n];
        int[] mode = new int[n];
        Span<double> all = stackalloc double[_mixture.ComponentCount];
        Span<double> probabilities = stackalloc double[m];
        for (int i = 0; i < n; i++)
        {
            double value = values[i];
            if (double.IsNaN(value))
            {
                value = _imputedValue;
            }

            _mixture.PredictProbabilities(value, all);
            double total = 0;
            for (int j = 0; j < m; j++)
            {
                probabilities[j] = all[_keptComponents[j]] + PosteriorFloor;
                total += probabilities[j];
            }

            // A random draw from the posterior, not the argmax, as the reference transformer does.
            double target = random.NextDouble() * total;
            int chosen = m - 1;
            double running = 0;
            for (int j = 0; j < m; j++)
            {
                running += probabilities[j];
                if (target < running)
                {
                    chosen = j;
                    break;
                }
            }

            int component = _keptComponents[chosen];
            double scaled = (value - _mixture.Means[component]) / (StdMultiplier * Math.Sqrt(_mixture.Variances[component]));
            alpha[i] = (float)Math.Clamp(scaled, -0.99, 0.99);
            mode[i] = chosen;
        }

        return new Encoded(alpha, mode);
    }

    public override Column Decode(float[] data, int rows, int rowWidth, int offset, Random random)
    {
        int m = _keptComponents.Length;
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<float> block = data.AsSpan((i * rowWidth) + offset, Width);
            if (_nullShare > 0 && random.NextDouble() < _nullShare)
            {
                values[i] = double.NaN;
                continue;
            }

            double alpha = Math.Clamp(block[0], -1.0, 1.0);
            int component = _keptComponents[ArgMax(block.Slice(1, m))];
            double value = (alpha * StdMultiplier * Math.Sqrt(_mixture.Variances[component])) + _mixture.Means[component];
            values[i] = Finish(value);
        }

        return _source.Type == ColumnType.DateTime
            ? new DateTimeColumn(Name, values, _source.DateTimeFormat)
            : new NumericColumn(Name, values, _source.Type == ColumnType.Integer);
    }

    /// <summary>Clips to the training range (when enforced) and rounds to the learned precision.</summary>
    public double Finish(double value)
    {
        if (EnforceMinMax)
        {
            value = Math.Clamp(value, _minimum, _maximum);
        }

        if (_dateStep > 0)
        {
            return Math.Round(value / _dateStep) * _dateStep;
        }

        return Math.Round(value, _decimals, MidpointRounding.ToEven);
    }

    public override void Write(BinaryWriter writer)
    {
        writer.Write(Kind);
        writer.Write(Name);
        _source.Write(writer);
        _mixture.Write(writer);
        writer.Write(_keptComponents.Length);
        foreach (int component in _keptComponents)
        {
            writer.Write(component);
        }

        writer.Write(_imputedValue);
        writer.Write(_nullShare);
        writer.Write(_minimum);
        writer.Write(_maximum);
        writer.Write(_decimals);
        writer.Write(_dateStep);
        writer.Write(EnforceMinMax);
    }

    public static ContinuousColumnTransform ReadBody(BinaryReader reader)
    {
        string name = reader.ReadString();
        SourceKind source = SourceKind.Read(reader);
        BayesianGaussianMixture mixture = BayesianGaussianMixture.Read(reader);
        int keptCount = reader.ReadInt32();
        if (keptCount < 1 || keptCount > mixture.ComponentCount)
        {
            throw new InvalidDataException($"Invalid kept mode count {keptCount} for column '{name}' in the model file.");
        }

        int[] kept = new int[keptCount];
        for (int j = 0; j < keptCount; j++)
        {
            kept[j] = reader.ReadInt32();
            if (kept[j] < 0 || kept[j] >= mixture.ComponentCount)
            {
                throw new InvalidDataException($"Invalid mode index for column '{name}' in the model file.");
            }
        }

        double imputed = reader.ReadDouble();
        double nullShare = reader.ReadDouble();
        double minimum = reader.ReadDouble();
        double maximum = reader.ReadDouble();
        int decimals = reader.ReadInt32();
        double dateStep = reader.ReadDouble();
        bool enforce = reader.ReadBoolean();
        return new ContinuousColumnTransform(name, source, mixture, kept, imputed, nullShare, minimum, maximum, decimals, dateStep)
        {
            EnforceMinMax = enforce,
        };
    }

    /// <summary>Returns the fewest decimal places (at most 10) that represent every value exactly.</summary>
    private static int DetectDecimals(double[] values)
    {
        for (int decimals = 0; decimals < 10; decimals++)
        {
            bool exact = true;
            foreach (double value in values)
            {
                if (Math.Round(value, decimals) != value)
                {
                    exact = false;
                    break;
                }
            }

            if (exact)
            {
                return decimals;
            }
        }

        return 10;
    }

    /// <summary>Returns the coarsest step (a day down to a microsecond) that every timestamp is a whole multiple of.</summary>
    private static double DetectDateStep(double[] seconds)
    {
        double[] steps = [86_400, 3_600, 60, 1, 1e-3, 1e-6];
        foreach (double step in steps)
        {
            bool whole = true;
            foreach (double value in seconds)
            {
                double ratio = value / step;
                if (Math.Abs(ratio - Math.Round(ratio)) > 1e-3)
                {
                    whole = false;
                    break;
                }
            }

            if (whole)
            {
                return step;
            }
        }

        return 1e-6;
    }

    private sealed class Encoded(float[] alpha, int[] mode) : IEncodedColumn
    {
        public void WriteRow(int row, Span<float> destination)
        {
            destination.Clear();
            destination[0] = alpha[row];
            destination[1 + mode[row]] = 1f;
        }
    }
}
