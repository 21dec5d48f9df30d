namespace SyntheticData.Neural;

/// <summary>
/// Settings of the <see cref="Adam{T}"/> optimiser; the defaults are PyTorch's (learning rate 1e-3,
/// betas 0.9 and 0.999, epsilon 1e-8, no weight decay). CTGAN uses 2e-4, (0.5, 0.9) and 1e-6.
/// </summary>
public sealed record AdamOptions
{
    /// <summary>Step size.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Decay rate of the first-moment (mean) estimate.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Decay rate of the second-moment (uncentred variance) estimate.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Added to the denominator for numerical stability.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>L2 penalty added to the gradient as <c>decay * parameter</c> (PyTorch's Adam, not AdamW).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> listing every invalid setting at once.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
        {
            problems.Add($"LearningRate must be a positive finite number (got {LearningRate})");
        }

        if (!(Beta1 is >= 0 and < 1))
        {
            problems.Add($"Beta1 must be in [0, 1) (got {Beta1})");
        }

        if (!(Beta2 is >= 0 and < 1))
        {
            problems.Add($"Beta2 must be in [0, 1) (got {Beta2})");
        }

        if (!(Epsilon > 0) || double.IsInfinity(Epsilon))
        {
            problems.Add($"Epsilon must be a positive finite number (got {Epsilon})");
        }

        if (!(WeightDecay >= 0) || double.IsInfinity(WeightDecay))
        {
            problems.Add($"WeightDecay must be zero or a positive finite number (got {WeightDecay})");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid Adam options: " + string.Join("; ", problems) + ".");
        }
    }
}
