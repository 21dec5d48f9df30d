namespace SyntheticData.Privacy.Operators;

/// <summary>The distribution of additive noise.</summary>
public enum NoiseDistribution
{
    /// <summary>Laplace with scale b: density exp(-|x| / b) / (2b), standard deviation b * sqrt(2).</summary>
    Laplace,

    /// <summary>Normal with standard deviation equal to the scale.</summary>
    Gaussian,
}
