namespace SyntheticData.Privacy.Policies;

/// <summary>
/// The kind of value a pseudonym or token operator normalises before hashing or encrypting, so that
/// differently written forms of one value (case, spaces, separators) give the same output.
/// </summary>
public enum ValueKind
{
    /// <summary>Trimmed, otherwise unchanged.</summary>
    Generic,

    /// <summary>Trimmed and lower-cased (the whole address, local part included).</summary>
    Email,

    /// <summary>Parsed with libphonenumber and formatted as E.164; digits only when parsing fails.</summary>
    Phone,

    /// <summary>Digits only.</summary>
    Card,

    /// <summary>Letters and digits only, upper case.</summary>
    Iban,

    /// <summary>Unicode-normalised (NFKC), case-folded and with whitespace collapsed to single spaces.</summary>
    Name,

    /// <summary>Letters and digits only, upper case: account numbers, national ids, customer numbers.</summary>
    Identifier,
}
