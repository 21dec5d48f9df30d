using System.Text.Json.Serialization;

namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// Source-generated serialization metadata for audit log lines. <see cref="AuditLog"/> creates it with its own
/// options, because the hash chain covers the exact bytes these options produce.
/// </summary>
[JsonSerializable(typeof(AuditEntry))]
internal sealed partial class AuditLogJsonContext : JsonSerializerContext;
