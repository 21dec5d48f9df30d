using SyntheticData.Evaluation;
using SyntheticData.Pipeline.Storage;
using SyntheticData.Tabular;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Scores the synthetic rows against the training part (quality) and the holdout (privacy), checks the
/// policy's gates, and stages the HTML and JSON reports.
/// </summary>
public static class EvaluateStep
{
    /// <summary>The step's name in manifests and logs.</summary>
    public const string Name = "evaluate";

    /// <summary>Runs the step. A failed gate is reported in the result, not thrown.</summary>
    public static async Task<EvaluateResult> RunAsync(StepContext context, EvaluateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        TableReadResult training = await TableObjects.ReadAsync(context, request.Training, cancellationToken: cancellationToken).ConfigureAwait(false);
        TableReadResult holdout = await TableObjects.ReadAsync(context, request.Holdout, training.Schema, cancellationToken).ConfigureAwait(false);
        TableReadResult synthetic = await TableObjects.ReadAsync(context, request.Synthetic, training.Schema, cancellationToken).ConfigureAwait(false);

        var input = new EvaluationInput(
            training.Table,
            Align(synthetic.Table, training.Table),
            Align(holdout.Table, training.Table),
            MetadataOf(training.Table, request.IdentifierColumns ?? []),
            request.TargetColumn);
        EvaluationResult result = SyntheticDataEvaluator.Evaluate(input, EvaluationOptions.Default with { Gates = request.Gates });

        var reportContext = new ReportContext(
            request.Title,
            context.Time.GetUtcNow(),
            request.Training.ToString(),
            request.Synthetic.ToString(),
            request.Holdout.ToString(),
            request.Anonymization,
            request.Lineage);
        string folder = Path.GetDirectoryName(context.ScratchPath("report"))!;
        EvaluationReportFiles files = EvaluationReportWriter.Write(folder, input, result, reportContext);
        var html = new ObjectReference(context.Buckets.Work, $"{request.RunId}/{EvaluationReportWriter.HtmlFileName}");
        var json = new ObjectReference(context.Buckets.Work, $"{request.RunId}/{EvaluationReportWriter.JsonFileName}");
        await context.Store.UploadAsync(files.HtmlPath, html, cancellationToken).ConfigureAwait(false);
        await context.Store.UploadAsync(files.JsonPath, json, cancellationToken).ConfigureAwait(false);

        context.Metrics.Record("QualityScore", result.Quality.StrongPairsOnly.Overall);
        context.Metrics.Record("QualityScoreAllPairs", result.Quality.AllPairs.Overall);
        // A failed quality gate ends the run too, which the runner counts, but only privacy gates count as privacy failures.
        if (result.Gates.Any(gate => gate.IsPrivacy && !gate.Passed))
        {
            context.Metrics.Record(Telemetry.PipelineMetrics.PrivacyGateFailures, 1, Telemetry.PipelineMetrics.CountUnit);
        }

        return new EvaluateResult(result, html, json);
    }

    /// <summary>Types each column from the table, with the regenerated identifier columns as ids, which no metric scores.</summary>
    private static EvaluationMetadata MetadataOf(Table table, IReadOnlyList<string> identifiers)
    {
        EvaluationMetadata detected = EvaluationMetadata.FromTable(table);
        return new EvaluationMetadata(detected.Columns
            .Select(column => identifiers.Contains(column.Name, StringComparer.Ordinal) ? column with { SdType = SdType.Id } : column)
            .ToArray());
    }

    /// <summary>Keeps the columns of <paramref name="table"/> that the reference has, in the reference's order.</summary>
    private static Table Align(Table table, Table reference)
    {
        var columns = new List<Column>(reference.Columns.Count);
        foreach (Column column in reference.Columns)
        {
            if (table.TryGetColumn(column.Name, out Column? match))
            {
                columns.Add(match!);
            }
        }

        return new Table(columns);
    }
}
