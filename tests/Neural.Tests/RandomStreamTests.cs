using SyntheticData.Neural;

namespace SyntheticData.Neural.Tests;

/// <summary>Reproducibility and moments of the seeded random streams.</summary>
public sealed class RandomStreamTests
{
    private const int Samples = 200_000;

    [Fact]
    public void SameSeed_GivesSameSequence()
    {
        var first = new RandomStream(42);
        var second = new RandomStream(42);
        var other = new RandomStream(43);

        ulong[] a = Enumerable.Range(0, 100).Select(_ => first.NextUInt64()).ToArray();
        ulong[] b = Enumerable.Range(0, 100).Select(_ => second.NextUInt64()).ToArray();
        ulong[] c = Enumerable.Range(0, 100).Select(_ => other.NextUInt64()).ToArray();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Normal_HasStandardMoments()
    {
        var values = new double[Samples];
        new RandomStream(1).FillNormal<double>(values);

        double mean = values.Average();
        double variance = values.Select(v => (v - mean) * (v - mean)).Average();

        // Standard errors: 1/sqrt(n) = 0.0022 for the mean, sqrt(2/n) = 0.0032 for the variance.
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.985, 1.015);
    }

    [Fact]
    public void Gumbel_HasEulerMascheroniMean()
    {
        var values = new double[Samples];
        new RandomStream(2).FillGumbel<double>(values);

        double mean = values.Average();
        double variance = values.Select(v => (v - mean) * (v - mean)).Average();

        // Standard Gumbel: mean is the Euler-Mascheroni constant, variance pi^2 / 6.
        Assert.InRange(mean, 0.5772 - 0.015, 0.5772 + 0.015);
        Assert.InRange(variance, (Math.PI * Math.PI / 6) - 0.04, (Math.PI * Math.PI / 6) + 0.04);
        Assert.All(values, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Uniform_StaysInRange()
    {
        var values = new float[Samples];
        new RandomStream(3).FillUniform<float>(values, -2, 3);

        Assert.All(values, v => Assert.InRange(v, -2f, 3f));
        Assert.InRange(values.Average(), 0.48, 0.52);
    }

    [Fact]
    public void NextInt_CoversRangeEvenly()
    {
        var random = new RandomStream(4);
        var counts = new int[7];
        for (int i = 0; i < 70_000; i++)
        {
            counts[random.NextInt(7)]++;
        }

        // Expected 10,000 per value, standard deviation about 93.
        Assert.All(counts, count => Assert.InRange(count, 9_600, 10_400));
    }

    [Fact]
    public void Fork_GivesIndependentReproducibleStream()
    {
        RandomStream first = new RandomStream(5).Fork();
        RandomStream second = new RandomStream(5).Fork();

        Assert.Equal(first.NextUInt64(), second.NextUInt64());
        Assert.NotEqual(new RandomStream(5).NextUInt64(), new RandomStream(5).Fork().NextUInt64());
    }
}
