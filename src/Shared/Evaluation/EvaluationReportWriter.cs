using System.Text;
using System.Text.Json;
using SyntheticData.Evaluation.Internal;

namespace SyntheticData.Evaluation;

/// <summary>
/// Writes an evaluation as a self-contained HTML report (inline CSS and SVG, no script or external resource) and a
/// JSON report beside it. Each file is written to a temporary name first and then renamed, so a reader never sees a
/// partial report.
/// </summary>
public static class EvaluationReportWriter
{
    /// <summary>The HTML report's file name.</summary>
    public const string HtmlFileName = "evaluation-report.html";

    /// <summary>The JSON report's file name.</summary>
    public const string JsonFileName = "evaluation-report.json";

    /// <summary>Writes both reports into <paramref name="directory"/>, creating it when missing.</summary>
    public static EvaluationReportFiles Write(string directory, EvaluationInput input, EvaluationResult result, ReportContext context)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        Directory.CreateDirectory(directory);

        string html = BuildHtml(input, result, context);
        string json = BuildJson(result, context);
        string htmlPath = Path.Combine(directory, HtmlFileName);
        string jsonPath = Path.Combine(directory, JsonFileName);
        WriteAtomically(htmlPath, html);
        WriteAtomically(jsonPath, json);
        return new EvaluationReportFiles(htmlPath, jsonPath);
    }

    /// <summary>Returns the HTML report as text.</summary>
    public static string BuildHtml(EvaluationInput input, EvaluationResult result, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<ColumnMetadata> columns = input.Metadata.ModelableColumns;
        MetricColumn[] real = MetricTables.Convert(input.Real, columns, "real");
        MetricColumn[] synthetic = MetricTables.Convert(input.Synthetic, columns, "synthetic");
        ColumnDistribution[] distributions = real.Select((column, i) => ColumnDistribution.Create(column, synthetic[i])).ToArray();
        return HtmlReport.Build(result, context, distributions);
    }

    /// <summary>Returns the JSON report as text: every score, both pair modes with their labels, gates, and the context sections.</summary>
    public static string BuildJson(EvaluationResult result, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var document = new EvaluationReportDocument(
            context.Title,
            context.GeneratedAt,
            new EvaluationReportInputs(
                new EvaluationReportInput(context.RealName, result.RealRows),
                new EvaluationReportInput(context.SyntheticName, result.SyntheticRows),
                context.HoldoutName is null ? null : new EvaluationReportInput(context.HoldoutName, result.HoldoutRows)),
            result.Passed,
            result.Gates,
            new EvaluationReportQuality(
                "SDMetrics 0.29",
                QualityReportResult.BinningNote,
                result.Quality.StrongPairsOnly,
                result.Quality.AllPairs,
                result.Quality.Options,
                result.Quality.ColumnShapes,
                result.Quality.ColumnPairs),
            result.Privacy,
            result.MachineLearning,
            result.MachineLearningNote,
            context.Anonymization,
            context.Lineage);
        return JsonSerializer.Serialize(document, EvaluationReportJsonContext.Default.EvaluationReportDocument);
    }

    private static void WriteAtomically(string path, string text)
    {
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, path, overwrite: true);
    }
}
