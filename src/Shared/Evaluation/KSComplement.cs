namespace SyntheticData.Evaluation;

/// <summary>
/// KSComplement: 1 minus the two-sample Kolmogorov-Smirnov statistic between the real and synthetic values of a
/// numerical or datetime column, with nulls dropped on each side (SDMetrics 0.29 definition).
/// </summary>
public static class KSComplement
{
    /// <summary>Computes the score; NaN when either side has no non-null value.</summary>
    public static double Compute(IReadOnlyList<double> real, IReadOnlyList<double> synthetic)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        double[] realSorted = SortedNonNull(real);
        double[] syntheticSorted = SortedNonNull(synthetic);
        if (realSorted.Length == 0 || syntheticSorted.Length == 0)
        {
            return double.NaN;
        }

        return 1.0 - Statistic(realSorted, syntheticSorted);
    }

    /// <summary>Computes the score of two continuous columns.</summary>
    public static double Compute(MetricColumn real, MetricColumn synthetic)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        return Compute(RequireNumbers(real), RequireNumbers(synthetic));
    }

    internal static double[] RequireNumbers(MetricColumn column) =>
        column.Numbers ?? throw new ArgumentException($"Column '{column.Name}' is {column.SdType}, but the metric needs a numerical or datetime column.", nameof(column));

    /// <summary>
    /// Returns max over pooled values v of |F_real(v) - F_synthetic(v)|, where F(v) is the share of values at most v.
    /// Both arrays must be sorted.
    /// </summary>
    private static double Statistic(double[] a, double[] b)
    {
        int i = 0;
        int j = 0;
        double maximum = 0;
        while (i < a.Length && j < b.Length)
        {
            double v = Math.Min(a[i], b[j]);

            // Step past every copy of v on both sides so the empirical functions are evaluated at v itself.
            while (i < a.Length && a[i] <= v)
            {
                i++;
            }

            while (j < b.Length && b[j] <= v)
            {
                j++;
            }

            double difference = Math.Abs(((double)i / a.Length) - ((double)j / b.Length));
            maximum = Math.Max(maximum, difference);
        }

        return maximum;
    }

    private static double[] SortedNonNull(IReadOnlyList<double> values)
    {
        var present = new List<double>(values.Count);
        foreach (double value in values)
        {
            if (!double.IsNaN(value))
            {
                present.Add(value);
            }
        }

        double[] sorted = present.ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
