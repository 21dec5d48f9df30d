namespace SyntheticData.Evaluation;

/// <summary>
/// The semantic type of a column as SDMetrics metadata names it; it decides which metric scores the column.
/// </summary>
public enum SdType
{
    /// <summary>Numbers: scored with KSComplement and BoundaryAdherence.</summary>
    Numerical,

    /// <summary>Dates and timestamps, compared as nanoseconds since 1970-01-01T00:00.</summary>
    Datetime,

    /// <summary>Labels: scored with TVComplement and CategoryAdherence.</summary>
    Categorical,

    /// <summary>True/false values, scored like categorical columns.</summary>
    Boolean,

    /// <summary>Identifiers and free text: every metric skips these columns.</summary>
    Id,
}
