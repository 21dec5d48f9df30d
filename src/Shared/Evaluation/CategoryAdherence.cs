namespace SyntheticData.Evaluation;

/// <summary>
/// CategoryAdherence: the share of all synthetic rows of a categorical or boolean column whose value occurs in the
/// real column (SDMetrics 0.29 definition). A synthetic null matches exactly when the real column has a null.
/// </summary>
public static class CategoryAdherence
{
    /// <summary>Computes the score; NaN when the synthetic column has no rows.</summary>
    public static double Compute(IReadOnlyList<string?> real, IReadOnlyList<string?> synthetic)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        var realCategories = new HashSet<string>(StringComparer.Ordinal);
        bool realHasNull = false;
        foreach (string? value in real)
        {
            if (value is null)
            {
                realHasNull = true;
            }
            else
            {
                realCategories.Add(value);
            }
        }

        if (synthetic.Count == 0)
        {
            return double.NaN;
        }

        int matches = 0;
        foreach (string? value in synthetic)
        {
            if (value is null ? realHasNull : realCategories.Contains(value))
            {
                matches++;
            }
        }

        return (double)matches / synthetic.Count;
    }

    /// <summary>Computes the score of two discrete columns.</summary>
    public static double Compute(MetricColumn real, MetricColumn synthetic)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        return Compute(TVComplement.RequireLabels(real), TVComplement.RequireLabels(synthetic));
    }
}
