using System.Text.Json.Serialization;
using SyntheticData.Privacy.Risk;

namespace SyntheticData.Cli.Anonymization;

/// <summary>
/// A residual-scan finding as the anonymize report lists it, with the PII kind as its name. Sporadic findings are cells
/// of a kept column of look-alikes, which do not fail the output.
/// </summary>
internal sealed record ReportedFinding(string Column, string Kind, bool IsProtectedColumn, long Cells, IReadOnlyList<long> FirstLines, bool Sporadic);

/// <summary>Source-generated serialization metadata for the parts of the anonymize report that are not built node by node.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<long>))]
[JsonSerializable(typeof(List<ReportedFinding>))]
[JsonSerializable(typeof(RiskReport))]
internal sealed partial class AnonymizationReportJsonContext : JsonSerializerContext;
