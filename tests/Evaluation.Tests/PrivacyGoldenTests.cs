using System.Globalization;
using System.Text.Json;
using SyntheticData.Evaluation.Tests.Internal;
using static SyntheticData.Evaluation.Tests.Internal.GoldenCase;

namespace SyntheticData.Evaluation.Tests;

/// <summary>
/// Checks the privacy metrics against the SDMetrics 0.29 golden cases: per-row DCRs, both DCR protections and
/// NewRowSynthesis.
/// </summary>
public sealed class PrivacyGoldenTests
{
    private static readonly PrivacyOptions NoSampling = new() { MaxSyntheticRows = null };

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void DcrPerRow_MatchesGolden(string caseName)
    {
        GoldenCase golden = GoldenCase.Load(caseName);
        double[] toReal = DistanceToClosestRecord.Compute(golden.Synthetic, golden.Real, golden.Metadata);
        double[] toHoldout = DistanceToClosestRecord.Compute(golden.Synthetic, golden.Holdout, golden.Metadata);
        double[] randomToReal = DistanceToClosestRecord.Compute(golden.RandomBaseline, golden.Real, golden.Metadata);

        (_, List<string?[]> rows) = CsvText.Read(golden.CsvPath("dcr_per_row.csv"));
        Assert.Equal(rows.Count, toReal.Length);
        for (int row = 0; row < rows.Count; row++)
        {
            AssertClose(Parse(rows[row][1]), toReal[row], $"{caseName} row {row} DCR to real");
            AssertClose(Parse(rows[row][2]), toHoldout[row], $"{caseName} row {row} DCR to holdout");
            AssertClose(Parse(rows[row][3]), randomToReal[row], $"{caseName} row {row} random DCR to real");
        }
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void DcrBaselineProtection_MatchesGoldenWithRecordedRandomRows(string caseName)
    {
        GoldenCase golden = GoldenCase.Load(caseName);
        JsonElement expected = golden.Expected.GetProperty("DCRBaselineProtection");

        DcrBaselineResult result = DCRBaselineProtection.Compute(golden.Real, golden.Synthetic, golden.RandomBaseline, golden.Metadata);

        AssertClose(Number(expected.GetProperty("score")), result.Score, $"{caseName} score");
        AssertClose(Number(expected.GetProperty("median_DCR_to_real_data").GetProperty("synthetic_data")), result.MedianSyntheticToReal, $"{caseName} synthetic median");
        AssertClose(Number(expected.GetProperty("median_DCR_to_real_data").GetProperty("random_data_baseline")), result.MedianRandomToReal, $"{caseName} random median");
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void DcrOverfittingProtection_MatchesGolden(string caseName)
    {
        GoldenCase golden = GoldenCase.Load(caseName);
        JsonElement expected = golden.Expected.GetProperty("DCROverfittingProtection");

        DcrOverfittingResult result = DCROverfittingProtection.Compute(golden.Real, golden.Synthetic, golden.Holdout, golden.Metadata, NoSampling);

        AssertClose(Number(expected.GetProperty("score")), result.Score, $"{caseName} score");
        AssertClose(Number(expected.GetProperty("synthetic_data_percentages").GetProperty("closer_to_training")), result.CloserToTraining, $"{caseName} closer share");
        Assert.Equal(expected.GetProperty("num_rows_closer_to_training").GetInt32(), result.RowsCloserToTraining);
        Assert.Equal(expected.GetProperty("num_rows_tied").GetInt32(), result.RowsTied);
        AssertClose(Number(expected.GetProperty("median_DCR_synthetic_to_real")), result.MedianSyntheticToTraining, $"{caseName} training median");
        AssertClose(Number(expected.GetProperty("median_DCR_synthetic_to_holdout")), result.MedianSyntheticToHoldout, $"{caseName} holdout median");
        Assert.Equal(golden.Synthetic.RowCount, result.SyntheticRowsScored);
    }

    [Theory]
    [MemberData(nameof(GoldenCase.Names), MemberType = typeof(GoldenCase))]
    public void NewRowSynthesis_MatchesGolden(string caseName)
    {
        GoldenCase golden = GoldenCase.Load(caseName);
        JsonElement expected = golden.Expected.GetProperty("NewRowSynthesis");

        NewRowSynthesisResult result = NewRowSynthesis.Compute(golden.Real, golden.Synthetic, golden.Metadata);

        AssertClose(Number(expected.GetProperty("score")), result.Score, $"{caseName} score");
        Assert.Equal(expected.GetProperty("num_new_rows").GetInt32(), result.NewRows);
        Assert.Equal(expected.GetProperty("num_matched_rows").GetInt32(), result.MatchedRows);
        Assert.Equal(expected.GetProperty("matched_synthetic_rows").EnumerateArray().Select(e => e.GetInt32()), result.MatchedSyntheticRows);
    }

    [Fact]
    public void ExactCopies_IgnoresNearCopy()
    {
        GoldenCase golden = GoldenCase.Load("small-mixed");

        int[] copies = ExactCopies.Find(golden.Real, golden.Synthetic, golden.Metadata);

        // Rows 0 and 8 copy real rows; row 1 is within NewRowSynthesis' 1% tolerance but is not an exact copy.
        Assert.Equal([0, 8], copies);
        Assert.Equal(2.0 / 12, ExactCopies.Rate(golden.Real, golden.Synthetic, golden.Metadata), 12);
    }

    [Fact]
    public void DcrBaselineProtection_SameSeedSameScore()
    {
        GoldenCase golden = GoldenCase.Load("adult-sample");
        var options = new PrivacyOptions { Seed = 7 };

        DcrBaselineResult first = DCRBaselineProtection.Compute(golden.Real, golden.Synthetic, golden.Metadata, options);
        DcrBaselineResult second = DCRBaselineProtection.Compute(golden.Real, golden.Synthetic, golden.Metadata, options);

        Assert.Equal(first, second);
        Assert.InRange(first.Score, 0.0, 1.0);

        // The recorded SDMetrics draw gives a random median of 0.397; a uniform draw of the same columns lands near it.
        Assert.InRange(first.MedianRandomToReal, 0.3, 0.5);
        AssertClose(0.17305377465332797, first.MedianSyntheticToReal, "synthetic median");
    }

    [Fact]
    public void DcrOverfittingProtection_SamplesLargeSyntheticTables()
    {
        GoldenCase golden = GoldenCase.Load("adult-sample");
        var options = new PrivacyOptions { MaxSyntheticRows = 500, Seed = 3 };

        DcrOverfittingResult result = DCROverfittingProtection.Compute(golden.Real, golden.Synthetic, golden.Holdout, golden.Metadata, options);

        Assert.Equal(500, result.SyntheticRowsScored);

        // The full table has 60.8% of rows closer to training; a 500-row sample lands within a few points.
        Assert.InRange(result.CloserToTraining, 0.54, 0.68);
    }

    private static double Parse(string? cell) => double.Parse(cell!, CultureInfo.InvariantCulture);
}
