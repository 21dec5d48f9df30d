namespace SyntheticData.Evaluation;

/// <summary>
/// TVComplement: 1 minus the total variation distance between the real and synthetic category shares of a
/// categorical or boolean column, with nulls dropped (SDMetrics 0.29 definition).
/// </summary>
public static class TVComplement
{
    /// <summary>The count that SDMetrics adds to the real side for each category seen only in synthetic data.</summary>
    public const double UnseenCategoryPseudoCount = 1e-6;

    /// <summary>Computes the score.</summary>
    /// <exception cref="IncomputableMetricException">Either side has no non-null value.</exception>
    public static double Compute(IReadOnlyList<string?> real, IReadOnlyList<string?> synthetic)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        Dictionary<string, int> realCounts = CountNonNull(real, out int realTotal);
        Dictionary<string, int> syntheticCounts = CountNonNull(synthetic, out int syntheticTotal);
        if (realTotal == 0 || syntheticTotal == 0)
        {
            throw new IncomputableMetricException("The TVComplement metric must have 1 or more non-null values.");
        }

        // SDMetrics inflates the real total by the pseudo-count of every category that only synthetic data has, so
        // the real shares shrink slightly. Scores move by about 1e-7, which matters at a 1e-9 tolerance.
        int unseenCount = syntheticCounts.Keys.Count(category => !realCounts.ContainsKey(category));
        double realInflatedTotal = realTotal + (unseenCount * UnseenCategoryPseudoCount);

        double totalVariation = 0;
        foreach ((string category, int count) in realCounts)
        {
            syntheticCounts.TryGetValue(category, out int syntheticCount);
            totalVariation += Math.Abs(((double)syntheticCount / syntheticTotal) - (count / realInflatedTotal));
        }

        foreach ((string category, int syntheticCount) in syntheticCounts)
        {
            if (!realCounts.ContainsKey(category))
            {
                totalVariation += Math.Abs(((double)syntheticCount / syntheticTotal) - (UnseenCategoryPseudoCount / realInflatedTotal));
            }
        }

        return 1.0 - (totalVariation / 2.0);
    }

    /// <summary>Computes the score of two discrete columns.</summary>
    public static double Compute(MetricColumn real, MetricColumn synthetic)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        return Compute(RequireLabels(real), RequireLabels(synthetic));
    }

    internal static string?[] RequireLabels(MetricColumn column) =>
        column.Labels ?? throw new ArgumentException($"Column '{column.Name}' is {column.SdType}, but the metric needs a categorical or boolean column.", nameof(column));

    private static Dictionary<string, int> CountNonNull(IReadOnlyList<string?> values, out int total)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        total = 0;
        foreach (string? value in values)
        {
            if (value is null)
            {
                continue;
            }

            counts[value] = counts.GetValueOrDefault(value) + 1;
            total++;
        }

        return counts;
    }
}
