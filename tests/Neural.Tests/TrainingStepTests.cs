using SyntheticData.Neural;

namespace SyntheticData.Neural.Tests;

/// <summary>
/// Whole training steps: the WGAN gradient penalty's parameter gradients against finite
/// differences, bit-identical results across thread counts, and no allocation in steady state.
/// </summary>
public sealed class TrainingStepTests
{
    private const int Pac = 2;

    [Fact]
    public void GradientPenalty_ParameterGradientsMatchFiniteDifferences()
    {
        var random = new RandomStream(21);
        int width = 3;
        var first = new Linear<double>(Pac * width, 5, random);
        var second = new Linear<double>(5, 1, random);
        var real = new double[6 * width];
        var fake = new double[6 * width];
        random.FillUniform<double>(real, -1, 1);
        random.FillUniform<double>(fake, -1, 1);

        Tensor<double> Penalty(Tape<double> tape)
        {
            Tensor<double> interpolates = tape.Add(
                tape.Scale(tape.Constant(6, width, real), 0.3),
                tape.Scale(tape.Constant(6, width, fake), 0.7));
            Tensor<double> input = tape.Detach(interpolates);
            input.RequiresGrad = true;
            Tensor<double> packed = tape.Reshape(input, 6 / Pac, Pac * width);
            Tensor<double> hidden = tape.Dropout(tape.LeakyRelu(first.Forward(tape, packed), 0.2), 0.5, new RandomStream(8));
            Tensor<double> score = second.Forward(tape, hidden);
            Tensor<double> gradient = tape.Gradient(tape.Sum(score), input, createGraph: true);
            Tensor<double> norms = tape.Sqrt(tape.SumOverColumns(tape.Square(tape.Reshape(gradient, 6 / Pac, Pac * width))));
            return tape.Scale(tape.Mean(tape.Square(tape.AddScalar(norms, -1))), 10);
        }

        var tape = new Tape<double>();
        tape.Backward(Penalty(tape));

        foreach (Tensor<double> parameter in new[] { first.Weight, first.Bias!, second.Weight, second.Bias! })
        {
            var numeric = new double[parameter.Length];
            for (int i = 0; i < parameter.Length; i++)
            {
                double original = parameter.Span[i];
                parameter.Span[i] = original + GradientCheck.Step;
                double plus = Penalty(new Tape<double>()).Span[0];
                parameter.Span[i] = original - GradientCheck.Step;
                double minus = Penalty(new Tape<double>()).Span[0];
                parameter.Span[i] = original;
                numeric[i] = (plus - minus) / (2 * GradientCheck.Step);
            }

            double[] analytic = parameter.Grad?.ToArray() ?? new double[parameter.Length];
            GradientCheck.AssertClose(numeric, analytic, parameter.ToString());
        }

        // The weights shape the critic's input gradient; the biases only move the piecewise-constant
        // LeakyReLU pattern, so their penalty gradient is zero almost everywhere.
        Assert.Contains(first.Weight.Grad!.ToArray(), value => Math.Abs(value) > 1e-3);
        Assert.Contains(second.Weight.Grad!.ToArray(), value => Math.Abs(value) > 1e-3);
    }

    [Fact]
    public void Training_IsBitIdenticalAcrossThreadCounts()
    {
        float[] single = Train(threads: 1, steps: 3);
        float[] two = Train(threads: 2, steps: 3);
        float[] four = Train(threads: 4, steps: 3);

        Assert.Equal(single, two);
        Assert.Equal(single, four);
    }

    [Fact]
    public void Training_IsReproducibleFromSeed()
    {
        Assert.Equal(Train(threads: 2, steps: 2, seed: 9), Train(threads: 2, steps: 2, seed: 9));
        Assert.NotEqual(Train(threads: 2, steps: 2, seed: 9), Train(threads: 2, steps: 2, seed: 10));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void SteadyStateStep_AllocatesNothing(int threads)
    {
        var network = new SmallGan(threads, seed: 3);
        for (int i = 0; i < 3; i++)
        {
            network.Step();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++)
        {
            network.Step();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static float[] Train(int threads, int steps, ulong seed = 3)
    {
        var network = new SmallGan(threads, seed);
        for (int i = 0; i < steps; i++)
        {
            network.Step();
        }

        return network.Parameters();
    }

    /// <summary>A reduced CTGAN step: batch norm generator, PacGAN critic with dropout and gradient penalty.</summary>
    private sealed class SmallGan
    {
        private const int Batch = 64;
        private const int Noise = 32;
        private const int Width = 40;

        private readonly RandomStream random;
        private readonly Tape<float> tape;
        private readonly Sequential<float> generator;
        private readonly Sequential<float> critic;
        private readonly Adam<float> generatorOptimizer;
        private readonly Adam<float> criticOptimizer;
        private readonly Tensor<float> real;

        public SmallGan(int threads, ulong seed)
        {
            random = new RandomStream(seed);
            tape = new Tape<float>(new CpuBackend<float>(threads));
            generator = new Sequential<float>(
                new Linear<float>(Noise, 256, random),
                new BatchNorm1d<float>(256),
                new Relu<float>(),
                new Linear<float>(256, Width, random),
                new Tanh<float>());
            critic = new Sequential<float>(
                new Linear<float>(Pac * Width, 256, random),
                new LeakyRelu<float>(0.2),
                new Dropout<float>(0.5, random.Fork()),
                new Linear<float>(256, 1, random));
            var options = new AdamOptions { LearningRate = 2e-4, Beta1 = 0.5, Beta2 = 0.9, WeightDecay = 1e-6 };
            generatorOptimizer = new Adam<float>(generator.Parameters(), options);
            criticOptimizer = new Adam<float>(critic.Parameters(), options);
            real = new Tensor<float>(Batch, Width);
            random.FillUniform(real.Span, -1, 1);
        }

        public void Step()
        {
            tape.Reset();
            Tensor<float> fake = tape.Detach(generator.Forward(tape, NoiseBatch()));
            Tensor<float> realScore = Score(tape.Detach(real));
            Tensor<float> fakeScore = Score(fake);
            Tensor<float> alpha = tape.Zeros(Batch, 1);
            for (int group = 0; group < Batch / Pac; group++)
            {
                alpha.Span.Slice(group * Pac, Pac).Fill((float)random.NextDouble());
            }

            Tensor<float> input = tape.Detach(tape.Add(
                tape.MultiplyColumnVector(tape.Detach(real), alpha),
                tape.MultiplyColumnVector(fake, tape.AddScalar(tape.Negate(alpha), 1f))));
            input.RequiresGrad = true;
            Tensor<float> gradient = tape.Gradient(tape.Sum(Score(input)), input, createGraph: true);
            Tensor<float> norms = tape.Sqrt(tape.SumOverColumns(tape.Square(tape.Reshape(gradient, Batch / Pac, Pac * Width))));
            Tensor<float> penalty = tape.Scale(tape.Mean(tape.Square(tape.AddScalar(norms, -1f))), 10f);
            criticOptimizer.ZeroGrad();
            tape.Backward(tape.Add(tape.Subtract(tape.Mean(fakeScore), tape.Mean(realScore)), penalty));
            criticOptimizer.Step();

            tape.Reset();
            Tensor<float> generatorLoss = tape.Negate(tape.Mean(Score(generator.Forward(tape, NoiseBatch()))));
            generatorOptimizer.ZeroGrad();
            tape.Backward(generatorLoss);
            generatorOptimizer.Step();
        }

        public float[] Parameters() =>
            generator.State().Concat(critic.State()).SelectMany(entry => entry.Value.ToArray()).ToArray();

        private Tensor<float> NoiseBatch()
        {
            Tensor<float> noise = tape.Zeros(Batch, Noise);
            random.FillNormal(noise.Span);
            return noise;
        }

        private Tensor<float> Score(Tensor<float> rows) => critic.Forward(tape, tape.Reshape(rows, Batch / Pac, Pac * Width));
    }
}
