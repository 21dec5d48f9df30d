using System.Text.Json;
using SyntheticData.Evaluation.Tests.Internal;
using static SyntheticData.Evaluation.Tests.Internal.GoldenCase;

namespace SyntheticData.Evaluation.Tests;

/// <summary>
/// Checks every number of the SDMetrics 0.29 golden cases that the quality report and its metrics produce.
/// </summary>
public sealed class QualityReportGoldenTests
{
    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void SingleColumnMetrics_MatchGolden(string caseName)
    {
        GoldenCase golden = GoldenCase.Load(caseName);
        foreach (JsonProperty column in golden.Expected.GetProperty("single_column").EnumerateObject())
        {
            ColumnMetadata metadata = golden.Metadata[column.Name];
            MetricColumn real = MetricColumn.From(golden.Real[column.Name], metadata);
            MetricColumn synthetic = MetricColumn.From(golden.Synthetic[column.Name], metadata);
            if (metadata.IsContinuous)
            {
                AssertClose(Number(column.Value.GetProperty("KSComplement")), KSComplement.Compute(real, synthetic), $"{caseName}.{column.Name} KSComplement");
                AssertClose(Number(column.Value.GetProperty("BoundaryAdherence")), BoundaryAdherence.Compute(real, synthetic), $"{caseName}.{column.Name} BoundaryAdherence");
                continue;
            }

            AssertClose(Number(column.Value.GetProperty("CategoryAdherence")), CategoryAdherence.Compute(real, synthetic), $"{caseName}.{column.Name} CategoryAdherence");
            double expectedTv = Number(column.Value.GetProperty("TVComplement"));
            if (double.IsNaN(expectedTv))
            {
                Assert.Throws<IncomputableMetricException>(() => TVComplement.Compute(real, synthetic));
            }
            else
            {
                AssertClose(expectedTv, TVComplement.Compute(real, synthetic), $"{caseName}.{column.Name} TVComplement");
            }
        }
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void PairScores_MatchGolden(string caseName)
    {
        GoldenCase golden = GoldenCase.Load(caseName);
        QualityReportResult report = QualityReport.Compute(golden.Real, golden.Synthetic, golden.Metadata);
        JsonElement[] expectedPairs = golden.Expected.GetProperty("column_pairs").EnumerateArray().ToArray();
        Assert.Equal(expectedPairs.Length, report.ColumnPairs.Count);
        for (int p = 0; p < expectedPairs.Length; p++)
        {
            JsonElement expected = expectedPairs[p];
            ColumnPairScore actual = report.ColumnPairs[p];
            string context = $"{caseName}.({actual.Column1}, {actual.Column2})";
            Assert.Equal(expected.GetProperty("column_1").GetString(), actual.Column1);
            Assert.Equal(expected.GetProperty("column_2").GetString(), actual.Column2);
            Assert.Equal(expected.GetProperty("metric").GetString(), actual.Metric);
            AssertClose(Number(expected.GetProperty("score")), actual.Score, $"{context} score");
            Assert.Equal(expected.GetProperty("default_report").GetProperty("kept").GetBoolean(), actual.IsStrong);
            if (actual.Metric == "CorrelationSimilarity")
            {
                AssertClose(Number(expected.GetProperty("real_correlation")), actual.RealCorrelation, $"{context} real r");
                AssertClose(Number(expected.GetProperty("synthetic_correlation")), actual.SyntheticCorrelation, $"{context} synthetic r");
            }
            else
            {
                AssertClose(Number(expected.GetProperty("real_association_cramers_v")), actual.RealAssociation, $"{context} Cramér's V");
            }

            if (expected.TryGetProperty("report_error", out JsonElement error))
            {
                Assert.Equal(error.GetString()!.Split(": ", 2)[1], actual.Note);
            }
        }
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void SpearmanAndStandalone_MatchGolden(string caseName)
    {
        GoldenCase golden = GoldenCase.Load(caseName);
        foreach (JsonElement expected in golden.Expected.GetProperty("column_pairs").EnumerateArray())
        {
            string first = expected.GetProperty("column_1").GetString()!;
            string second = expected.GetProperty("column_2").GetString()!;
            string context = $"{caseName}.({first}, {second})";
            MetricColumn real1 = MetricColumn.From(golden.Real[first], golden.Metadata[first]);
            MetricColumn real2 = MetricColumn.From(golden.Real[second], golden.Metadata[second]);
            MetricColumn synthetic1 = MetricColumn.From(golden.Synthetic[first], golden.Metadata[first]);
            MetricColumn synthetic2 = MetricColumn.From(golden.Synthetic[second], golden.Metadata[second]);
            if (expected.TryGetProperty("spearman", out JsonElement spearman))
            {
                if (spearman.TryGetProperty("error", out _))
                {
                    Assert.Throws<IncomputableMetricException>(() => CorrelationSimilarity.Compute(real1, real2, synthetic1, synthetic2, CorrelationCoefficient.Spearman));
                    continue;
                }

                CorrelationSimilarityResult result = CorrelationSimilarity.Compute(real1, real2, synthetic1, synthetic2, CorrelationCoefficient.Spearman);
                AssertClose(Number(spearman.GetProperty("score")), result.Score, $"{context} Spearman score");
                AssertClose(Number(spearman.GetProperty("real")), result.Real, $"{context} Spearman real");
                AssertClose(Number(spearman.GetProperty("synthetic")), result.Synthetic, $"{context} Spearman synthetic");
            }

            // SDMetrics 0.29's standalone metric fails on datetime columns with UFuncTypeError, so the golden files
            // hold NaN there. This port bins datetimes like numbers, so it is checked only where SDMetrics had a score.
            if (expected.TryGetProperty("standalone_metric", out JsonElement standalone) && !standalone.TryGetProperty("error", out _))
            {
                double score = ContingencySimilarity.Compute(real1, real2, synthetic1, synthetic2, ContingencyBinning.RealEdges);
                AssertClose(Number(standalone.GetProperty("score")), score, $"{context} standalone");
            }
        }
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void QualityScores_MatchGoldenInBothModes(string caseName)
    {
        GoldenCase golden = GoldenCase.Load(caseName);
        QualityReportResult report = QualityReport.Compute(golden.Real, golden.Synthetic, golden.Metadata);
        JsonElement expected = golden.Expected.GetProperty("quality_report");

        JsonElement strong = expected.GetProperty("default");
        AssertClose(Number(strong.GetProperty("overall_score")), report.StrongPairsOnly.Overall, $"{caseName} default overall");
        AssertClose(Number(strong.GetProperty("column_shapes")), report.StrongPairsOnly.ColumnShapes, $"{caseName} default shapes");
        AssertClose(Number(strong.GetProperty("column_pair_trends")), report.StrongPairsOnly.ColumnPairTrends, $"{caseName} default pair trends");
        Assert.Equal(strong.GetProperty("num_pairs_kept").GetInt32(), report.StrongPairsOnly.PairsCounted);
        string[] expectedKept = strong.GetProperty("pairs_kept").EnumerateArray().Select(p => $"{p[0].GetString()}|{p[1].GetString()}").ToArray();
        string[] actualKept = report.ColumnPairs.Where(p => p.IsStrong).Select(p => $"{p.Column1}|{p.Column2}").ToArray();
        Assert.Equal(expectedKept, actualKept);

        JsonElement all = expected.GetProperty("all_pairs");
        AssertClose(Number(all.GetProperty("overall_score")), report.AllPairs.Overall, $"{caseName} all-pairs overall");
        AssertClose(Number(all.GetProperty("column_shapes")), report.AllPairs.ColumnShapes, $"{caseName} all-pairs shapes");
        AssertClose(Number(all.GetProperty("column_pair_trends")), report.AllPairs.ColumnPairTrends, $"{caseName} all-pairs pair trends");
        Assert.Equal(all.GetProperty("num_pairs_scored").GetInt32(), report.AllPairs.PairsCounted);
    }

    [Fact]
    public void AdultSample_HeadlineNumbers()
    {
        QualityReportResult report = QualityReport.Compute(GoldenCase.Load("adult-sample").Real, GoldenCase.Load("adult-sample").Synthetic, GoldenCase.Load("adult-sample").Metadata);

        AssertClose(0.7096666667523834, report.StrongPairsOnly.Overall, "default overall");
        AssertClose(0.6463, report.StrongPairsOnly.ColumnPairTrends, "default pair trends");
        AssertClose(0.7467899204656578, report.AllPairs.Overall, "all-pairs overall");
        Assert.Equal(15, report.StrongPairsOnly.PairsCounted);
        Assert.Equal(105, report.AllPairs.PairsCounted);
    }
}
