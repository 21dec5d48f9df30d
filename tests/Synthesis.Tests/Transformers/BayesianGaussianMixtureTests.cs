using SyntheticData.Synthesis.Transformers;

namespace SyntheticData.Synthesis.Tests.Transformers;

public class BayesianGaussianMixtureTests
{
    [Fact]
    public void Fit_RecoversTwoSeparatedComponents()
    {
        double[] values = MixtureSample([(0.0, 1.0, 3000), (20.0, 2.0, 1000)], seed: 1);

        BayesianGaussianMixture mixture = Fit(values);

        // A true component may be covered by more than one fitted component, so weights and means are
        // compared per true component, pooling the fitted components nearest to it.
        (double weight, double mean)[] pooled = Pool(mixture, [0.0, 20.0]);
        Assert.InRange(pooled[0].weight, 0.72, 0.78);
        Assert.InRange(pooled[1].weight, 0.22, 0.28);
        Assert.InRange(pooled[0].mean, -0.15, 0.15);
        Assert.InRange(pooled[1].mean, 19.7, 20.3);
        Assert.True(Kept(mixture).Length < 10, "Negligible components must be pruned by the Dirichlet-process prior.");
    }

    [Fact]
    public void Fit_RecoversThreeComponents()
    {
        double[] values = MixtureSample([(-50.0, 3.0, 1000), (0.0, 1.0, 1000), (40.0, 5.0, 2000)], seed: 2);

        BayesianGaussianMixture mixture = Fit(values);

        (double weight, double mean)[] pooled = Pool(mixture, [-50.0, 0.0, 40.0]);
        Assert.InRange(pooled[0].weight, 0.22, 0.28);
        Assert.InRange(pooled[1].weight, 0.22, 0.28);
        Assert.InRange(pooled[2].weight, 0.47, 0.53);
        Assert.InRange(pooled[0].mean, -50.5, -49.5);
        Assert.InRange(pooled[1].mean, -0.2, 0.2);
        Assert.InRange(pooled[2].mean, 39.5, 40.5);
    }

    [Fact]
    public void Fit_OneGaussianWeightsSumToOne()
    {
        double[] values = MixtureSample([(100.0, 10.0, 2000)], seed: 3);

        BayesianGaussianMixture mixture = Fit(values);

        (double weight, double mean)[] pooled = Pool(mixture, [100.0]);
        Assert.InRange(mixture.Weights.Sum(), 0.999999, 1.000001);
        Assert.InRange(pooled[0].mean, 99.0, 101.0);
    }

    [Fact]
    public void Fit_FewerRowsThanComponents()
    {
        BayesianGaussianMixture mixture = Fit([3.0, 7.0, 7.5]);

        Assert.Equal(3, mixture.ComponentCount);
        Assert.All(mixture.Variances, v => Assert.True(v > 0 && double.IsFinite(v)));
        Span<double> probabilities = stackalloc double[3];
        mixture.PredictProbabilities(7.0, probabilities);
        Assert.InRange(probabilities[0] + probabilities[1] + probabilities[2], 0.999999, 1.000001);
    }

    [Fact]
    public void Fit_SingleRowAndConstantColumn()
    {
        BayesianGaussianMixture single = Fit([42.0]);
        BayesianGaussianMixture constant = Fit(Enumerable.Repeat(5.0, 50).ToArray());

        Assert.Equal(1, single.ComponentCount);
        Assert.Equal(42.0, single.Means[0], 6);
        Assert.All(constant.Means, m => Assert.True(double.IsFinite(m)));
    }

    [Fact]
    public void Fit_SameSeedSameMixture()
    {
        double[] values = MixtureSample([(0.0, 1.0, 500), (5.0, 1.0, 500)], seed: 4);

        BayesianGaussianMixture first = Fit(values);
        BayesianGaussianMixture second = Fit(values);

        Assert.Equal(first.Means, second.Means);
        Assert.Equal(first.Weights, second.Weights);
    }

    [Fact]
    public void Fit_RejectsNaN()
    {
        Assert.Throws<ArgumentException>(() => Fit([1.0, double.NaN]));
    }

    private static BayesianGaussianMixture Fit(double[] values) =>
        BayesianGaussianMixture.Fit(values, 10, 0.001, 100, 1e-3, new Random(7));

    private static (double Weight, double Mean)[] Pool(BayesianGaussianMixture mixture, double[] trueMeans)
    {
        var pooled = new (double Weight, double Mean)[trueMeans.Length];
        foreach (int j in Kept(mixture))
        {
            int nearest = Enumerable.Range(0, trueMeans.Length).MinBy(t => Math.Abs(trueMeans[t] - mixture.Means[j]));
            pooled[nearest].Weight += mixture.Weights[j];
            pooled[nearest].Mean += mixture.Weights[j] * mixture.Means[j];
        }

        double keptTotal = pooled.Sum(p => p.Weight);
        return pooled.Select(p => (p.Weight / keptTotal, p.Mean / p.Weight)).ToArray();
    }

    private static int[] Kept(BayesianGaussianMixture mixture) =>
        Enumerable.Range(0, mixture.ComponentCount).Where(j => mixture.Weights[j] > 0.005).ToArray();

    private static double[] MixtureSample((double Mean, double Std, int Count)[] components, int seed)
    {
        var random = new Random(seed);
        var values = new List<double>();
        foreach ((double mean, double std, int count) in components)
        {
            for (int i = 0; i < count; i++)
            {
                // Box-Muller transform of two uniform draws.
                double u1 = 1.0 - random.NextDouble();
                double u2 = random.NextDouble();
                values.Add(mean + (std * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2)));
            }
        }

        return [.. values];
    }
}
