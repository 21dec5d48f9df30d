using System.Numerics;

namespace SyntheticData.Neural;

/// <summary>The rectified linear unit, <c>max(x, 0)</c>, as a layer.</summary>
public sealed class Relu<T> : Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override Tensor<T> Forward(Tape<T> tape, Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(tape);
        return tape.Relu(input);
    }
}
