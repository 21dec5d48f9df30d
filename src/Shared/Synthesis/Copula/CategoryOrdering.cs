namespace SyntheticData.Synthesis.Copula;

/// <summary>
/// How a Gaussian copula orders the intervals of a categorical column's categories inside (0, 1).
/// </summary>
public enum CategoryOrdering
{
    /// <summary>Most frequent category first, as in the classic Gaussian copula synthesizer.</summary>
    Frequency,

    /// <summary>
    /// By the mean normal score, within each category, of the column it is most associated with (largest
    /// correlation ratio), so that the strongest dependence is monotone and a correlation can express it.
    /// </summary>
    Association,
}
