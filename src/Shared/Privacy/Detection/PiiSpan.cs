namespace SyntheticData.Privacy.Detection;

/// <summary>
/// A stretch of free text to protect as one piece: the union of overlapping findings.
/// </summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Kind">The kind of the longest finding in the span.</param>
/// <param name="Kinds">Every kind found in the span, in enum order.</param>
public sealed record PiiSpan(int Start, int Length, PiiKind Kind, IReadOnlyList<PiiKind> Kinds)
{
    /// <summary>Index one past the last character.</summary>
    public int End => Start + Length;
}
