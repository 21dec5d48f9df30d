namespace SyntheticData.Privacy.Detection;

/// <summary>
/// One match of a detector in a text: the kind, the span in UTF-16 code units, and whether
/// the match passed the kind's checksum or range rules.
/// </summary>
/// <param name="Kind">The kind found.</param>
/// <param name="Start">Index of the first character of the match.</param>
/// <param name="Length">Number of characters the match covers, separators included.</param>
/// <param name="IsValidated">True when the match passed validation; false for a look-alike that failed it.</param>
public readonly record struct PiiFinding(PiiKind Kind, int Start, int Length, bool IsValidated)
{
    /// <summary>Index one past the last character of the match.</summary>
    public int End => Start + Length;
}
