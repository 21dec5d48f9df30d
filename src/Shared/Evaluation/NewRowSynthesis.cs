using SyntheticData.Evaluation.Internal;
using SyntheticData.Tabular;

namespace SyntheticData.Evaluation;

/// <summary>
/// NewRowSynthesis (SDMetrics 0.29): the share of synthetic rows that copy no real row. A synthetic row matches a real
/// row when every modelable column agrees: discrete values are equal, nulls meet nulls, and numbers lie within a
/// tolerance relative to the synthetic value. So 0 needs an exact match, and at 1% a 2021 date in nanoseconds
/// tolerates about half a year.
/// </summary>
public static class NewRowSynthesis
{
    /// <summary>Computes the score over every synthetic row, with <see cref="PrivacyOptions.NumericalMatchTolerance"/>.</summary>
    public static NewRowSynthesisResult Compute(Table real, Table synthetic, EvaluationMetadata metadata, PrivacyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(metadata);
        options ??= PrivacyOptions.Default;
        IReadOnlyList<ColumnMetadata> columns = metadata.ModelableColumns;
        MetricColumn[] syntheticColumns = MetricTables.Convert(synthetic, columns, "synthetic");
        var matcher = new RowMatcher(MetricTables.Convert(real, columns, "real"), options.NumericalMatchTolerance);
        int[] matched = matcher.MatchedRows(syntheticColumns);
        int rows = synthetic.RowCount;
        double score = rows == 0 ? double.NaN : (double)(rows - matched.Length) / rows;
        return new NewRowSynthesisResult(score, rows - matched.Length, matched.Length, matched);
    }
}
