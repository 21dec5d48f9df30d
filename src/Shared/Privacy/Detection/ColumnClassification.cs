namespace SyntheticData.Privacy.Detection;

/// <summary>
/// What classification concluded about one column. The reason names the evidence (header hints, shares,
/// profile) and never contains a cell value.
/// </summary>
public sealed record ColumnClassification
{
    /// <summary>The column's header.</summary>
    public required string Header { get; init; }

    /// <summary>The kind found, or <see cref="PiiKind.None"/>.</summary>
    public required PiiKind Kind { get; init; }

    /// <summary>Confidence in <see cref="Kind"/> from 0 to 1; for <see cref="PiiKind.None"/>, confidence that the column contains no personal data.</summary>
    public required double Confidence { get; init; }

    /// <summary>
    /// The share (0 to 1) of non-missing sampled values that passed the kind's check: the checksum or range rules
    /// for validated kinds, the value shape for names, addresses, dates of birth and quasi-identifiers. 0 for <see cref="PiiKind.None"/>.
    /// </summary>
    public required double ValidatedShare { get; init; }

    /// <summary>The number of non-missing values sampled.</summary>
    public required int SampleCount { get; init; }

    /// <summary>A sentence for a reviewer: the evidence behind the kind, without any value.</summary>
    public required string Reason { get; init; }

    /// <summary>
    /// For a column with no kind found, the kind its header suggested although too few values fit it, such as
    /// <see cref="PiiKind.DateOfBirth"/> for a column named <c>born</c> whose dates are in a format the classifier does
    /// not read; otherwise null. Set only when the values are mostly distinct, as values that identify people are.
    /// </summary>
    public PiiKind? UnconfirmedHint { get; init; }

    /// <summary>True when the cells are free text that must be scanned cell by cell with <see cref="TextScanner"/>.</summary>
    public bool IsFreeText { get; init; }

    /// <summary>Kinds found inside the sampled cells of a free-text column, in enum order.</summary>
    public IReadOnlyList<PiiKind> EmbeddedKinds { get; init; } = [];

    /// <summary>
    /// The header of the column whose values gave each row's phone region, for phone columns and for free text with phone
    /// numbers inside. Null when the default region was used.
    /// </summary>
    public string? RegionColumn { get; init; }

    /// <summary>True when <see cref="Kind"/> identifies a person or card on its own.</summary>
    public bool IsDirectIdentifier => Kind.IsDirectIdentifier();

    /// <summary>True when <see cref="Kind"/> is a quasi-identifier.</summary>
    public bool IsQuasiIdentifier => Kind.IsQuasiIdentifier();

    /// <summary>True when <see cref="Kind"/> is a special category of GDPR Article 9.</summary>
    public bool IsSpecialCategory => Kind.IsSpecialCategory();
}
