using System.Text.Json.Serialization;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// The content of a quarantined run's <c>reason.json</c>: <see cref="Kind"/> is <c>gate-failed</c> or <c>error</c>,
/// and <see cref="Objects"/> lists the quarantined objects as <c>bucket/key</c> strings.
/// </summary>
internal sealed record QuarantineReason(
    string RunId,
    string FailedStep,
    string Kind,
    string Reason,
    DateTimeOffset QuarantinedAt,
    string[] Objects);

/// <summary>Source-generated serialization metadata for <see cref="QuarantineReason"/>.</summary>
[JsonSerializable(typeof(QuarantineReason))]
internal sealed partial class QuarantineJsonContext : JsonSerializerContext;
