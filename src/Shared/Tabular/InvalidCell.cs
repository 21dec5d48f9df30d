namespace SyntheticData.Tabular;

/// <summary>
/// A present value that does not parse as its column's type, so the table stores it as missing. The record
/// names the place and the reason, never the value.
/// </summary>
/// <param name="LineNumber">The 1-based line (CSV, JSON Lines) or row (Parquet) on which the record starts.</param>
/// <param name="RowIndex">The 0-based row in the table.</param>
/// <param name="ColumnName">The header name.</param>
/// <param name="Reason">What did not fit, for example the expected formats.</param>
public sealed record InvalidCell(long LineNumber, int RowIndex, string ColumnName, string Reason);
