namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>A header's suggestion of a kind: the phrase that matched and how many header tokens it covered.</summary>
internal readonly record struct HeaderHint(PiiKind Kind, string Phrase, int TokenCount);
