using System.Numerics;

namespace SyntheticData.Neural;

/// <summary>The leaky rectified linear unit, <c>x</c> where positive and <c>slope * x</c> elsewhere, as a layer.</summary>
public sealed class LeakyRelu<T> : Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the layer with a negative-side slope (PyTorch's default is 0.01; CTGAN's critic uses 0.2).</summary>
    public LeakyRelu(double slope = 0.01)
    {
        if (double.IsNaN(slope) || double.IsInfinity(slope))
        {
            throw new ArgumentOutOfRangeException(nameof(slope), slope, "The slope must be a finite number.");
        }

        Slope = slope;
    }

    /// <summary>The slope for negative inputs.</summary>
    public double Slope { get; }

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tape<T> tape, Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(tape);
        return tape.LeakyRelu(input, T.CreateChecked(Slope));
    }
}
