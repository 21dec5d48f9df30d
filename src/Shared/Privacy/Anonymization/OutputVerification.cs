using SyntheticData.Tabular;

namespace SyntheticData.Privacy.Anonymization;

/// <summary>
/// What the anonymizing pass checked of the protected cells it wrote, for the rescan to confirm by reading the
/// file back instead of scanning every protected cell again.
/// </summary>
/// <param name="Clean">True when no written protected cell had a validated finding.</param>
/// <param name="Records">The number of records written.</param>
/// <param name="Cells">The number of protected cells checked.</param>
/// <param name="CellDigest">
/// The hash of the protected cells in output order (see <c>ProtectedCellDigest</c>), or null when the output is CSV,
/// whose written text is compared instead (<see cref="Text"/>).
/// </param>
public sealed record OutputVerification(bool Clean, long Records, long Cells, UInt128? CellDigest)
{
    /// <summary>
    /// The digest of the CSV text as the writer wrote it, set once the writer has committed. Null for other formats, and
    /// for a CSV output whose writer did not report it, which the rescan then scans cell by cell.
    /// </summary>
    public TextDigest? Text { get; init; }
}
