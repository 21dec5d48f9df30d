using System.Numerics;

namespace SyntheticData.Neural;

/// <summary>
/// A fully connected layer, <c>y = x W^T + b</c>, with W stored as outputs x inputs and PyTorch's
/// default initialisation: W from kaiming_uniform(a = sqrt(5)), which is U(-1/sqrt(in), 1/sqrt(in)),
/// and b from U(-1/sqrt(in), 1/sqrt(in)).
/// </summary>
public sealed class Linear<T> : Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates a layer from <paramref name="inputs"/> to <paramref name="outputs"/> features, initialised from <paramref name="random"/>.</summary>
    public Linear(int inputs, int outputs, RandomStream random, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        ArgumentNullException.ThrowIfNull(random);
        Inputs = inputs;
        Outputs = outputs;

        // kaiming_uniform with a = sqrt(5): gain = sqrt(2 / (1 + 5)), bound = gain * sqrt(3 / fan_in) = 1 / sqrt(fan_in).
        double bound = 1.0 / Math.Sqrt(inputs);
        Weight = RegisterParameter("weight", new Tensor<T>(outputs, inputs));
        random.FillUniform(Weight.Span, -bound, bound);
        if (bias)
        {
            Bias = RegisterParameter("bias", new Tensor<T>(1, outputs));
            random.FillUniform(Bias.Span, -bound, bound);
        }
    }

    /// <summary>Number of input features.</summary>
    public int Inputs { get; }

    /// <summary>Number of output features.</summary>
    public int Outputs { get; }

    /// <summary>The weight, outputs x inputs.</summary>
    public Tensor<T> Weight { get; }

    /// <summary>The bias, 1 x outputs, or null for a layer without one.</summary>
    public Tensor<T>? Bias { get; }

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tape<T> tape, Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Cols != Inputs)
        {
            throw new ArgumentException($"Linear layer expects {Inputs} input features, got {input.Cols}.", nameof(input));
        }

        return tape.Linear(input, Weight, Bias);
    }
}
