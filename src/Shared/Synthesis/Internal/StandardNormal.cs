using MathNet.Numerics;

namespace SyntheticData.Synthesis.Internal;

/// <summary>
/// The standard normal distribution's CDF, inverse CDF and a seeded sampler.
/// </summary>
internal static class StandardNormal
{
    /// <summary>Returns P(Z ≤ z) for a standard normal Z.</summary>
    public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2.0));

    /// <summary>Returns the z with P(Z ≤ z) = p; p must lie in (0, 1).</summary>
    public static double InverseCdf(double p) => -Math.Sqrt(2.0) * SpecialFunctions.ErfcInv(2.0 * p);

    /// <summary>Fills <paramref name="destination"/> with independent standard normal draws (Box-Muller).</summary>
    public static void Fill(Random random, Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i += 2)
        {
            // 1 - NextDouble() lies in (0, 1], so the logarithm is finite.
            double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            double angle = 2.0 * Math.PI * random.NextDouble();
            destination[i] = radius * Math.Cos(angle);
            if (i + 1 < destination.Length)
            {
                destination[i + 1] = radius * Math.Sin(angle);
            }
        }
    }
}
