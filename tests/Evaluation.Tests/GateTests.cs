using SyntheticData.Evaluation.Tests.Internal;

namespace SyntheticData.Evaluation.Tests;

public sealed class GateTests
{
    [Fact]
    public void Gates_ReportEachThreshold()
    {
        GoldenCase golden = GoldenCase.Load("small-mixed");
        var options = new EvaluationOptions
        {
            Gates = new EvaluationGates { MinQualityScore = 0.6, MinDcrOverfittingProtection = 0.6, MaxExactCopyRate = 0.2 },
        };

        EvaluationResult result = SyntheticDataEvaluator.Evaluate(new EvaluationInput(golden.Real, golden.Synthetic, golden.Holdout, golden.Metadata), options);

        Assert.Equal(3, result.Gates.Count);
        GateResult quality = result.Gates[0];
        Assert.True(quality.Passed);
        Assert.Equal(0.6666028713768084, quality.Actual, 9);
        GateResult overfitting = result.Gates[1];
        Assert.False(overfitting.Passed);
        Assert.Equal(0.5, overfitting.Actual, 9);
        GateResult copies = result.Gates[2];
        Assert.True(copies.Passed);
        Assert.Equal(2.0 / 12, copies.Actual, 12);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Gates_FailWhenMetricMissing()
    {
        GoldenCase golden = GoldenCase.Load("small-mixed");
        var options = new EvaluationOptions { Gates = new EvaluationGates { MinDcrOverfittingProtection = 0.1 } };

        EvaluationResult result = SyntheticDataEvaluator.Evaluate(new EvaluationInput(golden.Real, golden.Synthetic, null, golden.Metadata), options);

        GateResult gate = Assert.Single(result.Gates);
        Assert.False(gate.Passed);
        Assert.True(double.IsNaN(gate.Actual));
        Assert.Equal("not computed: no holdout given", gate.Note);
        Assert.Null(result.Privacy.Overfitting);
    }

    [Fact]
    public void Options_RejectOutOfRangeThresholds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EvaluationGates { MinQualityScore = 1.5 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new QualityReportOptions { RealCorrelationThreshold = -0.1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrivacyOptions { MaxSyntheticRows = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new MachineLearningEfficacyOptions { NumberOfTrees = 0 });
    }
}
