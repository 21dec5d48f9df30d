using System.Numerics;

namespace SyntheticData.Neural;

/// <summary>
/// A seeded pseudo-random stream (xoshiro256**, seeded through SplitMix64) for initialisation,
/// noise, Gumbel samples and dropout masks. The same seed gives the same 64-bit sequence on every
/// platform and .NET version, because the generator is implemented here. Normal and Gumbel
/// samples also depend on Math.Log and Math.SinCos, which may differ in the last bit between platforms.
/// </summary>
public sealed class RandomStream
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;
    private double spareNormal;
    private bool hasSpareNormal;

    /// <summary>Creates a stream from a 64-bit seed.</summary>
    public RandomStream(ulong seed)
    {
        Seed = seed;
        ulong state = seed;
        s0 = SplitMix(ref state);
        s1 = SplitMix(ref state);
        s2 = SplitMix(ref state);
        s3 = SplitMix(ref state);
    }

    /// <summary>The seed the stream was created with.</summary>
    public ulong Seed { get; }

    /// <summary>Returns the next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Returns a uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Returns a uniform integer in [0, <paramref name="maxExclusive"/>) without modulo bias.</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        ulong bound = (ulong)maxExclusive;
        ulong threshold = (0UL - bound) % bound;
        while (true)
        {
            ulong value = NextUInt64();
            if (value >= threshold)
            {
                return (int)(value % bound);
            }
        }
    }

    /// <summary>Returns a standard normal sample (Box-Muller transform; each pair of uniforms gives two samples).</summary>
    public double NextNormal()
    {
        if (hasSpareNormal)
        {
            hasSpareNormal = false;
            return spareNormal;
        }

        // 1 - U lies in (0, 1], so the logarithm is finite.
        double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - NextDouble()));
        (double sine, double cosine) = Math.SinCos(2.0 * Math.PI * NextDouble());
        spareNormal = radius * sine;
        hasSpareNormal = true;
        return radius * cosine;
    }

    /// <summary>Returns a new stream seeded from this one, for an independent sub-stream.</summary>
    public RandomStream Fork() => new(NextUInt64());

    /// <summary>Fills <paramref name="values"/> with uniform samples in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public void FillUniform<T>(Span<T> values, double low, double high)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double width = high - low;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.CreateChecked(low + (width * NextDouble()));
        }
    }

    /// <summary>Fills <paramref name="values"/> with normal samples of the given mean and standard deviation.</summary>
    public void FillNormal<T>(Span<T> values, double mean = 0, double standardDeviation = 1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.CreateChecked(mean + (standardDeviation * NextNormal()));
        }
    }

    /// <summary>Fills <paramref name="values"/> with standard Gumbel samples, <c>-log(E)</c> for E ~ Exp(1).</summary>
    public void FillGumbel<T>(Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            // E = -log(1 - U) with 1 - U in (0, 1]; E = 0 is excluded so the result stays finite.
            double exponential;
            do
            {
                exponential = -Math.Log(1.0 - NextDouble());
            }
            while (exponential <= 0);

            values[i] = T.CreateChecked(-Math.Log(exponential));
        }
    }

    /// <summary>
    /// Fills <paramref name="mask"/> with 0 (probability <paramref name="dropProbability"/>) or
    /// <c>1 / (1 - dropProbability)</c>, the inverted-dropout scaling PyTorch uses.
    /// </summary>
    public void FillDropoutMask<T>(Span<T> mask, double dropProbability)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T keepScale = T.CreateChecked(1.0 / (1.0 - dropProbability));
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = NextDouble() < dropProbability ? T.Zero : keepScale;
        }
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        ulong z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
