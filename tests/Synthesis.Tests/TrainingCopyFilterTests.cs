using SyntheticData.Synthesis.Copula;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Tests;

public sealed class TrainingCopyFilterTests
{
    [Fact]
    public void RemoveCopies_DropsExactTrainingRowsOnly()
    {
        var training = new Table(
        [
            new NumericColumn("year", [2016, 2018, 2019], isInteger: true),
            new NumericColumn("claim", [7823114, 83301, double.NaN], isInteger: true),
        ]);
        var synthetic = new Table(
        [
            new NumericColumn("year", [2016, 2016, 2019, 2019, 2020], isInteger: true),
            new NumericColumn("claim", [7823114, 7823115, double.NaN, 5, 83301], isInteger: true),
        ]);

        (Table kept, int removed) = TrainingCopyFilter.RemoveCopies(synthetic, training);

        Assert.Equal(2, removed);
        Assert.Equal(new double[] { 2016, 2019, 2020 }, ((NumericColumn)kept["year"]).Values);
        Assert.Equal(new double[] { 7823115, 5, 83301 }, ((NumericColumn)kept["claim"]).Values);
    }

    [Fact]
    public void RemoveCopies_IsIdempotent()
    {
        var random = new Random(12);
        int rows = 120;
        double LogNormal(double mu, double sigma) =>
            Math.Round(Math.Exp(mu + (sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))));
        var training = new Table(
        [
            new NumericColumn("year", Enumerable.Range(0, rows).Select(_ => (double)random.Next(2015, 2021)).ToArray(), isInteger: true),
            new NumericColumn("clm1", Enumerable.Range(0, rows).Select(_ => LogNormal(17, 2)).ToArray(), isInteger: true),
            new NumericColumn("clm2", Enumerable.Range(0, rows).Select(_ => LogNormal(9, 2)).ToArray(), isInteger: true),
        ]);
        var synthesizer = new GaussianCopulaSynthesizer();
        synthesizer.Fit(training, new SynthesisOptions { Seed = 3 });
        Table sample = synthesizer.Sample(1200, seed: 4);

        (Table kept, int removed) = TrainingCopyFilter.RemoveCopies(sample, training);
        (_, int removedAgain) = TrainingCopyFilter.RemoveCopies(kept, training);

        Assert.Equal(1200 - removed, kept.RowCount);
        Assert.Equal(0, removedAgain);
    }
}
