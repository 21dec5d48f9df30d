using SyntheticData.Tabular;

namespace SyntheticData.Evaluation.Tests;

public sealed class EvaluatorTests
{
    [Fact]
    public void Evaluate_NoPositiveHoldout_SkipsEfficacy()
    {
        Table training = BinaryTable(rows: 80, positiveEvery: 4);
        Table synthetic = BinaryTable(rows: 80, positiveEvery: 5);
        Table holdout = BinaryTable(rows: 20, positiveEvery: 0);
        var input = new EvaluationInput(training, synthetic, holdout, EvaluationMetadata.FromTable(training), "fraud");

        EvaluationResult result = SyntheticDataEvaluator.Evaluate(input);

        Assert.Null(result.MachineLearning);
        Assert.Contains("not computed", result.MachineLearningNote, StringComparison.Ordinal);
        Assert.True(result.Quality.AllPairs.Overall > 0);
    }

    /// <summary>Builds an amount column and a 0/1 fraud label; positiveEvery 0 gives no positive row.</summary>
    private static Table BinaryTable(int rows, int positiveEvery)
    {
        var amounts = new double[rows];
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            bool positive = positiveEvery > 0 && i % positiveEvery == 0;
            labels[i] = positive ? 1 : 0;
            amounts[i] = positive ? 500 + i : 20 + (i % 13);
        }

        return new Table(
        [
            new NumericColumn("amount", amounts, isInteger: true),
            new CategoricalColumn("fraud", labels, ["0", "1"], isBoolean: true),
        ]);
    }
}
