namespace SyntheticData.Evaluation;

/// <summary>What a report shows beside the metrics: its title, time, input names, and the pipeline's sections.</summary>
/// <param name="Title">The report title, such as the dataset name.</param>
/// <param name="GeneratedAt">The time printed in the report; pass it from an injected clock.</param>
/// <param name="RealName">A display name of the real input, such as its file name.</param>
/// <param name="SyntheticName">A display name of the synthetic input.</param>
/// <param name="HoldoutName">A display name of the holdout input, or null.</param>
/// <param name="Anonymization">The anonymization section, or null when the inputs were not anonymized by this pipeline.</param>
/// <param name="Lineage">The lineage section, or null outside a pipeline run.</param>
public sealed record ReportContext(
    string Title,
    DateTimeOffset GeneratedAt,
    string RealName,
    string SyntheticName,
    string? HoldoutName = null,
    AnonymizationSummary? Anonymization = null,
    LineageSummary? Lineage = null);
