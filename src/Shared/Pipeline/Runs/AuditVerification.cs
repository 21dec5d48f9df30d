namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// The result of checking an audit log: whether the chain is intact, how many entries were valid,
/// the last valid hash, and where the first problem is.
/// </summary>
public sealed record AuditVerification(bool IsValid, long EntryCount, string LastHash, int? FirstInvalidLine, string? Problem);
