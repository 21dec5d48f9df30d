using SyntheticData.Evaluation.Internal;
using SyntheticData.Tabular;

namespace SyntheticData.Evaluation;

/// <summary>
/// Distance to closest record (DCR), as SDMetrics 0.29 defines it: for each target row, the minimum over reference
/// rows of the mean per-column distance over the modelable columns.
/// </summary>
/// <remarks>
/// Per-column distance: numeric |a - b| / (reference max - min), capped at 1, or 0/1 for equal/unequal when the
/// reference range is 0; discrete 0 when equal, else 1; null against null 0; null against a value 1. The range
/// always comes from the reference table. Rows are compared in parallel chunks with SIMD.
/// </remarks>
public static class DistanceToClosestRecord
{
    /// <summary>Returns one DCR per row of <paramref name="target"/>, measured against <paramref name="reference"/>.</summary>
    public static double[] Compute(Table target, Table reference, EvaluationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(metadata);
        IReadOnlyList<ColumnMetadata> columns = metadata.ModelableColumns;
        return Compute(MetricTables.Convert(target, columns, "target"), MetricTables.Convert(reference, columns, "reference"));
    }

    /// <summary>Returns one DCR per target row; both lists hold the same columns in the same order.</summary>
    public static double[] Compute(IReadOnlyList<MetricColumn> target, IReadOnlyList<MetricColumn> reference)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(reference);
        if (target.Count != reference.Count)
        {
            throw new ArgumentException($"The target has {target.Count} columns but the reference has {reference.Count}.", nameof(reference));
        }

        return new DistanceKernel([.. target], [.. reference]).ClosestDistances();
    }

    /// <summary>Returns the median as pandas computes it: the mean of the two middle values for an even count; NaN when empty.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] sorted = values.Where(v => !double.IsNaN(v)).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(sorted);
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
