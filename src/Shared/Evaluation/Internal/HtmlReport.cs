using System.Globalization;
using System.Text;

namespace SyntheticData.Evaluation.Internal;

/// <summary>
/// Builds the self-contained HTML report: inline CSS and inline SVG charts, with no script and no external resource.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body{font-family:sans-serif;margin:24px;color:#222;max-width:1200px}
        h1{margin-bottom:4px}h2{border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:32px}
        table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;font-size:14px}
        th{background:#f4f4f4}.num{text-align:right;font-variant-numeric:tabular-nums}
        .pass{color:#fff;background:#2e7d32;padding:2px 8px;border-radius:3px}.fail{color:#fff;background:#c62828;padding:2px 8px;border-radius:3px}
        .note{color:#555;font-size:13px}.grid{display:flex;flex-wrap:wrap;gap:16px}
        figure.plot{margin:0;border:1px solid #eee;padding:8px}figcaption{font-size:13px;margin-bottom:4px}
        .legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
        """;

    public static string Build(EvaluationResult result, ReportContext context, IReadOnlyList<ColumnDistribution> distributions)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append($"<title>{E(context.Title)}: synthetic data evaluation</title><style>{Style}</style></head><body>");
        AppendSummary(html, result, context);
        AppendGates(html, result);
        AppendQuality(html, result.Quality);
        AppendDistributions(html, distributions);
        AppendHeatmaps(html, AssociationMatrices.Create(result.Quality));
        AppendPrivacy(html, result.Privacy);
        AppendMachineLearning(html, result);
        AppendAnonymization(html, context.Anonymization);
        AppendLineage(html, context.Lineage);
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void AppendSummary(StringBuilder html, EvaluationResult result, ReportContext context)
    {
        html.Append($"<h1>{E(context.Title)}</h1>");
        html.Append($"<p class=\"note\">Generated {E(context.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'zzz", CultureInfo.InvariantCulture))}.</p>");
        html.Append("<table><tr><th>Input</th><th>Source</th><th class=\"num\">Rows</th></tr>");
        html.Append($"<tr><td>Real (training)</td><td>{E(context.RealName)}</td><td class=\"num\">{result.RealRows}</td></tr>");
        html.Append($"<tr><td>Synthetic</td><td>{E(context.SyntheticName)}</td><td class=\"num\">{result.SyntheticRows}</td></tr>");
        html.Append($"<tr><td>Holdout</td><td>{E(context.HoldoutName ?? "none")}</td><td class=\"num\">{result.HoldoutRows}</td></tr></table>");
        string verdict = "no gates configured";
        if (result.Gates.Count > 0)
        {
            verdict = result.Passed ? "all gates passed" : "a gate failed";
        }

        html.Append($"<p>Outcome: {Badge(result.Passed)} {E(verdict)}</p>");
    }

    private static void AppendGates(StringBuilder html, EvaluationResult result)
    {
        html.Append("<h2 id=\"gates\">Gates</h2>");
        if (result.Gates.Count == 0)
        {
            html.Append("<p>No gate was configured.</p>");
            return;
        }

        html.Append("<table><tr><th>Gate</th><th>Threshold</th><th class=\"num\">Measured</th><th>Result</th><th>Note</th></tr>");
        foreach (GateResult gate in result.Gates)
        {
            html.Append($"<tr><td>{E(gate.Name)}</td><td>{E(gate.Comparison)} {N(gate.Threshold)}</td><td class=\"num\">{N(gate.Actual)}</td><td>{Badge(gate.Passed)}</td><td>{E(gate.Note ?? string.Empty)}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void AppendQuality(StringBuilder html, QualityReportResult quality)
    {
        html.Append("<h2 id=\"quality\">Quality</h2>");
        html.Append("<table><tr><th>Pair mode</th><th class=\"num\">Overall</th><th class=\"num\">Column Shapes</th><th class=\"num\">Column Pair Trends</th><th class=\"num\">Pairs counted</th></tr>");
        foreach (QualityScore score in new[] { quality.StrongPairsOnly, quality.AllPairs })
        {
            html.Append($"<tr><td>{E(score.Label)}</td><td class=\"num\">{N(score.Overall)}</td><td class=\"num\">{N(score.ColumnShapes)}</td><td class=\"num\">{N(score.ColumnPairTrends)}</td><td class=\"num\">{score.PairsCounted}</td></tr>");
        }

        html.Append("</table>");
        html.Append($"<p class=\"note\">Definitions follow SDMetrics 0.29. {E(QualityReportResult.BinningNote)}</p>");

        html.Append("<h3>Column Shapes</h3><table><tr><th>Column</th><th>sdtype</th><th>Metric</th><th class=\"num\">Score</th><th>Adherence metric</th><th class=\"num\">Adherence</th><th>Note</th></tr>");
        foreach (ColumnShapeScore shape in quality.ColumnShapes)
        {
            html.Append($"<tr><td>{E(shape.Column)}</td><td>{shape.SdType}</td><td>{shape.Metric}</td><td class=\"num\">{N(shape.Score)}</td><td>{shape.AdherenceMetric}</td><td class=\"num\">{N(shape.Adherence)}</td><td>{E(shape.Note ?? string.Empty)}</td></tr>");
        }

        html.Append("</table>");

        html.Append($"<details><summary>Column Pair Trends: {quality.ColumnPairs.Count} pairs</summary><table><tr><th>Column 1</th><th>Column 2</th><th>Metric</th><th class=\"num\">Score</th><th class=\"num\">Real association</th><th>Counted in the strong-pairs score</th><th>Note</th></tr>");
        foreach (ColumnPairScore pair in quality.ColumnPairs)
        {
            double association = pair.Metric == "CorrelationSimilarity" ? pair.RealCorrelation : pair.RealAssociation;
            string kind = pair.Metric == "CorrelationSimilarity" ? "r" : "V";
            html.Append($"<tr><td>{E(pair.Column1)}</td><td>{E(pair.Column2)}</td><td>{pair.Metric}</td><td class=\"num\">{N(pair.Score)}</td><td class=\"num\">{kind} = {N(association)}</td><td>{(pair.IsStrong ? "yes" : "no")}</td><td>{E(pair.Note ?? string.Empty)}</td></tr>");
        }

        html.Append("</table></details>");
    }

    private static void AppendDistributions(StringBuilder html, IReadOnlyList<ColumnDistribution> distributions)
    {
        html.Append("<h2 id=\"distributions\">Distributions</h2>");
        html.Append($"<p class=\"legend\"><span style=\"background:{SvgCharts.RealColor}\"></span>real<span style=\"background:{SvgCharts.SyntheticColor}\"></span>synthetic</p>");
        html.Append("<div class=\"grid\">");
        foreach (ColumnDistribution distribution in distributions)
        {
            html.Append($"<figure class=\"plot\"><figcaption>{E(distribution.Column)}</figcaption>{SvgCharts.Bars(distribution)}</figure>");
        }

        html.Append("</div>");
    }

    private static void AppendHeatmaps(StringBuilder html, AssociationMatrices matrices)
    {
        html.Append("<h2 id=\"correlations\">Correlation heatmaps</h2>");
        html.Append("<p class=\"note\">Cells show |Pearson r| for pairs of numerical or datetime columns and Cramér's V (10 bins per continuous column) for the other pairs. Grey cells are undefined.</p>");
        html.Append("<div class=\"grid\">");
        AppendHeatmap(html, matrices.Columns, matrices.Real, "Real");
        AppendHeatmap(html, matrices.Columns, matrices.Synthetic, "Synthetic");
        AppendHeatmap(html, matrices.Columns, matrices.Difference, "Absolute difference");
        html.Append("</div>");
    }

    private static void AppendHeatmap(StringBuilder html, string[] columns, double[,] values, string title) =>
        html.Append($"<figure class=\"plot\"><figcaption>{E(title)}</figcaption>{SvgCharts.Heatmap(columns, values, $"{title} association heatmap", 1.0)}</figure>");

    private static void AppendPrivacy(StringBuilder html, PrivacyResult privacy)
    {
        html.Append("<h2 id=\"privacy\">Privacy</h2><table><tr><th>Metric</th><th class=\"num\">Score</th><th>Details</th></tr>");
        DcrBaselineResult baseline = privacy.Baseline;
        html.Append($"<tr><td>DCRBaselineProtection</td><td class=\"num\">{N(baseline.Score)}</td><td>median DCR synthetic to real {N(baseline.MedianSyntheticToReal)}, random to real {N(baseline.MedianRandomToReal)}; {baseline.SyntheticRowsScored} synthetic rows scored</td></tr>");
        if (privacy.Overfitting is { } overfitting)
        {
            html.Append($"<tr><td>DCROverfittingProtection</td><td class=\"num\">{N(overfitting.Score)}</td><td>{N(overfitting.CloserToTraining * 100)}% of rows closer to training than to holdout ({overfitting.RowsTied} ties); median DCR to training {N(overfitting.MedianSyntheticToTraining)}, to holdout {N(overfitting.MedianSyntheticToHoldout)}; {overfitting.SyntheticRowsScored} synthetic rows scored</td></tr>");
        }
        else
        {
            html.Append("<tr><td>DCROverfittingProtection</td><td class=\"num\">n/a</td><td>not computed: no holdout given</td></tr>");
        }

        html.Append($"<tr><td>NewRowSynthesis</td><td class=\"num\">{N(privacy.NewRows.Score)}</td><td>{privacy.NewRows.MatchedRows} synthetic rows match a real row within 1% on numbers</td></tr>");
        html.Append($"<tr><td>Exact copy rate</td><td class=\"num\">{N(privacy.ExactCopyRate)}</td><td>{privacy.ExactCopyRows.Count} synthetic rows equal a real row exactly</td></tr></table>");
        html.Append("<p class=\"note\">DCR is the distance to the closest record: the mean per-column distance (numbers scaled by the reference range and capped at 1, other values 0 or 1) to the nearest reference row.</p>");
    }

    private static void AppendMachineLearning(StringBuilder html, EvaluationResult result)
    {
        html.Append("<h2 id=\"ml-efficacy\">Machine-learning efficacy</h2>");
        if (result.MachineLearning is not { } efficacy)
        {
            html.Append($"<p>Not computed: {E(result.MachineLearningNote ?? "no target")}.</p>");
            return;
        }

        string positive = efficacy.PositiveClass is null ? string.Empty : $" (positive class '{E(efficacy.PositiveClass)}')";
        (string model, string task) = efficacy.Task switch
        {
            MachineLearningTask.BinaryClassification => ("FastTree", "binary classification"),
            MachineLearningTask.MulticlassClassification => ("L-BFGS maximum entropy", "multiclass classification"),
            _ => ("FastTree", "regression"),
        };
        html.Append($"<p>{model} {task} for <b>{E(efficacy.TargetColumn)}</b>, tested on {efficacy.HoldoutRows} real holdout rows; metric {E(efficacy.Metric)}{positive}.</p>");
        html.Append("<table><tr><th>Trained on</th><th class=\"num\">Score</th></tr>");
        html.Append($"<tr><td>Synthetic rows</td><td class=\"num\">{N(efficacy.SyntheticScore)}</td></tr><tr><td>Real rows</td><td class=\"num\">{N(efficacy.RealScore)}</td></tr>");
        html.Append($"<tr><td>Ratio synthetic / real</td><td class=\"num\">{N(efficacy.Ratio)}</td></tr></table>");
    }

    private static void AppendAnonymization(StringBuilder html, AnonymizationSummary? anonymization)
    {
        html.Append("<h2 id=\"anonymization\">Anonymization</h2>");
        if (anonymization is null)
        {
            html.Append("<p>No anonymization record was supplied with these inputs.</p>");
            return;
        }

        html.Append("<table><tr><th>Column</th><th>Operator</th><th>Detail</th></tr>");
        foreach (ColumnOperatorEntry entry in anonymization.Operators)
        {
            html.Append($"<tr><td>{E(entry.Column)}</td><td>{E(entry.Operator)}</td><td>{E(entry.Detail ?? string.Empty)}</td></tr>");
        }

        html.Append("</table>");
        string k = anonymization.KAnonymity?.ToString(CultureInfo.InvariantCulture) ?? "not measured";
        string required = anonymization.RequiredK is { } minimum ? $" (policy requires k &gt;= {minimum})" : string.Empty;
        html.Append($"<p>k-anonymity over [{E(string.Join(", ", anonymization.QuasiIdentifiers))}]: <b>{k}</b>{required}.</p>");
        if (anonymization.ResidualPii.Count == 0)
        {
            html.Append($"<p>Residual-PII rescan of {anonymization.RowsRescanned} rows: nothing found.</p>");
            return;
        }

        html.Append($"<p>Residual-PII rescan of {anonymization.RowsRescanned} rows found:</p><table><tr><th>Column</th><th>Kind</th><th class=\"num\">Cells</th></tr>");
        foreach (ResidualPiiFinding finding in anonymization.ResidualPii)
        {
            html.Append($"<tr><td>{E(finding.Column)}</td><td>{E(finding.Kind)}</td><td class=\"num\">{finding.Count}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void AppendLineage(StringBuilder html, LineageSummary? lineage)
    {
        html.Append("<h2 id=\"lineage\">Lineage</h2>");
        if (lineage is null)
        {
            html.Append("<p>No run manifest was supplied; this evaluation ran outside a pipeline run.</p>");
            return;
        }

        html.Append("<table>");
        foreach ((string name, string value) in lineage.Facts)
        {
            html.Append($"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>");
        }

        html.Append("</table><table><tr><th>Step</th><th class=\"num\">Seconds</th><th>Outcome</th></tr>");
        foreach (LineageStep step in lineage.Steps)
        {
            html.Append($"<tr><td>{E(step.Name)}</td><td class=\"num\">{step.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}</td><td>{E(step.Outcome)}</td></tr>");
        }

        html.Append("</table>");
    }

    private static string Badge(bool passed) => passed ? "<span class=\"pass\">PASS</span>" : "<span class=\"fail\">FAIL</span>";

    private static string N(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string E(string text) => SvgCharts.Escape(text);
}
