using System.Globalization;

namespace SyntheticData.Evaluation.Internal;

/// <summary>
/// The real and synthetic shares of one column, ready to plot: 20 equal-width bins over the combined range of a
/// continuous column, or the most frequent real categories of a discrete column. Nulls get a bar of their own.
/// </summary>
internal sealed record ColumnDistribution(string Column, bool IsHistogram, string[] Labels, double[] RealShares, double[] SyntheticShares)
{
    private const int HistogramBins = 20;
    private const int MaxCategories = 12;

    public static ColumnDistribution Create(MetricColumn real, MetricColumn synthetic) =>
        real.Numbers is { } realNumbers
            ? Histogram(real.Name, real.SdType, realNumbers, synthetic.Numbers!)
            : Categories(real.Name, real.Labels!, synthetic.Labels!);

    private static ColumnDistribution Histogram(string name, SdType sdType, double[] real, double[] synthetic)
    {
        double[] present = [.. real.Where(v => !double.IsNaN(v)), .. synthetic.Where(v => !double.IsNaN(v))];
        bool hasNulls = real.Any(double.IsNaN) || synthetic.Any(double.IsNaN);
        int bins = present.Length == 0 ? 0 : HistogramBins;
        double minimum = present.Length == 0 ? 0 : present.Min();
        double maximum = present.Length == 0 ? 0 : present.Max();
        double width = maximum > minimum ? (maximum - minimum) / bins : 1;

        var labels = new List<string>();
        for (int bin = 0; bin < bins; bin++)
        {
            labels.Add(FormatValue(minimum + (bin * width), sdType));
        }

        if (hasNulls)
        {
            labels.Add("(null)");
        }

        return new ColumnDistribution(name, true, [.. labels], Shares(real, bins, minimum, width, hasNulls), Shares(synthetic, bins, minimum, width, hasNulls));
    }

    private static double[] Shares(double[] values, int bins, double minimum, double width, bool hasNulls)
    {
        var counts = new double[bins + (hasNulls ? 1 : 0)];
        foreach (double value in values)
        {
            if (double.IsNaN(value))
            {
                counts[bins]++;
            }
            else if (bins > 0)
            {
                // Values beyond the last edge (the maximum) belong to the last bin.
                counts[Math.Clamp((int)((value - minimum) / width), 0, bins - 1)]++;
            }
        }

        return Normalize(counts, values.Length);
    }

    private static ColumnDistribution Categories(string name, string?[] real, string?[] synthetic)
    {
        List<string> top = real.Where(label => label is not null)
            .GroupBy(label => label!, StringComparer.Ordinal)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .Take(MaxCategories)
            .Select(group => group.Key)
            .ToList();
        var index = top.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        bool hasOther = real.Concat(synthetic).Any(label => label is not null && !index.ContainsKey(label));
        bool hasNulls = real.Concat(synthetic).Any(label => label is null);
        int otherSlot = top.Count;
        int nullSlot = top.Count + (hasOther ? 1 : 0);
        int slots = nullSlot + (hasNulls ? 1 : 0);

        double[] Count(string?[] labels)
        {
            var counts = new double[slots];
            foreach (string? label in labels)
            {
                int slot = label is null ? nullSlot : index.TryGetValue(label, out int i) ? i : otherSlot;
                counts[slot]++;
            }

            return Normalize(counts, labels.Length);
        }

        List<string> labels = [.. top];
        if (hasOther)
        {
            labels.Add("(other)");
        }

        if (hasNulls)
        {
            labels.Add("(null)");
        }

        return new ColumnDistribution(name, false, [.. labels], Count(real), Count(synthetic));
    }

    private static double[] Normalize(double[] counts, int total)
    {
        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = total == 0 ? 0 : counts[i] / total;
        }

        return counts;
    }

    internal static string FormatValue(double value, SdType sdType)
    {
        if (sdType == SdType.Datetime)
        {
            DateTime date = DateTime.UnixEpoch.AddTicks((long)(value / 100));
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return value.ToString("G4", CultureInfo.InvariantCulture);
    }
}
