namespace SyntheticData.Evaluation;

/// <summary>The paths of the reports that <see cref="EvaluationReportWriter"/> wrote.</summary>
/// <param name="HtmlPath">The self-contained HTML report.</param>
/// <param name="JsonPath">The JSON report beside it.</param>
public sealed record EvaluationReportFiles(string HtmlPath, string JsonPath);
