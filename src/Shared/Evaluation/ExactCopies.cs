using SyntheticData.Evaluation.Internal;
using SyntheticData.Tabular;

namespace SyntheticData.Evaluation;

/// <summary>
/// Finds synthetic rows that equal a real row exactly on every modelable column, nulls matching nulls.
/// </summary>
public static class ExactCopies
{
    /// <summary>Returns the 0-based indices of the synthetic rows that copy a real row, ascending.</summary>
    public static int[] Find(Table real, Table synthetic, EvaluationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(metadata);
        IReadOnlyList<ColumnMetadata> columns = metadata.ModelableColumns;
        var matcher = new RowMatcher(MetricTables.Convert(real, columns, "real"), tolerance: 0);
        return matcher.MatchedRows(MetricTables.Convert(synthetic, columns, "synthetic"));
    }

    /// <summary>Returns the share of synthetic rows that copy a real row; 0 for an empty synthetic table.</summary>
    public static double Rate(Table real, Table synthetic, EvaluationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(synthetic);
        return synthetic.RowCount == 0 ? 0 : (double)Find(real, synthetic, metadata).Length / synthetic.RowCount;
    }

    /// <summary>Returns the synthetic table without the rows that copy a real row exactly; row order is kept.</summary>
    public static Table Remove(Table real, Table synthetic, EvaluationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(synthetic);
        var copies = new HashSet<int>(Find(real, synthetic, metadata));
        int[] kept = Enumerable.Range(0, synthetic.RowCount).Where(row => !copies.Contains(row)).ToArray();
        return TableRows.Select(synthetic, kept);
    }
}
