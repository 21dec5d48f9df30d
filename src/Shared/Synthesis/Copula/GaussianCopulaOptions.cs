namespace SyntheticData.Synthesis.Copula;

/// <summary>
/// Settings of the Gaussian copula synthesizer. Each property is checked when it is set.
/// </summary>
public sealed record GaussianCopulaOptions
{
    private readonly IReadOnlyList<MarginalFamily> _families = Enum.GetValues<MarginalFamily>();
    private readonly int _maxDiscreteValues = 20;
    private readonly double _minPointMassShare = 0.05;
    private readonly int _minPointMassCount = 10;
    private readonly int _maxGoodnessOfFitSample = 5000;

    /// <summary>The candidate families for continuous marginals; the one with the smallest KS statistic wins. The default is all six.</summary>
    public IReadOnlyList<MarginalFamily> Families
    {
        get => _families;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Count == 0 || value.Any(family => !Enum.IsDefined(family)))
            {
                throw new ArgumentException("Families must list at least one defined marginal family.", nameof(Families));
            }

            _families = value.Distinct().ToArray();
        }
    }

    /// <summary>
    /// An integer column with at most this many distinct values is modelled as discrete, so only observed
    /// values come back. The default is 20.
    /// </summary>
    public int MaxDiscreteValues
    {
        get => _maxDiscreteValues;
        init => _maxDiscreteValues = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDiscreteValues), value, "Must not be negative.");
    }

    /// <summary>
    /// A value taking at least this share of a numeric column's present rows (and <see cref="MinPointMassCount"/>
    /// rows) is a point mass, such as the zeros of a mostly-zero amount. The default is 0.05.
    /// </summary>
    public double MinPointMassShare
    {
        get => _minPointMassShare;
        init => _minPointMassShare = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MinPointMassShare), value, "Must be in (0, 1].");
    }

    /// <summary>The minimum number of rows for a point mass. The default is 10.</summary>
    public int MinPointMassCount
    {
        get => _minPointMassCount;
        init => _minPointMassCount = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MinPointMassCount), value, "Must be at least 1.");
    }

    /// <summary>The number of values, evenly spread over the sorted column, on which the KS statistic is computed. The default is 5,000.</summary>
    public int MaxGoodnessOfFitSample
    {
        get => _maxGoodnessOfFitSample;
        init => _maxGoodnessOfFitSample = value >= 10 ? value : throw new ArgumentOutOfRangeException(nameof(MaxGoodnessOfFitSample), value, "Must be at least 10.");
    }

    /// <summary>How categories are ordered inside (0, 1). The default is <see cref="CategoryOrdering.Association"/>.</summary>
    public CategoryOrdering CategoryOrdering { get; init; } = CategoryOrdering.Association;
}
