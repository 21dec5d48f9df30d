using SyntheticData.Neural;

namespace SyntheticData.Neural.Tests;

/// <summary>Layers, modes, parameter enumeration and state files.</summary>
public sealed class ModuleTests
{
    [Fact]
    public void Linear_InitialisesWithinPyTorchBounds()
    {
        var layer = new Linear<double>(256, 300, new RandomStream(3));
        double bound = 1 / Math.Sqrt(256);

        double[] weights = layer.Weight.ToArray();
        double mean = weights.Average();
        double variance = weights.Select(w => (w - mean) * (w - mean)).Average();

        Assert.All(weights, w => Assert.InRange(w, -bound, bound));
        Assert.All(layer.Bias!.ToArray(), b => Assert.InRange(b, -bound, bound));
        Assert.InRange(mean, -0.01 * bound, 0.01 * bound);

        // U(-b, b) has variance b^2 / 3; 76,800 samples put the estimate within 1%.
        Assert.InRange(variance, 0.98 * bound * bound / 3, 1.02 * bound * bound / 3);
    }

    [Fact]
    public void Linear_ComputesAffineMap()
    {
        var layer = new Linear<double>(2, 2, new RandomStream(1));
        new double[] { 1, 2, 3, 4 }.CopyTo(layer.Weight.Span);
        new double[] { 0.5, -0.5 }.CopyTo(layer.Bias!.Span);
        var tape = new Tape<double>();

        Tensor<double> output = layer.Forward(tape, tape.Constant(1, 2, [1, -1]));

        // [1, -1] * [[1, 2], [3, 4]]^T + [0.5, -0.5] = [1 - 2 + 0.5, 3 - 4 - 0.5].
        Assert.Equal([-0.5, -1.5], output.ToArray());
    }

    [Fact]
    public void Linear_RejectsWrongInputWidth()
    {
        var layer = new Linear<float>(3, 2, new RandomStream(1));
        var tape = new Tape<float>();
        Assert.Throws<ArgumentException>(() => layer.Forward(tape, tape.Zeros(4, 2)));
    }

    [Fact]
    public void BatchNorm_TrainingNormalisesEachColumn()
    {
        var norm = new BatchNorm1d<double>(2);
        var tape = new Tape<double>();

        Tensor<double> output = norm.Forward(tape, tape.Constant(4, 2, [1, 10, 2, 20, 3, 30, 4, 40]));

        for (int column = 0; column < 2; column++)
        {
            double[] values = Enumerable.Range(0, 4).Select(row => output[row, column]).ToArray();
            Assert.Equal(0, values.Average(), 12);

            // Biased variance 1 / (1 + eps / var): close to 1 but not exactly.
            Assert.Equal(1, values.Select(v => v * v).Average(), 4);
        }
    }

    [Fact]
    public void BatchNorm_UpdatesRunningStatisticsWithUnbiasedVariance()
    {
        var norm = new BatchNorm1d<double>(1);
        var tape = new Tape<double>();

        norm.Forward(tape, tape.Constant(4, 1, [1, 2, 3, 4]));

        // Mean 2.5 and unbiased variance 5/3, blended with momentum 0.1 into (0, 1).
        Assert.Equal(0.25, norm.RunningMean[0, 0], 12);
        Assert.Equal((0.9 * 1) + (0.1 * 5.0 / 3.0), norm.RunningVariance[0, 0], 12);
    }

    [Fact]
    public void BatchNorm_EvalUsesRunningStatistics()
    {
        var norm = new BatchNorm1d<double>(1);
        norm.RunningMean[0, 0] = 2;
        norm.RunningVariance[0, 0] = 4;
        norm.Weight[0, 0] = 3;
        norm.Bias[0, 0] = 1;
        norm.Eval();
        var tape = new Tape<double>();

        Tensor<double> output = norm.Forward(tape, tape.Constant(2, 1, [2, 6]));

        Assert.False(norm.IsTraining);
        Assert.Equal(1, output[0, 0], 12);
        Assert.Equal(1 + (3 * 4 / Math.Sqrt(4 + 1e-5)), output[1, 0], 12);
        Assert.Equal(2, norm.RunningMean[0, 0]);
    }

    [Fact]
    public void Dropout_ZeroesAboutHalfAndScalesTheRest()
    {
        var dropout = new Dropout<double>(0.5, new RandomStream(9));
        var tape = new Tape<double>();
        Tensor<double> ones = tape.Constant(100, 100, Enumerable.Repeat(1.0, 10_000).ToArray());

        double[] output = dropout.Forward(tape, ones).ToArray();

        Assert.All(output, value => Assert.True(value is 0 or 2, $"Unexpected value {value}."));

        // 10,000 Bernoulli(0.5) draws: standard deviation of the kept fraction is 0.005.
        Assert.InRange(output.Count(value => value == 0) / 10_000.0, 0.48, 0.52);
    }

    [Fact]
    public void Dropout_EvalPassesInputThrough()
    {
        var dropout = new Dropout<double>(0.5, new RandomStream(9));
        dropout.Eval();
        var tape = new Tape<double>();
        Tensor<double> input = tape.Constant(1, 3, [1, 2, 3]);

        Assert.Same(input, dropout.Forward(tape, input));
    }

    [Fact]
    public void Sequential_NamesStateByPosition()
    {
        var random = new RandomStream(1);
        var model = new Sequential<float>(new Linear<float>(3, 4, random), new BatchNorm1d<float>(4), new Relu<float>(), new Linear<float>(4, 1, random, bias: false));

        string[] names = model.State().Select(entry => entry.Key).ToArray();

        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "3.weight"], names);
        Assert.Equal(5, model.Parameters().Count);
        Assert.All(model.Parameters(), parameter => Assert.True(parameter.RequiresGrad));
    }

    [Fact]
    public void TrainAndEval_ReachChildren()
    {
        var norm = new BatchNorm1d<float>(2);
        var model = new Sequential<float>(new Sequential<float>(norm));

        model.Eval();
        Assert.False(norm.IsTraining);
        model.Train();
        Assert.True(norm.IsTraining);
    }

    [Fact]
    public void SaveAndLoad_RoundTripParametersAndBuffers()
    {
        Sequential<float> original = Model(seed: 1);
        original.Forward(new Tape<float>(), new Tape<float>().Constant(2, 3, [1, 2, 3, 4, 5, 6]));
        using var stream = new MemoryStream();
        original.Save(stream);
        stream.Position = 0;

        Sequential<float> restored = Model(seed: 2);
        restored.Load(stream);

        Assert.Equal(original.State().Count, restored.State().Count);
        for (int i = 0; i < original.State().Count; i++)
        {
            Assert.Equal(original.State()[i].Value.ToArray(), restored.State()[i].Value.ToArray());
        }
    }

    [Fact]
    public void Load_RejectsDifferentShapeAndLeavesModuleUnchanged()
    {
        using var stream = new MemoryStream();
        Model(seed: 1).Save(stream);
        stream.Position = 0;
        var random = new RandomStream(5);
        var other = new Sequential<float>(new Linear<float>(3, 5, random), new BatchNorm1d<float>(5));
        float[] before = other.State()[0].Value.ToArray();

        var exception = Assert.Throws<NeuralStateException>(() => other.Load(stream));

        Assert.Contains("0.weight", exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, other.State()[0].Value.ToArray());
    }

    [Fact]
    public void Load_RejectsTruncatedState()
    {
        using var stream = new MemoryStream();
        Model(seed: 1).Save(stream);
        using var truncated = new MemoryStream(stream.ToArray()[..(int)(stream.Length / 2)]);

        Assert.Throws<NeuralStateException>(() => Model(seed: 1).Load(truncated));
    }

    [Fact]
    public void Load_RejectsOtherElementType()
    {
        using var stream = new MemoryStream();
        var random = new RandomStream(1);
        new Sequential<double>(new Linear<double>(3, 4, random)).Save(stream);
        stream.Position = 0;

        Assert.Throws<NeuralStateException>(() => new Sequential<float>(new Linear<float>(3, 4, random)).Load(stream));
    }

    private static Sequential<float> Model(ulong seed)
    {
        var random = new RandomStream(seed);
        return new Sequential<float>(new Linear<float>(3, 4, random), new BatchNorm1d<float>(4));
    }
}
