using SyntheticData.Tabular;

namespace SyntheticData.Evaluation.Tests;

/// <summary>
/// The synthesis cases that the evaluator covers: an all-null column, and a small training table whose synthetic
/// rows repeat training rows.
/// </summary>
public sealed class EvaluationCaseTests
{
    [Fact]
    public void AllNullColumn_SkippedWithReason()
    {
        Table real = AllNullTable([0.71, 0.64, 0.88, 0.52, 0.93, 0.47], ["north", "south", "north", "east", "south", "north"]);
        Table synthetic = AllNullTable([0.70, 0.66, 0.81, 0.55, 0.90, 0.49], ["north", "south", "south", "east", "north", "north"]);
        EvaluationMetadata metadata = EvaluationMetadata.FromTable(real);

        QualityReportResult report = QualityReport.Compute(real, synthetic, metadata);

        Assert.Equal(["score", "notes", "region"], report.ColumnShapes.Select(s => s.Column));
        ColumnShapeScore notes = report.ColumnShapes[1];
        Assert.True(double.IsNaN(notes.Score));
        Assert.Equal("all null", notes.Note);
        Assert.All(report.ColumnPairs.Where(p => p.Column1 == "notes" || p.Column2 == "notes"), pair =>
        {
            Assert.True(double.IsNaN(pair.Score));
            Assert.Equal("all null", pair.Note);
            Assert.False(pair.IsStrong);
        });

        // The other columns are scored as usual, and the overall score averages only them.
        Assert.Equal(1, report.AllPairs.PairsCounted);
        Assert.False(double.IsNaN(report.AllPairs.ColumnShapes));
        Assert.Equal((report.ColumnShapes[0].Score + report.ColumnShapes[2].Score) / 2, report.AllPairs.ColumnShapes, 12);
    }

    [Fact]
    public void RepeatedTrainingRows_FailPrivacyGates()
    {
        (Table training, Table holdout) = ClaimsTables(new Random(12));
        var random = new Random(5);
        int[] copiedRows = Enumerable.Range(0, 1200).Select(_ => random.Next(training.RowCount)).ToArray();
        Table synthetic = SelectRows(training, copiedRows);

        EvaluationResult result = Evaluate(training, synthetic, holdout);

        Assert.Equal(0.0, result.Privacy.NewRows.Score);
        Assert.Equal(0.0, result.Privacy.Overfitting!.Score);
        Assert.Equal(1.0, result.Privacy.ExactCopyRate);
        Assert.False(result.Passed);
        Assert.Equal(["DCROverfittingProtection", "NewRowSynthesis"], result.Gates.Where(g => !g.Passed).Select(g => g.Name).Order());
    }

    [Fact]
    public void FreshRows_PassPrivacyGates()
    {
        (Table training, Table holdout) = ClaimsTables(new Random(12));

        // Rows drawn from the population that produced the real rows: new, and no closer to training than holdout.
        Table synthetic = ClaimsRows(new Random(99), 1200);

        EvaluationResult result = Evaluate(training, synthetic, holdout);

        Assert.True(result.Privacy.NewRows.Score >= 0.95, $"NewRowSynthesis {result.Privacy.NewRows.Score}");
        Assert.True(result.Privacy.Overfitting!.Score >= 0.5, $"DCROverfittingProtection {result.Privacy.Overfitting.Score}");
        Assert.True(result.Passed);
    }

    [Fact]
    public void ExactCopies_RemovedOnRequest()
    {
        (Table training, _) = ClaimsTables(new Random(12));
        Table fresh = ClaimsRows(new Random(99), 20);
        Table mixed = Concatenate(SelectRows(training, [0, 1, 2]), fresh);
        EvaluationMetadata metadata = EvaluationMetadata.FromTable(training);

        Table cleaned = ExactCopies.Remove(training, mixed, metadata);

        Assert.Equal(20, cleaned.RowCount);
        Assert.Empty(ExactCopies.Find(training, cleaned, metadata));
        Assert.Equal(((NumericColumn)fresh["clm1"]).Values, ((NumericColumn)cleaned["clm1"]).Values);
    }

    private static EvaluationResult Evaluate(Table training, Table synthetic, Table holdout)
    {
        var options = new EvaluationOptions
        {
            Gates = new EvaluationGates { MinNewRowSynthesis = 0.95, MinDcrOverfittingProtection = 0.5 },
        };
        return SyntheticDataEvaluator.Evaluate(new EvaluationInput(training, synthetic, holdout, EvaluationMetadata.FromTable(training)), options);
    }

    private static Table AllNullTable(double[] scores, string[] regions)
    {
        string[] categories = regions.Distinct().ToArray();
        return new Table(
        [
            new TextColumn("id", Enumerable.Range(1, scores.Length).Select(i => (string?)i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), ColumnType.Identifier),
            new NumericColumn("score", scores, isInteger: false),
            new NumericColumn("notes", Enumerable.Repeat(double.NaN, scores.Length).ToArray(), isInteger: false),
            new CategoricalColumn("region", regions.Select(r => Array.IndexOf(categories, r)).ToArray(), categories),
        ]);
    }

    /// <summary>120 claim rows, split in half: year in 2015-2020, clm1 ~ round(lognormal(17, 2)), clm2 ~ round(lognormal(9, 2)).</summary>
    private static (Table Training, Table Holdout) ClaimsTables(Random random)
    {
        Table all = ClaimsRows(random, 120);
        return (SelectRows(all, Enumerable.Range(0, 60).ToArray()), SelectRows(all, Enumerable.Range(60, 60).ToArray()));
    }

    private static Table ClaimsRows(Random random, int rows)
    {
        var year = new double[rows];
        var clm1 = new double[rows];
        var clm2 = new double[rows];
        for (int row = 0; row < rows; row++)
        {
            year[row] = random.Next(2015, 2021);
            clm1[row] = Math.Round(Math.Exp(17 + (2 * Normal(random))));
            clm2[row] = Math.Round(Math.Exp(9 + (2 * Normal(random))));
        }

        return new Table([new NumericColumn("year", year, true), new NumericColumn("clm1", clm1, true), new NumericColumn("clm2", clm2, true)]);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static Table SelectRows(Table table, int[] rows) =>
        new(table.Columns.Cast<NumericColumn>().Select(c => (Column)new NumericColumn(c.Name, rows.Select(r => c.Values[r]).ToArray(), c.IsInteger)).ToArray());

    private static Table Concatenate(Table first, Table second) =>
        new(first.Columns.Cast<NumericColumn>()
            .Select(c => (Column)new NumericColumn(c.Name, [.. c.Values, .. ((NumericColumn)second[c.Name]).Values], c.IsInteger))
            .ToArray());
}
