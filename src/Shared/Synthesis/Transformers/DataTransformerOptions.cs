namespace SyntheticData.Synthesis.Transformers;

/// <summary>
/// Settings of the data transformer. The defaults are those of the reference CTGAN (Python package
/// <c>ctgan</c> 0.7 to 0.10) where it has one.
/// </summary>
public sealed record DataTransformerOptions
{
    /// <summary>The maximum number of mixture components per continuous column (fewer when there are fewer rows).</summary>
    public int MaxComponents { get; init; } = 10;

    /// <summary>The Dirichlet-process weight concentration prior of each mixture.</summary>
    public double WeightConcentrationPrior { get; init; } = 0.001;

    /// <summary>The maximum number of variational iterations per mixture.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>The change in the lower bound below which a mixture fit stops.</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>Mixture components with a weight at or below this are dropped.</summary>
    public double WeightThreshold { get; init; } = 0.005;

    /// <summary>An integer column with at most this many distinct values is modelled as discrete.</summary>
    public int DiscreteIntegerMaxDistinct { get; init; } = 2;

    /// <summary>Throws <see cref="ArgumentException"/> listing every invalid setting.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (MaxComponents < 1)
        {
            errors.Add($"MaxComponents must be at least 1, got {MaxComponents}.");
        }

        if (!(WeightConcentrationPrior > 0))
        {
            errors.Add($"WeightConcentrationPrior must be positive, got {WeightConcentrationPrior}.");
        }

        if (MaxIterations < 1)
        {
            errors.Add($"MaxIterations must be at least 1, got {MaxIterations}.");
        }

        if (!(Tolerance > 0))
        {
            errors.Add($"Tolerance must be positive, got {Tolerance}.");
        }

        if (!(WeightThreshold >= 0 && WeightThreshold < 1))
        {
            errors.Add($"WeightThreshold must be in [0, 1), got {WeightThreshold}.");
        }

        if (DiscreteIntegerMaxDistinct < 0)
        {
            errors.Add($"DiscreteIntegerMaxDistinct must not be negative, got {DiscreteIntegerMaxDistinct}.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid data transformer options: " + string.Join(" ", errors));
        }
    }
}
