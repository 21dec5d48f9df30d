namespace SyntheticData.Evaluation;

/// <summary>
/// BoundaryAdherence: the share of synthetic values of a numerical or datetime column that lie inside the real
/// [min, max], bounds included (SDMetrics 0.29 definition).
/// </summary>
public static class BoundaryAdherence
{
    /// <summary>
    /// Computes the score. When the real column has a null, nulls are dropped on both sides. Otherwise synthetic
    /// nulls stay in the denominator and count as out of bounds. Returns NaN when no value remains on either side.
    /// </summary>
    public static double Compute(IReadOnlyList<double> real, IReadOnlyList<double> synthetic)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        bool realHasNull = false;
        double minimum = double.PositiveInfinity;
        double maximum = double.NegativeInfinity;
        int realPresent = 0;
        foreach (double value in real)
        {
            if (double.IsNaN(value))
            {
                realHasNull = true;
                continue;
            }

            minimum = Math.Min(minimum, value);
            maximum = Math.Max(maximum, value);
            realPresent++;
        }

        int inside = 0;
        int counted = 0;
        foreach (double value in synthetic)
        {
            if (double.IsNaN(value) && realHasNull)
            {
                continue;
            }

            counted++;
            if (value >= minimum && value <= maximum)
            {
                inside++;
            }
        }

        return realPresent == 0 || counted == 0 ? double.NaN : (double)inside / counted;
    }

    /// <summary>Computes the score of two continuous columns.</summary>
    public static double Compute(MetricColumn real, MetricColumn synthetic)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        return Compute(KSComplement.RequireNumbers(real), KSComplement.RequireNumbers(synthetic));
    }
}
