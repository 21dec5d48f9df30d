namespace SyntheticData.Privacy.Policies;

/// <summary>
/// The transformation a policy assigns to a column. The JSON names are the camel-case member names.
/// </summary>
public enum OperatorKind
{
    /// <summary>Copies the value unchanged; for columns that carry no personal data.</summary>
    Keep,

    /// <summary>Removes the column from the output.</summary>
    Drop,

    /// <summary>Replaces the value with a keyed HMAC-SHA256 pseudonym of its normalised form.</summary>
    Pseudonym,

    /// <summary>Replaces digits with a format-preserving FF1 token (card and account numbers).</summary>
    Token,

    /// <summary>Truncates a card number to at most its first 6 and last 4 digits.</summary>
    Truncate,

    /// <summary>Masks every letter and digit except the last N (and optionally the first M).</summary>
    Mask,

    /// <summary>Generalises the value: numeric bins, age bands, date to month or year, postcode prefix.</summary>
    Generalize,

    /// <summary>Shifts a date by an offset derived from the row's entity pseudonym.</summary>
    DateShift,

    /// <summary>Adds Laplace or Gaussian noise with a stated scale, deterministic for one key.</summary>
    Noise,

    /// <summary>Replaces personal data found inside free text with a placeholder or a pseudonym.</summary>
    Redact,
}
