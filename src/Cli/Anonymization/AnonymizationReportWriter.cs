using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SyntheticData.Privacy.Anonymization;
using SyntheticData.Privacy.Risk;
using SyntheticData.Tabular;

namespace SyntheticData.Cli.Anonymization;

/// <summary>
/// Writes the JSON report of an <c>anonymize</c> run: outcome, operator and counts per column, risk,
/// rescan result, and the key id and version (never key material or cell values).
/// </summary>
internal static class AnonymizationReportWriter
{
    private static readonly AnonymizationReportJsonContext ReportJson = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Returns the report as a JSON object.</summary>
    public static JsonObject Build(AnonymizeRequest request, AnonymizeOutcome outcome)
    {
        var report = new JsonObject
        {
            ["command"] = "anonymize",
            ["outcome"] = outcome.ExitCode == ExitCodes.Success ? "success" : "failed",
            ["exitCode"] = outcome.ExitCode,
            ["failures"] = new JsonArray(outcome.Failures.Select(f => (JsonNode)f).ToArray()),
            ["input"] = new JsonObject { ["path"] = request.InputPath, ["bytes"] = outcome.InputBytes },
            ["output"] = new JsonObject { ["path"] = request.OutputPath, ["written"] = outcome.OutputWritten },
            ["policy"] = new JsonObject { ["path"] = request.PolicyPath },
            ["durationSeconds"] = Math.Round(outcome.Duration.TotalSeconds, 3),
            ["anonymizeSeconds"] = Math.Round(outcome.AnonymizeDuration.TotalSeconds, 3),
            ["rescanSeconds"] = Math.Round(outcome.RescanDuration.TotalSeconds, 3),
        };

        if (outcome.Plan is { } plan)
        {
            report["policy"]!["dataset"] = plan.Policy.Dataset;
            report["policy"]!["k"] = plan.Policy.K;
            report["policy"]!["enforceK"] = plan.Policy.EnforceK;
            report["key"] = new JsonObject { ["id"] = plan.Key.KeyId, ["version"] = plan.Key.Version };
            report["missingPolicyColumns"] = JsonSerializer.SerializeToNode(plan.MissingPolicyColumns, ReportJson.IReadOnlyListString);
            report["columns"] = Columns(plan, outcome.Summary);
        }

        if (outcome.Summary is { } summary)
        {
            report["records"] = summary.Records;
            report["risk"] = Risk(summary.Risk);
            report["riskBeforeEnforcement"] = Risk(summary.RiskBeforeEnforcement);
            report["suppressedToReachK"] = summary.SuppressedToReachK;
        }

        if (outcome.Rescan is { } rescan)
        {
            report["rescan"] = new JsonObject
            {
                ["passed"] = rescan.Passed,
                ["recordsScanned"] = rescan.RecordsScanned,
                ["keptColumnSampleRows"] = ResidualScanner.KeptColumnSampleRows,
                ["protectedCellsConfirmedByHash"] = rescan.ProtectedCellsConfirmedByHash,
                ["findings"] = JsonSerializer.SerializeToNode(
                    rescan.Findings.Select(f => new ReportedFinding(f.Column, f.Kind.ToString(), f.IsProtectedColumn, f.Cells, f.FirstLines, f.IsSporadic)).ToList(),
                    ReportJson.ListReportedFinding),
            };
        }

        return report;
    }

    /// <summary>Writes the report to <paramref name="path"/> whole or not at all.</summary>
    public static void Write(string path, JsonObject report)
    {
        using var file = new AtomicFileWriter(path);
        using (var writer = new Utf8JsonWriter(file.Stream, new JsonWriterOptions { Indented = true, Encoder = ReportJson.Options.Encoder }))
        {
            report.WriteTo(writer);
        }

        file.Commit();
    }

    private static JsonArray Columns(AnonymizationPlan plan, AnonymizationSummary? summary)
    {
        var columns = new JsonArray();
        foreach (PlannedColumn column in plan.Columns)
        {
            ColumnStatistics? statistics = summary?.Columns[column.InputIndex].Value;
            columns.Add((JsonNode)new JsonObject
            {
                ["name"] = column.Name,
                ["operator"] = JsonNamingPolicy.CamelCase.ConvertName(column.Kind.ToString()),
                ["treatment"] = JsonNamingPolicy.CamelCase.ConvertName(column.Treatment.ToString()),
                ["inOutput"] = column.OutputIndex >= 0,
                ["transformed"] = statistics?.Transformed,
                ["missing"] = statistics?.Missing,
                ["invalid"] = statistics?.Invalid,
                ["invalidLines"] = statistics is null ? null : JsonSerializer.SerializeToNode(statistics.InvalidLines, ReportJson.IReadOnlyListInt64),
            });
        }

        return columns;
    }

    private static JsonNode? Risk(RiskReport? risk) =>
        risk is null ? null : JsonSerializer.SerializeToNode(risk, ReportJson.RiskReport);
}
