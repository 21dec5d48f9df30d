namespace SyntheticData.Evaluation;

/// <summary>
/// CorrelationSimilarity: 1 - |r_real - r_synthetic| / 2 for a pair of numerical or datetime columns
/// (SDMetrics 0.29 definition).
/// </summary>
public static class CorrelationSimilarity
{
    /// <summary>
    /// Computes the score and both coefficients. Rows with a null in either column are dropped, per table.
    /// A column that is constant only after that drop gives NaN.
    /// </summary>
    /// <exception cref="IncomputableMetricException">A column has exactly one distinct non-null value in real or
    /// synthetic data, or fewer than two complete rows remain.</exception>
    public static CorrelationSimilarityResult Compute(
        MetricColumn real1,
        MetricColumn real2,
        MetricColumn synthetic1,
        MetricColumn synthetic2,
        CorrelationCoefficient coefficient = CorrelationCoefficient.Pearson)
    {
        ArgumentNullException.ThrowIfNull(real1);
        ArgumentNullException.ThrowIfNull(real2);
        ArgumentNullException.ThrowIfNull(synthetic1);
        ArgumentNullException.ThrowIfNull(synthetic2);
        double[] x = KSComplement.RequireNumbers(real1);
        double[] y = KSComplement.RequireNumbers(real2);
        double[] sx = KSComplement.RequireNumbers(synthetic1);
        double[] sy = KSComplement.RequireNumbers(synthetic2);

        RejectConstant(x, real1.Name, "real");
        RejectConstant(y, real2.Name, "real");
        RejectConstant(sx, synthetic1.Name, "synthetic");
        RejectConstant(sy, synthetic2.Name, "synthetic");

        double realCoefficient = Coefficient(x, y, coefficient);
        double syntheticCoefficient = Coefficient(sx, sy, coefficient);
        double score = 1.0 - (Math.Abs(realCoefficient - syntheticCoefficient) / 2.0);
        return new CorrelationSimilarityResult(score, realCoefficient, syntheticCoefficient);
    }

    /// <summary>Computes Pearson's or Spearman's coefficient over the rows where both values are present.</summary>
    /// <exception cref="IncomputableMetricException">Fewer than two complete rows.</exception>
    public static double Coefficient(IReadOnlyList<double> x, IReadOnlyList<double> y, CorrelationCoefficient coefficient)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"The columns have {x.Count} and {y.Count} rows; they must have the same length.", nameof(y));
        }

        var completeX = new List<double>(x.Count);
        var completeY = new List<double>(y.Count);
        for (int row = 0; row < x.Count; row++)
        {
            if (!double.IsNaN(x[row]) && !double.IsNaN(y[row]))
            {
                completeX.Add(x[row]);
                completeY.Add(y[row]);
            }
        }

        if (completeX.Count < 2)
        {
            throw new IncomputableMetricException("Correlation needs at least 2 rows with both values present.");
        }

        double[] a = completeX.ToArray();
        double[] b = completeY.ToArray();
        if (coefficient == CorrelationCoefficient.Spearman)
        {
            a = AverageRanks(a);
            b = AverageRanks(b);
        }

        return Pearson(a, b);
    }

    /// <summary>
    /// Pearson's r as scipy 1.10 computes it: centre both vectors, normalise each to unit length, take the dot
    /// product and clip to [-1, 1]. NaN when either vector is constant.
    /// </summary>
    internal static double Pearson(double[] x, double[] y)
    {
        if (x.Length == 2)
        {
            // scipy returns the sign product for two points, avoiding rounding noise.
            return Math.Sign(x[1] - x[0]) * Math.Sign(y[1] - y[0]);
        }

        double meanX = x.Average();
        double meanY = y.Average();
        double normX = 0;
        double normY = 0;
        for (int i = 0; i < x.Length; i++)
        {
            normX += (x[i] - meanX) * (x[i] - meanX);
            normY += (y[i] - meanY) * (y[i] - meanY);
        }

        normX = Math.Sqrt(normX);
        normY = Math.Sqrt(normY);
        if (normX == 0 || normY == 0)
        {
            return double.NaN;
        }

        double r = 0;
        for (int i = 0; i < x.Length; i++)
        {
            r += ((x[i] - meanX) / normX) * ((y[i] - meanY) / normY);
        }

        return Math.Clamp(r, -1.0, 1.0);
    }

    internal static double[] AverageRanks(double[] values)
    {
        int[] order = Enumerable.Range(0, values.Length).ToArray();
        Array.Sort(values.ToArray(), order);
        var ranks = new double[values.Length];
        int start = 0;
        while (start < order.Length)
        {
            int end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            // Ranks are 1-based; a run of ties from start to end shares the mean of their ranks.
            double rank = ((start + end) / 2.0) + 1.0;
            for (int k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    private static void RejectConstant(double[] values, string column, string side)
    {
        double first = double.NaN;
        foreach (double value in values)
        {
            if (double.IsNaN(value))
            {
                continue;
            }

            if (double.IsNaN(first))
            {
                first = value;
            }
            else if (value != first)
            {
                return;
            }
        }

        if (!double.IsNaN(first))
        {
            throw new IncomputableMetricException(
                $"The {side} data in column '{column}' contains a constant value. Correlation is undefined for constant data.");
        }
    }
}
