using System.Numerics;

namespace SyntheticData.Neural;

/// <summary>
/// Inverted dropout. In training mode each element is zeroed with probability p and the rest are
/// scaled by 1 / (1 - p). In evaluation mode the input passes through unchanged.
/// </summary>
public sealed class Dropout<T> : Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly RandomStream random;

    /// <summary>Creates a dropout layer with drop probability <paramref name="probability"/> and masks drawn from <paramref name="random"/>.</summary>
    public Dropout(double probability, RandomStream random)
    {
        if (probability is < 0 or >= 1 || double.IsNaN(probability))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The dropout probability must be in [0, 1).");
        }

        ArgumentNullException.ThrowIfNull(random);
        Probability = probability;
        this.random = random;
    }

    /// <summary>The probability of zeroing an element.</summary>
    public double Probability { get; }

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tape<T> tape, Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(tape);
        return IsTraining && Probability > 0 ? tape.Dropout(input, Probability, random) : input;
    }
}
