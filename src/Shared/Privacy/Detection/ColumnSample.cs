namespace SyntheticData.Privacy.Detection;

/// <summary>
/// A column's header and a sample of its cells as read from the file, null where a cell is missing.
/// Classification works on the text as written, so leading zeros and formatting survive.
/// </summary>
/// <param name="Header">The header name, BOM removed.</param>
/// <param name="Values">The sampled cells in row order; every column of one table has the same rows.</param>
public sealed record ColumnSample(string Header, IReadOnlyList<string?> Values);
