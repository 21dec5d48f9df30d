namespace SyntheticData.Privacy.Risk;

/// <summary>One bucket of the class-size histogram: the size range and how many classes fall in it.</summary>
public sealed record HistogramBucket(string Sizes, long Classes);
