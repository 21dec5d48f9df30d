using MathNet.Numerics;
using SyntheticData.Synthesis.Transformers.Internal;

namespace SyntheticData.Synthesis.Transformers;

/// <summary>
/// A one-dimensional variational Bayesian Gaussian mixture with a Dirichlet-process (stick-breaking)
/// weight prior, fitted by coordinate ascent on the evidence lower bound.
/// </summary>
/// <remarks>
/// The priors, update equations, lower bound and convergence test follow scikit-learn 1.x
/// <c>BayesianGaussianMixture</c> with <c>covariance_type="full"</c> and
/// <c>weight_concentration_prior_type="dirichlet_process"</c>: the mean prior is the data mean, the mean
/// precision prior is 1, the degrees-of-freedom prior is 1, the covariance prior is the sample variance,
/// and 1e-6 is added to every component variance. Responsibilities start from a seeded k-means.
/// </remarks>
public sealed class BayesianGaussianMixture
{
    private const double RegCovar = 1e-6;
    private const double MeanPrecisionPrior = 1.0;
    private const double DegreesOfFreedomPrior = 1.0;
    private const double MachineEpsilon = 2.220446049250313e-16;

    private readonly double[] _concentrationA;
    private readonly double[] _concentrationB;
    private readonly double[] _meanPrecision;
    private readonly double[] _degreesOfFreedom;
    private readonly double[] _precisionCholesky;
    private readonly double[] _componentConstant;

    private BayesianGaussianMixture(
        double[] means,
        double[] variances,
        double[] concentrationA,
        double[] concentrationB,
        double[] meanPrecision,
        double[] degreesOfFreedom,
        int iterations,
        bool converged)
    {
        Means = means;
        Variances = variances;
        _concentrationA = concentrationA;
        _concentrationB = concentrationB;
        _meanPrecision = meanPrecision;
        _degreesOfFreedom = degreesOfFreedom;
        _precisionCholesky = variances.Select(v => 1.0 / Math.Sqrt(v)).ToArray();
        Weights = ExpectedWeights(concentrationA, concentrationB);
        _componentConstant = ComponentConstants(variances, meanPrecision, degreesOfFreedom, LogWeights(concentrationA, concentrationB));
        Iterations = iterations;
        Converged = converged;
    }

    /// <summary>The posterior mean of each component.</summary>
    public IReadOnlyList<double> Means { get; }

    /// <summary>The posterior variance of each component (the Wishart scale divided by its degrees of freedom).</summary>
    public IReadOnlyList<double> Variances { get; }

    /// <summary>The expected stick-breaking weight of each component; they sum to 1.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>The number of coordinate-ascent iterations that ran.</summary>
    public int Iterations { get; }

    /// <summary>True when the lower bound changed by less than the tolerance before the iteration limit.</summary>
    public bool Converged { get; }

    /// <summary>The number of components, including those with negligible weight.</summary>
    public int ComponentCount => Means.Count;

    /// <summary>
    /// Fits the mixture to <paramref name="values"/> (no NaN allowed) with at most
    /// <paramref name="maxComponents"/> components; fewer are used when there are fewer values.
    /// </summary>
    public static BayesianGaussianMixture Fit(
        ReadOnlySpan<double> values,
        int maxComponents,
        double weightConcentrationPrior,
        int maxIterations,
        double tolerance,
        Random random)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Length, nameof(values));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxComponents, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weightConcentrationPrior);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        ArgumentNullException.ThrowIfNull(random);
        foreach (double value in values)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException("Values must be finite; remove missing values before fitting.", nameof(values));
            }
        }

        int n = values.Length;
        int k = Math.Min(maxComponents, n);
        double[] x = values.ToArray();

        double meanPrior = x.Average();
        double covariancePrior = SampleVariance(x, meanPrior);

        var state = new State(k, meanPrior, covariancePrior, weightConcentrationPrior);
        int[] labels = KMeans1D.Cluster(x, k, random);
        double[] responsibility = new double[n * k];
        for (int i = 0; i < n; i++)
        {
            responsibility[(i * k) + labels[i]] = 1.0;
        }

        state.MaximizationStep(x, responsibility);

        double lowerBound = double.NegativeInfinity;
        bool converged = false;
        int iteration = 0;
        while (iteration < maxIterations)
        {
            iteration++;
            double previous = lowerBound;
            double entropyTerm = state.ExpectationStep(x, responsibility);
            state.MaximizationStep(x, responsibility);
            lowerBound = state.LowerBound(entropyTerm);
            if (Math.Abs(lowerBound - previous) < tolerance)
            {
                converged = true;
                break;
            }
        }

        return new BayesianGaussianMixture(
            state.Means,
            state.Variances,
            state.ConcentrationA,
            state.ConcentrationB,
            state.MeanPrecision,
            state.DegreesOfFreedom,
            iteration,
            converged);
    }

    /// <summary>
    /// Writes the posterior probability of each component for <paramref name="value"/> into
    /// <paramref name="probabilities"/> (length <see cref="ComponentCount"/>).
    /// </summary>
    public void PredictProbabilities(double value, Span<double> probabilities)
    {
        int k = ComponentCount;
        if (probabilities.Length != k)
        {
            throw new ArgumentException($"Expected a span of {k} probabilities, got {probabilities.Length}.", nameof(probabilities));
        }

        double max = double.NegativeInfinity;
        for (int j = 0; j < k; j++)
        {
            double y = (value - Means[j]) * _precisionCholesky[j];
            double logProbability = _componentConstant[j] - (0.5 * y * y);
            probabilities[j] = logProbability;
            max = Math.Max(max, logProbability);
        }

        double sum = 0;
        for (int j = 0; j < k; j++)
        {
            probabilities[j] = Math.Exp(probabilities[j] - max);
            sum += probabilities[j];
        }

        for (int j = 0; j < k; j++)
        {
            probabilities[j] /= sum;
        }
    }

    /// <summary>Writes the variational parameters so that <see cref="Read"/> restores an equal mixture.</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write(ComponentCount);
        for (int j = 0; j < ComponentCount; j++)
        {
            writer.Write(Means[j]);
            writer.Write(Variances[j]);
            writer.Write(_concentrationA[j]);
            writer.Write(_concentrationB[j]);
            writer.Write(_meanPrecision[j]);
            writer.Write(_degreesOfFreedom[j]);
        }

        writer.Write(Iterations);
        writer.Write(Converged);
    }

    /// <summary>Reads a mixture written by <see cref="Write"/>.</summary>
    internal static BayesianGaussianMixture Read(BinaryReader reader)
    {
        int k = reader.ReadInt32();
        if (k < 1 || k > 10_000)
        {
            throw new InvalidDataException($"Invalid mixture component count {k} in the model file.");
        }

        double[][] parameters = Enumerable.Range(0, 6).Select(_ => new double[k]).ToArray();
        for (int j = 0; j < k; j++)
        {
            for (int p = 0; p < parameters.Length; p++)
            {
                parameters[p][j] = reader.ReadDouble();
            }
        }

        int iterations = reader.ReadInt32();
        bool converged = reader.ReadBoolean();
        return new BayesianGaussianMixture(
            parameters[0], parameters[1], parameters[2], parameters[3], parameters[4], parameters[5], iterations, converged);
    }

    /// <summary>
    /// The part of each component's weighted log probability that does not depend on the value: the
    /// expected log weight, the expected log precision and the mean-precision correction.
    /// </summary>
    private static double[] ComponentConstants(double[] variances, double[] meanPrecision, double[] degreesOfFreedom, double[] logWeights)
    {
        int k = variances.Length;
        double[] constant = new double[k];
        for (int j = 0; j < k; j++)
        {
            double logLambda = Math.Log(2.0) + SpecialFunctions.DiGamma(0.5 * degreesOfFreedom[j]);
            constant[j] = (-0.5 * Math.Log(2 * Math.PI)) - (0.5 * Math.Log(variances[j]))
                - (0.5 * Math.Log(degreesOfFreedom[j]))
                + (0.5 * (logLambda - (1.0 / meanPrecision[j])))
                + logWeights[j];
        }

        return constant;
    }

    private static double SampleVariance(double[] x, double mean)
    {
        if (x.Length < 2)
        {
            return RegCovar;
        }

        double sum = 0;
        foreach (double value in x)
        {
            sum += (value - mean) * (value - mean);
        }

        // numpy.cov divides by n - 1; a constant column gets a tiny positive prior instead of zero.
        return Math.Max(sum / (x.Length - 1), RegCovar);
    }

    private static double[] LogWeights(double[] a, double[] b)
    {
        int k = a.Length;
        double[] result = new double[k];
        double cumulative = 0;
        for (int j = 0; j < k; j++)
        {
            double digammaSum = SpecialFunctions.DiGamma(a[j] + b[j]);
            result[j] = SpecialFunctions.DiGamma(a[j]) - digammaSum + cumulative;
            cumulative += SpecialFunctions.DiGamma(b[j]) - digammaSum;
        }

        return result;
    }

    private static double[] ExpectedWeights(double[] a, double[] b)
    {
        int k = a.Length;
        double[] weights = new double[k];
        double remaining = 1.0;
        double total = 0;
        for (int j = 0; j < k; j++)
        {
            double sum = a[j] + b[j];
            weights[j] = a[j] / sum * remaining;
            remaining *= b[j] / sum;
            total += weights[j];
        }

        for (int j = 0; j < k; j++)
        {
            weights[j] /= total;
        }

        return weights;
    }

    /// <summary>The variational parameters while fitting.</summary>
    private sealed class State
    {
        private readonly int _k;
        private readonly double _meanPrior;
        private readonly double _covariancePrior;
        private readonly double _weightConcentrationPrior;

        public State(int k, double meanPrior, double covariancePrior, double weightConcentrationPrior)
        {
            _k = k;
            _meanPrior = meanPrior;
            _covariancePrior = covariancePrior;
            _weightConcentrationPrior = weightConcentrationPrior;
            Means = new double[k];
            Variances = new double[k];
            ConcentrationA = new double[k];
            ConcentrationB = new double[k];
            MeanPrecision = new double[k];
            DegreesOfFreedom = new double[k];
        }

        public double[] Means { get; }

        public double[] Variances { get; }

        public double[] ConcentrationA { get; }

        public double[] ConcentrationB { get; }

        public double[] MeanPrecision { get; }

        public double[] DegreesOfFreedom { get; }

        public void MaximizationStep(double[] x, double[] responsibility)
        {
            int n = x.Length;
            int k = _k;
            double[] nk = new double[k];
            double[] xk = new double[k];
            double[] sk = new double[k];
            for (int i = 0; i < n; i++)
            {
                int row = i * k;
                for (int j = 0; j < k; j++)
                {
                    double r = responsibility[row + j];
                    nk[j] += r;
                    xk[j] += r * x[i];
                }
            }

            for (int j = 0; j < k; j++)
            {
                // scikit-learn adds 10 machine epsilons so that an empty component does not divide by zero.
                nk[j] += 10 * MachineEpsilon;
                xk[j] /= nk[j];
            }

            for (int i = 0; i < n; i++)
            {
                int row = i * k;
                for (int j = 0; j < k; j++)
                {
                    double diff = x[i] - xk[j];
                    sk[j] += responsibility[row + j] * diff * diff;
                }
            }

            double tail = 0;
            for (int j = k - 1; j >= 0; j--)
            {
                sk[j] = (sk[j] / nk[j]) + RegCovar;
                ConcentrationA[j] = 1.0 + nk[j];
                ConcentrationB[j] = _weightConcentrationPrior + tail;
                tail += nk[j];
            }

            for (int j = 0; j < k; j++)
            {
                MeanPrecision[j] = MeanPrecisionPrior + nk[j];
                Means[j] = ((MeanPrecisionPrior * _meanPrior) + (nk[j] * xk[j])) / MeanPrecision[j];
                DegreesOfFreedom[j] = DegreesOfFreedomPrior + nk[j];
                double diff = xk[j] - _meanPrior;
                double scale = _covariancePrior + (nk[j] * sk[j])
                    + (nk[j] * MeanPrecisionPrior / MeanPrecision[j] * diff * diff);
                Variances[j] = scale / DegreesOfFreedom[j];
            }
        }

        /// <summary>Updates the responsibilities; returns the sum of r log r over all values and components.</summary>
        public double ExpectationStep(double[] x, double[] responsibility)
        {
            int k = _k;
            double[] constant = ComponentConstants(
                Variances, MeanPrecision, DegreesOfFreedom, LogWeights(ConcentrationA, ConcentrationB));
            double[] precisionCholesky = new double[k];
            for (int j = 0; j < k; j++)
            {
                precisionCholesky[j] = 1.0 / Math.Sqrt(Variances[j]);
            }

            double entropy = 0;
            for (int i = 0; i < x.Length; i++)
            {
                int row = i * k;
                double max = double.NegativeInfinity;
                for (int j = 0; j < k; j++)
                {
                    double y = (x[i] - Means[j]) * precisionCholesky[j];
                    double value = constant[j] - (0.5 * y * y);
                    responsibility[row + j] = value;
                    max = Math.Max(max, value);
                }

                double sum = 0;
                for (int j = 0; j < k; j++)
                {
                    sum += Math.Exp(responsibility[row + j] - max);
                }

                double logNorm = max + Math.Log(sum);
                for (int j = 0; j < k; j++)
                {
                    double logR = responsibility[row + j] - logNorm;
                    double r = Math.Exp(logR);
                    responsibility[row + j] = r;
                    entropy += r * logR;
                }
            }

            return entropy;
        }

        /// <summary>The evidence lower bound up to a constant, as scikit-learn computes it for convergence.</summary>
        public double LowerBound(double sumRLogR)
        {
            double logWishart = 0;
            double logNormWeight = 0;
            double logMeanPrecision = 0;
            for (int j = 0; j < _k; j++)
            {
                double dof = DegreesOfFreedom[j];
                double logDetCholesky = -0.5 * Math.Log(Variances[j]) - (0.5 * Math.Log(dof));
                logWishart += -((dof * logDetCholesky) + (dof * 0.5 * Math.Log(2.0)) + SpecialFunctions.GammaLn(0.5 * dof));
                logNormWeight -= SpecialFunctions.BetaLn(ConcentrationA[j], ConcentrationB[j]);
                logMeanPrecision += Math.Log(MeanPrecision[j]);
            }

            return -sumRLogR - logWishart - logNormWeight - (0.5 * logMeanPrecision);
        }
    }
}
