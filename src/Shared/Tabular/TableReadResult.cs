namespace SyntheticData.Tabular;

/// <summary>The outcome of <see cref="TableReader.Read(string, TableReadOptions?)"/>: the typed table, the schema it was built with, and the cells that did not parse.</summary>
/// <param name="Table">The typed columns.</param>
/// <param name="Schema">The detected or declared type of each column.</param>
/// <param name="InvalidCells">Present values that did not parse as their column's type and are missing in <paramref name="Table"/>.</param>
public sealed record TableReadResult(Table Table, DetectedSchema Schema, IReadOnlyList<InvalidCell> InvalidCells);
