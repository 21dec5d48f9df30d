namespace SyntheticData.Tabular;

/// <summary>
/// A caller's statement of a column's type, which schema detection then takes as given. For
/// <see cref="ColumnType.DateTime"/>, <paramref name="DateTimeFormats"/> lists the accepted .NET formats in
/// order of preference (see <see cref="DateTimeFormats.FromStrftime"/> for <c>%Y%m%d</c>-style formats), and the
/// first one is used for writing.
/// </summary>
public sealed record ColumnDeclaration(ColumnType Type, IReadOnlyList<string>? DateTimeFormats = null);
