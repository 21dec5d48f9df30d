namespace SyntheticData.Privacy.Anonymization;

/// <summary>
/// What the anonymizing pass checked of the protected cells it wrote, for the rescan to confirm by reading the
/// file back instead of scanning every protected cell again.
/// </summary>
/// <param name="Clean">True when no written protected cell had a validated finding.</param>
/// <param name="Digest">The hash of the protected cells in output order (see <c>ProtectedCellDigest</c>).</param>
/// <param name="Cells">The number of protected cells hashed.</param>
public sealed record OutputVerification(bool Clean, UInt128 Digest, long Cells);
