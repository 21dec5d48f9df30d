namespace SyntheticData.Privacy.Risk;

/// <summary>
/// Distinct l-diversity of one sensitive attribute: the fewest distinct values in any class (capped at
/// <see cref="EquivalenceClassCounter.DiversityCap"/>) and how many classes have a single value, which
/// discloses that value for everyone in the class.
/// </summary>
public sealed record DiversityFigure(string Attribute, int SmallestL, long HomogeneousClasses);
