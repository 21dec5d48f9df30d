namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// The pipeline's bucket roles. Locally each is a folder of the workspace; in AWS each maps to a bucket
/// whose name the stack passes to the functions.
/// </summary>
public sealed record PipelineBuckets
{
    /// <summary>Raw extracts as delivered. The pipeline reads it and never writes to it.</summary>
    public string Landing { get; init; } = "landing";

    /// <summary>Anonymized datasets that passed verification.</summary>
    public string Anonymized { get; init; } = "anonymized";

    /// <summary>Synthetic datasets that passed the quality and privacy gates.</summary>
    public string Synthetic { get; init; } = "synthetic";

    /// <summary>Rejected extracts and outputs that failed a gate, each with a reason object.</summary>
    public string Quarantine { get; init; } = "quarantine";

    /// <summary>Reports, manifests and policies beside the published outputs.</summary>
    public string Reports { get; init; } = "reports";

    /// <summary>Intermediate objects passed between steps; nothing here is published as it is.</summary>
    public string Work { get; init; } = "work";

    /// <summary>Every bucket role, for creating a local workspace.</summary>
    public IEnumerable<string> All => [Landing, Anonymized, Synthetic, Quarantine, Reports, Work];

    /// <summary>
    /// The buckets that may contain personal data in clear: raw extracts, intermediate objects, and outputs that failed a
    /// gate. A local workspace makes them readable by their owner only.
    /// </summary>
    public IEnumerable<string> PersonalData => [Landing, Work, Quarantine];
}
