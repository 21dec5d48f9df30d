namespace SyntheticData.Synthesis.Copula;

/// <summary>
/// The distribution families a Gaussian copula can fit to the continuous part of a numeric column.
/// </summary>
public enum MarginalFamily
{
    /// <summary>Normal with the sample mean and standard deviation.</summary>
    Normal,

    /// <summary>Normal truncated to the observed minimum and maximum.</summary>
    TruncatedNormal,

    /// <summary>Beta scaled to the observed minimum and maximum, fitted by the method of moments.</summary>
    Beta,

    /// <summary>Gamma shifted to start at the observed minimum, fitted by the method of moments.</summary>
    Gamma,

    /// <summary>Uniform between the observed minimum and maximum.</summary>
    Uniform,

    /// <summary>Gaussian kernel density estimate over a binned copy of the values, Silverman bandwidth.</summary>
    GaussianKde,
}
