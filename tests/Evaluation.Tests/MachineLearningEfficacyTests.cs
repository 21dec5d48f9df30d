using SyntheticData.Evaluation.Tests.Internal;

namespace SyntheticData.Evaluation.Tests;

public sealed class MachineLearningEfficacyTests
{
    private static readonly MachineLearningEfficacyOptions SmallModel = new() { NumberOfTrees = 30 };

    [Fact]
    public void Binary_ReportsF1OfRarerClass()
    {
        GoldenCase golden = GoldenCase.Load("adult-sample");

        MachineLearningEfficacyResult result = MachineLearningEfficacy.Compute(golden.Real, golden.Synthetic, golden.Holdout, golden.Metadata, "income", SmallModel);

        Assert.Equal(MachineLearningTask.BinaryClassification, result.Task);
        Assert.Equal("F1", result.Metric);
        Assert.Equal(" >50K", result.PositiveClass);
        Assert.Equal(1000, result.HoldoutRows);

        // Gradient-boosted trees reach an F1 of about 0.6-0.7 for ">50K" on Adult; a 1-epoch CTGAN sample does worse.
        Assert.InRange(result.RealScore, 0.5, 0.8);
        Assert.InRange(result.SyntheticScore, 0.0, result.RealScore);
    }

    [Fact]
    public void Binary_SameSeedSameScores()
    {
        GoldenCase golden = GoldenCase.Load("adult-sample");

        MachineLearningEfficacyResult first = MachineLearningEfficacy.Compute(golden.Real, golden.Synthetic, golden.Holdout, golden.Metadata, "income", SmallModel);
        MachineLearningEfficacyResult second = MachineLearningEfficacy.Compute(golden.Real, golden.Synthetic, golden.Holdout, golden.Metadata, "income", SmallModel);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Regression_ReportsRSquared()
    {
        GoldenCase golden = GoldenCase.Load("pairs-only-numeric");

        MachineLearningEfficacyResult result = MachineLearningEfficacy.Compute(golden.Real, golden.Synthetic, golden.Holdout, golden.Metadata, "a", SmallModel);

        Assert.Equal(MachineLearningTask.Regression, result.Task);
        Assert.Equal("R²", result.Metric);

        // a and b have a Gaussian correlation of 0.8 in real data but 0.3 in synthetic, so real training explains
        // far more of a's variance on the real holdout.
        Assert.InRange(result.RealScore, 0.3, 1.0);
        Assert.True(result.SyntheticScore < result.RealScore, $"synthetic R² {result.SyntheticScore} vs real {result.RealScore}");
    }

    [Fact]
    public void Multiclass_ReportsMacroF1()
    {
        GoldenCase golden = GoldenCase.Load("adult-sample");

        MachineLearningEfficacyResult result = MachineLearningEfficacy.Compute(golden.Real, golden.Synthetic, golden.Holdout, golden.Metadata, "relationship", SmallModel);

        Assert.Equal(MachineLearningTask.MulticlassClassification, result.Task);
        Assert.Equal("macro F1", result.Metric);
        Assert.InRange(result.RealScore, 0.2, 1.0);
        Assert.InRange(result.SyntheticScore, 0.0, 1.0);
    }

    [Fact]
    public void UnknownTarget_Rejected()
    {
        GoldenCase golden = GoldenCase.Load("small-mixed");

        Assert.Throws<EvaluationException>(() => MachineLearningEfficacy.Compute(golden.Real, golden.Synthetic, golden.Holdout, golden.Metadata, "missing", SmallModel));
    }
}
