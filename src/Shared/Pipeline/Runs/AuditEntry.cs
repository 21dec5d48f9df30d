using System.Text.Json.Nodes;

namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// One line of the audit log. <see cref="Hash"/> covers every other field, including
/// <see cref="PreviousHash"/>, so changing, removing or reordering a line breaks the chain.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>Position in the log, starting at 1.</summary>
    public required long Sequence { get; init; }

    /// <summary>When the event happened (UTC).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The run the event belongs to.</summary>
    public required string RunId { get; init; }

    /// <summary>What happened, such as <c>run.started</c>, <c>step.completed</c> or <c>output.quarantined</c>.</summary>
    public required string Event { get; init; }

    /// <summary>Event details: object references, hashes, counts. Never row contents or key material.</summary>
    public JsonObject? Details { get; init; }

    /// <summary>The hash of the previous entry, or 64 zeros for the first.</summary>
    public required string PreviousHash { get; init; }

    /// <summary>Lower-case hex SHA-256 over the entry's canonical JSON without this field.</summary>
    public required string Hash { get; init; }
}
