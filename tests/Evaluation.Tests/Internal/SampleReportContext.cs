namespace SyntheticData.Evaluation.Tests.Internal;

/// <summary>A report context with every section filled, as a pipeline run supplies it.</summary>
internal static class SampleReportContext
{
    public static ReportContext Create(string title) => new(
        title,
        new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero),
        "real.csv",
        "synthetic.csv",
        "holdout.csv",
        new AnonymizationSummary(
            [new ColumnOperatorEntry("fnlwgt", "noise", "relative 5%"), new ColumnOperatorEntry("native-country", "generalize", "region"), new ColumnOperatorEntry("age", "keep")],
            ["age", "sex", "race"],
            KAnonymity: 7,
            RequiredK: 5,
            RowsRescanned: 2000,
            ResidualPii: [new ResidualPiiFinding("occupation", "person-name", 1)]),
        new LineageSummary(
            [new("input sha256", "3f2a9c…"), new("policy sha256", "a81b07…"), new("key", "local-key v1"), new("synthesizer", "gaussian-copula, seed 42")],
            [new LineageStep("validate", TimeSpan.FromSeconds(0.2), "succeeded"), new LineageStep("anonymize", TimeSpan.FromSeconds(1.4), "succeeded")]));
}
