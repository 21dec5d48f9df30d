using MathNet.Numerics;
using SyntheticData.Synthesis.Internal;

namespace SyntheticData.Synthesis.Copula.Internal;

/// <summary>
/// A fitted distribution of one family over the continuous part of a numeric column, with its CDF and
/// inverse CDF. Families without a closed-form inverse invert a tabulated CDF by linear interpolation.
/// </summary>
internal sealed class ContinuousMarginal
{
    private const int TableSize = 2049;
    private const int KdeBins = 512;

    private readonly double[] _parameters;
    private double[]? _tableX;
    private double[]? _tableF;

    private ContinuousMarginal(MarginalFamily family, double lower, double upper, double[] parameters)
    {
        Family = family;
        Lower = lower;
        Upper = upper;
        _parameters = parameters;
    }

    /// <summary>The distribution family.</summary>
    public MarginalFamily Family { get; }

    /// <summary>The smallest value seen when fitting.</summary>
    public double Lower { get; }

    /// <summary>The largest value seen when fitting.</summary>
    public double Upper { get; }

    /// <summary>
    /// Fits <paramref name="family"/> to <paramref name="sorted"/> (ascending, at least two distinct values);
    /// returns null when the family cannot describe the data, such as a beta fit to a variance too large.
    /// </summary>
    public static ContinuousMarginal? TryFit(MarginalFamily family, double[] sorted)
    {
        double lower = sorted[0];
        double upper = sorted[^1];
        double range = upper - lower;
        if (!(range > 0))
        {
            return null;
        }

        (double mean, double variance) = MeanAndVariance(sorted);
        double sd = Math.Sqrt(variance);
        switch (family)
        {
            case MarginalFamily.Normal:
            case MarginalFamily.TruncatedNormal:
                return sd > 0 ? new ContinuousMarginal(family, lower, upper, [mean, sd]) : null;

            case MarginalFamily.Uniform:
                return new ContinuousMarginal(family, lower, upper, []);

            case MarginalFamily.Beta:
            {
                double m = (mean - lower) / range;
                double v = variance / (range * range);
                if (!(v > 0) || v >= m * (1 - m))
                {
                    return null;
                }

                double common = (m * (1 - m) / v) - 1;
                return new ContinuousMarginal(family, lower, upper, [m * common, (1 - m) * common]);
            }

            case MarginalFamily.Gamma:
            {
                // The shift sits just below the minimum so that the smallest value has a finite density.
                double shift = lower - (range * 1e-3);
                double shiftedMean = mean - shift;
                if (!(variance > 0))
                {
                    return null;
                }

                double shape = shiftedMean * shiftedMean / variance;
                double scale = variance / shiftedMean;
                return new ContinuousMarginal(family, lower, upper, [shift, shape, scale]);
            }

            case MarginalFamily.GaussianKde:
                return FitKde(sorted, lower, upper, sd);

            default:
                throw new ArgumentOutOfRangeException(nameof(family), family, "Unknown marginal family.");
        }
    }

    /// <summary>Returns P(X ≤ x).</summary>
    public double Cdf(double x)
    {
        switch (Family)
        {
            case MarginalFamily.Normal:
                return StandardNormal.Cdf((x - _parameters[0]) / _parameters[1]);

            case MarginalFamily.TruncatedNormal:
            {
                if (x <= Lower)
                {
                    return 0;
                }

                if (x >= Upper)
                {
                    return 1;
                }

                (double below, double inside) = TruncatedNormalMass();
                return (StandardNormal.Cdf((x - _parameters[0]) / _parameters[1]) - below) / inside;
            }

            case MarginalFamily.Uniform:
                return Math.Clamp((x - Lower) / (Upper - Lower), 0, 1);

            case MarginalFamily.Beta:
            {
                double t = (x - Lower) / (Upper - Lower);
                if (t <= 0)
                {
                    return 0;
                }

                return t >= 1 ? 1 : SpecialFunctions.BetaRegularized(_parameters[0], _parameters[1], t);
            }

            case MarginalFamily.Gamma:
            {
                double y = x - _parameters[0];
                return y <= 0 ? 0 : SpecialFunctions.GammaLowerRegularized(_parameters[1], y / _parameters[2]);
            }

            case MarginalFamily.GaussianKde:
                return CdfFromTable(x);

            default:
                throw new InvalidOperationException($"Unknown marginal family {Family}.");
        }
    }

    /// <summary>Returns the x with P(X ≤ x) = <paramref name="u"/>, for u in (0, 1).</summary>
    public double InverseCdf(double u)
    {
        switch (Family)
        {
            case MarginalFamily.Normal:
                return _parameters[0] + (_parameters[1] * StandardNormal.InverseCdf(u));

            case MarginalFamily.TruncatedNormal:
            {
                (double below, double inside) = TruncatedNormalMass();
                double p = Math.Clamp(below + (u * inside), 1e-300, 1 - 1e-16);
                return Math.Clamp(_parameters[0] + (_parameters[1] * StandardNormal.InverseCdf(p)), Lower, Upper);
            }

            case MarginalFamily.Uniform:
                return Lower + (u * (Upper - Lower));

            default:
                return InverseFromTable(u);
        }
    }

    /// <summary>
    /// Returns the two-sample Kolmogorov-Smirnov statistic between <paramref name="sorted"/> and this
    /// distribution: the largest gap between the empirical CDF and <see cref="Cdf"/>.
    /// </summary>
    public double KolmogorovSmirnov(double[] sorted)
    {
        int n = sorted.Length;
        double statistic = 0;
        int i = 0;
        while (i < n)
        {
            // Ties form one step of the empirical CDF, so compare at both ends of the step.
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i])
            {
                j++;
            }

            double f = Cdf(sorted[i]);
            statistic = Math.Max(statistic, Math.Max(Math.Abs(f - ((double)i / n)), Math.Abs(f - ((double)(j + 1) / n))));
            i = j + 1;
        }

        return statistic;
    }

    /// <summary>Writes the family, bounds and parameters.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write((int)Family);
        writer.Write(Lower);
        writer.Write(Upper);
        writer.Write(_parameters.Length);
        foreach (double parameter in _parameters)
        {
            writer.Write(parameter);
        }
    }

    /// <summary>Reads a marginal written by <see cref="Write"/>.</summary>
    public static ContinuousMarginal Read(BinaryReader reader)
    {
        var family = (MarginalFamily)reader.ReadInt32();
        if (!Enum.IsDefined(family))
        {
            throw new ModelFormatException($"Unknown marginal family {(int)family} in the model payload.");
        }

        double lower = reader.ReadDouble();
        double upper = reader.ReadDouble();
        int count = reader.ReadInt32();
        if (count < 0 || count > 1 + (2 * KdeBins))
        {
            throw new ModelFormatException($"Marginal parameter count {count} is invalid.");
        }

        double[] parameters = new double[count];
        for (int i = 0; i < count; i++)
        {
            parameters[i] = reader.ReadDouble();
        }

        return new ContinuousMarginal(family, lower, upper, parameters);
    }

    private static ContinuousMarginal FitKde(double[] sorted, double lower, double upper, double sd)
    {
        int n = sorted.Length;
        double range = upper - lower;

        // Silverman's rule of thumb; the IQR term is skipped when it is zero (many ties).
        double iqr = sorted[(int)(0.75 * (n - 1))] - sorted[(int)(0.25 * (n - 1))];
        double spread = iqr > 0 ? Math.Min(sd, iqr / 1.34) : sd;
        double binWidth = range / KdeBins;
        double bandwidth = Math.Max(0.9 * spread * Math.Pow(n, -0.2), binWidth);

        // The model stores bin centres and weights, not the training values.
        double[] counts = new double[KdeBins];
        foreach (double value in sorted)
        {
            counts[Math.Min((int)((value - lower) / binWidth), KdeBins - 1)]++;
        }

        var parameters = new List<double> { bandwidth };
        for (int b = 0; b < KdeBins; b++)
        {
            if (counts[b] > 0)
            {
                parameters.Add(lower + ((b + 0.5) * binWidth));
                parameters.Add(counts[b] / n);
            }
        }

        return new ContinuousMarginal(MarginalFamily.GaussianKde, lower, upper, parameters.ToArray());
    }

    private static (double Mean, double Variance) MeanAndVariance(double[] values)
    {
        double mean = 0;
        foreach (double value in values)
        {
            mean += value;
        }

        mean /= values.Length;
        double sumSquares = 0;
        foreach (double value in values)
        {
            sumSquares += (value - mean) * (value - mean);
        }

        return (mean, sumSquares / Math.Max(1, values.Length - 1));
    }

    private (double Below, double Inside) TruncatedNormalMass()
    {
        double below = StandardNormal.Cdf((Lower - _parameters[0]) / _parameters[1]);
        double above = StandardNormal.Cdf((Upper - _parameters[0]) / _parameters[1]);
        return (below, Math.Max(above - below, 1e-300));
    }

    // The exact KDE CDF costs one normal CDF per bin, so fitting and encoding interpolate the table instead.
    private double KdeCdf(double x)
    {
        double bandwidth = _parameters[0];
        int bins = (_parameters.Length - 1) / 2;
        double sum = 0;
        for (int i = 0; i < bins; i++)
        {
            sum += _parameters[2 + (2 * i)] * StandardNormal.Cdf((x - _parameters[1 + (2 * i)]) / bandwidth);
        }

        return Math.Clamp(sum, 0, 1);
    }

    private double CdfFromTable(double x)
    {
        if (_tableX is null)
        {
            BuildTable();
        }

        double[] xs = _tableX!;
        double[] fs = _tableF!;
        if (x <= xs[0])
        {
            return fs[0];
        }

        if (x >= xs[^1])
        {
            return fs[^1];
        }

        // The grid is uniform, so the cell is found by arithmetic.
        double position = (x - xs[0]) / (xs[^1] - xs[0]) * (TableSize - 1);
        int lower = Math.Min((int)position, TableSize - 2);
        double fraction = position - lower;
        return fs[lower] + (fraction * (fs[lower + 1] - fs[lower]));
    }

    private double InverseFromTable(double u)
    {
        if (_tableX is null)
        {
            BuildTable();
        }

        double[] xs = _tableX!;
        double[] fs = _tableF!;
        if (u <= fs[0])
        {
            return xs[0];
        }

        if (u >= fs[^1])
        {
            return xs[^1];
        }

        int index = Array.BinarySearch(fs, u);
        if (index >= 0)
        {
            return xs[index];
        }

        int upper = ~index;
        int lower = upper - 1;
        double span = fs[upper] - fs[lower];
        return span > 0 ? xs[lower] + ((u - fs[lower]) / span * (xs[upper] - xs[lower])) : xs[lower];
    }

    private void BuildTable()
    {
        double range = Upper - Lower;
        (double from, double to) = Family switch
        {
            MarginalFamily.Beta => (Lower, Upper),
            MarginalFamily.Gamma => (_parameters[0], Upper + range),
            MarginalFamily.GaussianKde => (Lower - (4 * _parameters[0]), Upper + (4 * _parameters[0])),
            _ => (Lower - (range / 2), Upper + (range / 2)),
        };

        double[] xs = new double[TableSize];
        double[] fs = new double[TableSize];
        for (int k = 0; k < TableSize; k++)
        {
            xs[k] = from + ((to - from) * k / (TableSize - 1));
            fs[k] = Family == MarginalFamily.GaussianKde ? KdeCdf(xs[k]) : Cdf(xs[k]);

            // Rounding in the special functions must not break the monotone order that the search needs.
            if (k > 0 && fs[k] < fs[k - 1])
            {
                fs[k] = fs[k - 1];
            }
        }

        _tableF = fs;
        _tableX = xs;
    }
}
