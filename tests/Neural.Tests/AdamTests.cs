using SyntheticData.Neural;

namespace SyntheticData.Neural.Tests;

/// <summary>Adam's update against closed forms that hold for PyTorch's torch.optim.Adam.</summary>
public sealed class AdamTests
{
    [Fact]
    public void Step_WithConstantGradientMovesByLearningRate()
    {
        Tensor<double> parameter = Parameter(1.0);
        var adam = new Adam<double>([parameter], new AdamOptions { LearningRate = 2e-4, Beta1 = 0.5, Beta2 = 0.9 });

        for (int step = 0; step < 3; step++)
        {
            parameter.Grad!.Span[0] = 0.5;
            adam.Step();
        }

        // With a constant gradient g the bias-corrected moments are g and g^2, so every step moves
        // the parameter by lr * |g| / (|g| + eps).
        Assert.Equal(1.0 - (3 * 2e-4 * 0.5 / (0.5 + 1e-8)), parameter[0, 0], 15);
        Assert.Equal(3, adam.StepCount);
    }

    [Fact]
    public void WeightDecay_IsAddedToGradient()
    {
        Tensor<double> parameter = Parameter(1.0);
        var adam = new Adam<double>([parameter], new AdamOptions { LearningRate = 2e-4, Beta1 = 0.5, Beta2 = 0.9, WeightDecay = 0.1 });
        parameter.Grad!.Span[0] = 0;

        adam.Step();

        // L2 decay in the gradient (PyTorch's Adam) makes the effective gradient 0.1, so the first
        // step moves by about lr; decoupled decay (AdamW) would move by lr * decay = 2e-5 instead.
        Assert.Equal(1.0 - (2e-4 * 0.1 / (0.1 + 1e-8)), parameter[0, 0], 15);
    }

    [Fact]
    public void Step_SkipsParametersWithoutGradient()
    {
        var parameter = new Tensor<double>(1, 1);
        parameter.Span[0] = 3;
        var adam = new Adam<double>([parameter]);

        adam.Step();

        Assert.Equal(3, parameter[0, 0]);
    }

    [Fact]
    public void ZeroGrad_ClearsGradients()
    {
        Tensor<double> parameter = Parameter(1.0);
        parameter.Grad!.Span[0] = 4;

        new Adam<double>([parameter]).ZeroGrad();

        Assert.Equal(0, parameter.Grad![0, 0]);
    }

    [Fact]
    public void Options_ReportEveryInvalidField()
    {
        var options = new AdamOptions { LearningRate = -1, Beta1 = 1, Beta2 = -0.1, Epsilon = 0, WeightDecay = double.NaN };

        var exception = Assert.Throws<ArgumentException>(() => new Adam<float>([], options));

        foreach (string field in new[] { "LearningRate", "Beta1", "Beta2", "Epsilon", "WeightDecay" })
        {
            Assert.Contains(field, exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Training_FitsLinearRegression()
    {
        var random = new RandomStream(4);
        var layer = new Linear<float>(2, 1, random);
        var adam = new Adam<float>(layer.Parameters(), new AdamOptions { LearningRate = 0.05 });
        var tape = new Tape<float>();
        float[] inputs = new float[64 * 2];
        float[] targets = new float[64];
        random.FillUniform<float>(inputs, -1, 1);
        for (int i = 0; i < 64; i++)
        {
            targets[i] = (2 * inputs[2 * i]) - (3 * inputs[(2 * i) + 1]) + 0.5f;
        }

        float loss = float.NaN;
        for (int step = 0; step < 500; step++)
        {
            tape.Reset();
            Tensor<float> prediction = layer.Forward(tape, tape.Constant(64, 2, inputs));
            Tensor<float> error = tape.Mean(tape.Square(tape.Subtract(prediction, tape.Constant(64, 1, targets))));
            adam.ZeroGrad();
            tape.Backward(error);
            adam.Step();
            loss = error.Span[0];
        }

        Assert.True(loss < 1e-4, $"Loss after 500 steps is {loss}.");
        Assert.Equal(2, layer.Weight[0, 0], 1);
        Assert.Equal(-3, layer.Weight[0, 1], 1);
        Assert.Equal(0.5, layer.Bias![0, 0], 1);
    }

    private static Tensor<double> Parameter(double value)
    {
        var parameter = new Tensor<double>(1, 1) { RequiresGrad = true };
        parameter.Span[0] = value;
        var tape = new Tape<double>();

        // One backward pass creates the gradient tensor, as in real use.
        tape.Backward(tape.Sum(tape.Multiply(parameter, tape.Scalar(0))));
        return parameter;
    }
}
