using SyntheticData.Evaluation.Internal;
using SyntheticData.Tabular;

namespace SyntheticData.Evaluation;

/// <summary>
/// The SDMetrics single-table quality report: Column Shapes (KSComplement, TVComplement) and Column Pair Trends
/// (CorrelationSimilarity with Pearson's r, ContingencySimilarity), reported with and without the weak-pair threshold.
/// </summary>
public static class QualityReport
{
    /// <summary>The note given for a column that has no value in the real data.</summary>
    public const string AllNullNote = "all null";

    /// <summary>Scores <paramref name="synthetic"/> against <paramref name="real"/> over the metadata's modelable columns.</summary>
    /// <exception cref="EvaluationException">A metadata column is missing from a table or cannot be converted to its sdtype.</exception>
    public static QualityReportResult Compute(Table real, Table synthetic, EvaluationMetadata metadata, QualityReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(metadata);
        options ??= QualityReportOptions.Default;

        IReadOnlyList<ColumnMetadata> columns = metadata.ModelableColumns;
        MetricColumn[] realColumns = MetricTables.Convert(real, columns, "real");
        MetricColumn[] syntheticColumns = MetricTables.Convert(synthetic, columns, "synthetic");
        bool[] allNull = realColumns.Select(IsAllNull).ToArray();

        var shapes = new ColumnShapeScore[columns.Count];
        Parallel.For(0, columns.Count, i => shapes[i] = ScoreShape(realColumns[i], syntheticColumns[i], allNull[i]));

        var coded = new (CodedColumn Real, CodedColumn Synthetic)[columns.Count];
        Parallel.For(0, columns.Count, i =>
            coded[i] = ContingencySimilarity.Code(realColumns[i], syntheticColumns[i], ContingencyBinning.PerTable));

        var pairIndices = new List<(int First, int Second)>();
        for (int i = 0; i < columns.Count; i++)
        {
            for (int j = i + 1; j < columns.Count; j++)
            {
                pairIndices.Add((i, j));
            }
        }

        var pairs = new ColumnPairScore[pairIndices.Count];
        Parallel.For(0, pairIndices.Count, p =>
        {
            (int i, int j) = pairIndices[p];
            pairs[p] = allNull[i] || allNull[j]
                ? SkippedPair(realColumns[i], realColumns[j])
                : ScorePair(realColumns[i], realColumns[j], syntheticColumns[i], syntheticColumns[j], coded[i], coded[j], options);
        });

        return new QualityReportResult(
            shapes,
            pairs,
            Summarize(shapes, pairs, PairTrendsMode.StrongPairsOnly, options),
            Summarize(shapes, pairs, PairTrendsMode.AllPairs, options),
            options);
    }

    /// <summary>Returns the label that reports print beside a score of the given mode.</summary>
    public static string DescribeMode(PairTrendsMode mode, QualityReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return mode == PairTrendsMode.AllPairs
            ? "all pairs (SDMetrics before 0.27)"
            : $"strong pairs only: real |r| > {options.RealCorrelationThreshold} or Cramér's V > {options.RealAssociationThreshold} (SDMetrics 0.27+)";
    }

    private static ColumnShapeScore ScoreShape(MetricColumn real, MetricColumn synthetic, bool allNull)
    {
        if (real.IsContinuous)
        {
            double adherence = BoundaryAdherence.Compute(real, synthetic);
            if (allNull)
            {
                return new ColumnShapeScore(real.Name, real.SdType, "KSComplement", double.NaN, "BoundaryAdherence", adherence, AllNullNote);
            }

            double score = KSComplement.Compute(real, synthetic);
            string? note = double.IsNaN(score) ? "all null in synthetic data" : null;
            return new ColumnShapeScore(real.Name, real.SdType, "KSComplement", score, "BoundaryAdherence", adherence, note);
        }

        double categoryAdherence = CategoryAdherence.Compute(real, synthetic);
        if (allNull)
        {
            return new ColumnShapeScore(real.Name, real.SdType, "TVComplement", double.NaN, "CategoryAdherence", categoryAdherence, AllNullNote);
        }

        try
        {
            double score = TVComplement.Compute(real, synthetic);
            return new ColumnShapeScore(real.Name, real.SdType, "TVComplement", score, "CategoryAdherence", categoryAdherence, null);
        }
        catch (IncomputableMetricException exception)
        {
            return new ColumnShapeScore(real.Name, real.SdType, "TVComplement", double.NaN, "CategoryAdherence", categoryAdherence, exception.Message);
        }
    }

    private static ColumnPairScore SkippedPair(MetricColumn first, MetricColumn second)
    {
        string metric = first.IsContinuous && second.IsContinuous ? "CorrelationSimilarity" : "ContingencySimilarity";
        return new ColumnPairScore(first.Name, second.Name, metric, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, false, AllNullNote);
    }

    private static ColumnPairScore ScorePair(
        MetricColumn real1,
        MetricColumn real2,
        MetricColumn synthetic1,
        MetricColumn synthetic2,
        (CodedColumn Real, CodedColumn Synthetic) coded1,
        (CodedColumn Real, CodedColumn Synthetic) coded2,
        QualityReportOptions options)
    {
        if (real1.IsContinuous && real2.IsContinuous)
        {
            try
            {
                CorrelationSimilarityResult result = CorrelationSimilarity.Compute(real1, real2, synthetic1, synthetic2);
                bool strong = Math.Abs(result.Real) > options.RealCorrelationThreshold;
                return new ColumnPairScore(real1.Name, real2.Name, "CorrelationSimilarity", result.Score, result.Real, result.Synthetic, double.NaN, double.NaN, strong, null);
            }
            catch (IncomputableMetricException exception)
            {
                return new ColumnPairScore(real1.Name, real2.Name, "CorrelationSimilarity", double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, false, exception.Message);
            }
        }

        var realCounts = new JointCounts(coded1.Real, coded2.Real);
        var syntheticCounts = new JointCounts(coded1.Synthetic, coded2.Synthetic);
        double score = realCounts.SimilarityTo(syntheticCounts);
        double realAssociation = realCounts.CramersV();
        double syntheticAssociation = syntheticCounts.CramersV();

        // NaN > threshold is false, so a pair whose real V is undefined is never counted, as in SDMetrics.
        bool isStrong = realAssociation > options.RealAssociationThreshold;
        return new ColumnPairScore(real1.Name, real2.Name, "ContingencySimilarity", score, double.NaN, double.NaN, realAssociation, syntheticAssociation, isStrong, null);
    }

    private static QualityScore Summarize(ColumnShapeScore[] shapes, ColumnPairScore[] pairs, PairTrendsMode mode, QualityReportOptions options)
    {
        double columnShapes = MeanSkippingNaN(shapes.Select(s => s.Score));
        double[] counted = pairs
            .Where(p => mode == PairTrendsMode.AllPairs || p.IsStrong)
            .Select(p => p.Score)
            .Where(score => !double.IsNaN(score))
            .ToArray();
        double pairTrends = counted.Length == 0 ? double.NaN : counted.Average();
        double overall = MeanSkippingNaN([columnShapes, pairTrends]);
        return new QualityScore(mode, DescribeMode(mode, options), columnShapes, pairTrends, overall, counted.Length);
    }

    internal static double MeanSkippingNaN(IEnumerable<double> values)
    {
        double sum = 0;
        int count = 0;
        foreach (double value in values)
        {
            if (!double.IsNaN(value))
            {
                sum += value;
                count++;
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }

    private static bool IsAllNull(MetricColumn column) =>
        column.Numbers is { } numbers ? numbers.All(double.IsNaN) : column.Labels!.All(label => label is null);
}
