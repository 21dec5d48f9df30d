namespace SyntheticData.Evaluation.Internal;

/// <summary>
/// Draws DCRBaselineProtection's random rows the way SDMetrics 0.29 does, with a seeded .NET generator in place of
/// numpy's. Integers are uniform in [min, max], other numbers and datetimes uniform in [min, max), and labels uniform
/// among the real distinct values. Nulls appear at the real column's null rate.
/// </summary>
internal static class RandomBaselineTable
{
    public static MetricColumn[] Draw(MetricColumn[] real, int rows, Random random)
    {
        var drawn = new MetricColumn[real.Length];
        for (int j = 0; j < real.Length; j++)
        {
            drawn[j] = real[j].Numbers is { } numbers
                ? MetricColumn.Continuous(real[j].Name, DrawNumbers(numbers, real[j].IsInteger, rows, random), real[j].SdType, real[j].IsInteger)
                : MetricColumn.Discrete(real[j].Name, DrawLabels(real[j].Labels!, rows, random), real[j].SdType);
        }

        // Null positions are drawn after every column's values, as SDMetrics does with numpy's global generator.
        for (int j = 0; j < real.Length; j++)
        {
            double nullRate = NullRate(real[j]);
            for (int row = 0; row < rows; row++)
            {
                if (random.NextDouble() < nullRate)
                {
                    SetNull(drawn[j], row);
                }
            }
        }

        return drawn;
    }

    private static double[] DrawNumbers(double[] real, bool isInteger, int rows, Random random)
    {
        double[] present = real.Where(v => !double.IsNaN(v)).ToArray();
        var values = new double[rows];
        if (present.Length == 0)
        {
            Array.Fill(values, double.NaN);
            return values;
        }

        double minimum = present.Min();
        double maximum = present.Max();
        for (int row = 0; row < rows; row++)
        {
            values[row] = isInteger
                ? random.NextInt64((long)minimum, (long)maximum + 1)
                : minimum + (random.NextDouble() * (maximum - minimum));
        }

        return values;
    }

    private static string?[] DrawLabels(string?[] real, int rows, Random random)
    {
        string[] distinct = real.Where(label => label is not null).Distinct(StringComparer.Ordinal).ToArray()!;
        var labels = new string?[rows];
        if (distinct.Length == 0)
        {
            return labels;
        }

        for (int row = 0; row < rows; row++)
        {
            labels[row] = distinct[random.Next(distinct.Length)];
        }

        return labels;
    }

    private static double NullRate(MetricColumn column)
    {
        int nulls = column.Numbers is { } numbers ? numbers.Count(double.IsNaN) : column.Labels!.Count(label => label is null);
        return column.Length == 0 ? 0 : (double)nulls / column.Length;
    }

    private static void SetNull(MetricColumn column, int row)
    {
        if (column.Numbers is { } numbers)
        {
            numbers[row] = double.NaN;
        }
        else
        {
            column.Labels![row] = null;
        }
    }
}
