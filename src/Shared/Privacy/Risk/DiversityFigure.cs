namespace SyntheticData.Privacy.Risk;

/// <summary>
/// Distinct l-diversity of one sensitive attribute: the fewest distinct values in any class (capped at
/// <see cref="EquivalenceClassCounter.DiversityCap"/>) and how many classes have a single value, which
/// discloses that value for everyone in the class. Missing values (null or blank) are not counted, and a class
/// with no known value is left out of both figures. The smallest l is 0 when no class has a known value.
/// </summary>
public sealed record DiversityFigure(string Attribute, int SmallestL, long HomogeneousClasses);
