using System.Text.Json.Nodes;
using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// What happened to one extract: inputs and their hashes, the policy and key used, each step's timing
/// and outcome, metrics, outputs and the final outcome. Written beside the outputs of every run,
/// including failed ones, so a compliance officer can trace a file without reading code.
/// </summary>
public sealed record RunManifest
{
    /// <summary>The manifest format version; raised when fields change meaning.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>The run's identifier, also used in output keys and the audit log.</summary>
    public required string RunId { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run ended (UTC); null while it is running.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The landing object and its SHA-256.</summary>
    public required HashedObject Input { get; init; }

    /// <summary>The policy object and its SHA-256, and whether it was drafted for this run.</summary>
    public HashedObject? Policy { get; init; }

    /// <summary>True when no policy was given and one was drafted from detection.</summary>
    public bool PolicyDrafted { get; init; }

    /// <summary>The key that pseudonymized the data: identifier and version only, never material.</summary>
    public string? KeyId { get; init; }

    /// <summary>The version of <see cref="KeyId"/> used.</summary>
    public int? KeyVersion { get; init; }

    /// <summary>The synthesizer, seed and options, when synthesis was requested.</summary>
    public JsonObject? Synthesis { get; init; }

    /// <summary>Each step in the order it ran.</summary>
    public List<StepRecord> Steps { get; init; } = [];

    /// <summary>Named figures: row counts, k-anonymity, quality and privacy scores, durations.</summary>
    public SortedDictionary<string, double> Metrics { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Objects the run committed, with their hashes.</summary>
    public List<HashedObject> Outputs { get; init; } = [];

    /// <summary>The final outcome.</summary>
    public RunOutcome Outcome { get; init; } = RunOutcome.Running;

    /// <summary>Warnings that did not stop the run, such as values an operator could not read; never contain row values.</summary>
    public List<string> Warnings { get; init; } = [];

    /// <summary>Why the run failed or was quarantined; never contains row values.</summary>
    public string? FailureReason { get; init; }
}
