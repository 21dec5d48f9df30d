namespace SyntheticData.Evaluation;

/// <summary>The lineage that the report shows, taken from the run's manifest by the pipeline.</summary>
/// <param name="Facts">Named facts in display order: input hash, policy hash, key id and version, synthesizer, seed.</param>
/// <param name="Steps">The steps that ran, in order.</param>
public sealed record LineageSummary(IReadOnlyList<KeyValuePair<string, string>> Facts, IReadOnlyList<LineageStep> Steps);
