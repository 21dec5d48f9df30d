using SyntheticData.Privacy.Anonymization;

namespace SyntheticData.Pipeline.Anonymization;

/// <summary>
/// The plan applied to an extract and the counts and risk figures of the output.
/// </summary>
public sealed record ExtractAnonymization(AnonymizationPlan Plan, AnonymizationSummary Summary);
