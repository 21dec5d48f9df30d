using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Anonymization;

/// <summary>Personal data still found in one output column after anonymization.</summary>
/// <param name="Column">The output column name.</param>
/// <param name="Kind">The kind found.</param>
/// <param name="IsProtectedColumn">True when the policy protects the column, which makes the finding a failure.</param>
/// <param name="Cells">Cells with at least one finding of this kind.</param>
/// <param name="FirstLines">The first output lines with such a cell, without their values.</param>
public sealed record ResidualFinding(
    string Column,
    PiiKind Kind,
    bool IsProtectedColumn,
    long Cells,
    IReadOnlyList<long> FirstLines)
{
    /// <summary>
    /// True for cells of a kept column whose sampled values, classified as a whole, are not personal data, such as the
    /// few GTIN barcodes that pass the card checks by chance. Such a finding is reported but does not fail the output,
    /// so a policy drafted from that classification passes its own rescan.
    /// </summary>
    public bool IsSporadic { get; init; }

    /// <summary>True for a kept column that was scanned to its last record, as free text is, rather than over a sample.</summary>
    public bool IsWholeColumn { get; init; }
}
