namespace SyntheticData.Evaluation;

/// <summary>
/// The evaluation metadata of one column: its name, its sdtype and, for datetimes, the strftime format of the text.
/// </summary>
/// <param name="Name">The column's header name.</param>
/// <param name="SdType">The semantic type that selects the metrics.</param>
/// <param name="DatetimeFormat">The strftime format, such as <c>%Y-%m-%d</c>, for datetime columns read from text.</param>
public sealed record ColumnMetadata(string Name, SdType SdType, string? DatetimeFormat = null)
{
    /// <summary>True for numerical and datetime columns, which metrics treat as numbers.</summary>
    public bool IsContinuous => SdType is SdType.Numerical or SdType.Datetime;

    /// <summary>True for categorical and boolean columns, which metrics treat as labels.</summary>
    public bool IsDiscrete => SdType is SdType.Categorical or SdType.Boolean;
}
