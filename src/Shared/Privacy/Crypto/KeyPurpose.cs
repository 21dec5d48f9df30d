namespace SyntheticData.Privacy.Crypto;

/// <summary>
/// Separate keys are derived from one key version for each use, so that a pseudonym never reveals
/// the noise or date offset of the same value, and a token key is never reused as an HMAC key.
/// </summary>
public enum KeyPurpose
{
    /// <summary>HMAC-SHA256 pseudonyms.</summary>
    Pseudonym,

    /// <summary>AES-256 key of the FF1 format-preserving tokens.</summary>
    FormatPreservingToken,

    /// <summary>Per-entity date offsets.</summary>
    DateShift,

    /// <summary>Additive noise draws.</summary>
    Noise,
}
