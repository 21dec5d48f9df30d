using SyntheticData.Evaluation.Internal;
using SyntheticData.Tabular;

namespace SyntheticData.Evaluation;

/// <summary>
/// DCRBaselineProtection (SDMetrics 0.29): how far synthetic rows sit from real rows compared with rows drawn
/// uniformly at random from each real column's range or categories. 1 means at least as far as random data.
/// </summary>
public static class DCRBaselineProtection
{
    /// <summary>Scores <paramref name="synthetic"/> against <paramref name="real"/>, drawing the random rows with <see cref="PrivacyOptions.Seed"/>.</summary>
    public static DcrBaselineResult Compute(Table real, Table synthetic, EvaluationMetadata metadata, PrivacyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(metadata);
        options ??= PrivacyOptions.Default;
        IReadOnlyList<ColumnMetadata> columns = metadata.ModelableColumns;
        MetricColumn[] realColumns = MetricTables.Convert(real, columns, "real");
        MetricColumn[] syntheticColumns = RowSample.Take(MetricTables.Convert(synthetic, columns, "synthetic"), options.MaxSyntheticRows, options.Seed);
        int rows = syntheticColumns.Length == 0 ? 0 : syntheticColumns[0].Length;
        MetricColumn[] randomColumns = RandomBaselineTable.Draw(realColumns, rows, new Random(options.Seed));
        return Score(realColumns, syntheticColumns, randomColumns);
    }

    /// <summary>
    /// Scores with a given random table instead of drawing one, so that a table drawn elsewhere (for example by
    /// SDMetrics with numpy's generator) can be checked. No sampling is applied.
    /// </summary>
    public static DcrBaselineResult Compute(Table real, Table synthetic, Table randomRows, EvaluationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(randomRows);
        ArgumentNullException.ThrowIfNull(metadata);
        IReadOnlyList<ColumnMetadata> columns = metadata.ModelableColumns;
        return Score(
            MetricTables.Convert(real, columns, "real"),
            MetricTables.Convert(synthetic, columns, "synthetic"),
            MetricTables.Convert(randomRows, columns, "random"));
    }

    private static DcrBaselineResult Score(MetricColumn[] real, MetricColumn[] synthetic, MetricColumn[] random)
    {
        double medianSynthetic = DistanceToClosestRecord.Median(DistanceToClosestRecord.Compute(synthetic, real));
        double medianRandom = DistanceToClosestRecord.Median(DistanceToClosestRecord.Compute(random, real));
        double score = medianRandom == 0 ? double.NaN : Math.Min(medianSynthetic / medianRandom, 1.0);
        int rows = synthetic.Length == 0 ? 0 : synthetic[0].Length;
        return new DcrBaselineResult(score, medianSynthetic, medianRandom, rows);
    }
}
