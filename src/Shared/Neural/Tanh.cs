using System.Numerics;

namespace SyntheticData.Neural;

/// <summary>The hyperbolic tangent as a layer.</summary>
public sealed class Tanh<T> : Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override Tensor<T> Forward(Tape<T> tape, Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(tape);
        return tape.Tanh(input);
    }
}
