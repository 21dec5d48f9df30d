namespace SyntheticData.Synthesis;

/// <summary>
/// What a synthesizer writes for identifier and PII columns, which it never models.
/// </summary>
public enum IdentifierHandling
{
    /// <summary>Writes freshly generated values in the training values' format, none equal to a training value.</summary>
    Regenerate = 0,

    /// <summary>Leaves the column out of the synthetic table.</summary>
    Drop = 1,
}
