using SyntheticData.Evaluation.Internal;

namespace SyntheticData.Evaluation;

/// <summary>
/// ContingencySimilarity: 1 - 1/2 * sum over joint cells of |real share - synthetic share| for a pair of columns,
/// with null as a category of its own and numerical or datetime columns cut into 10 bins first (SDMetrics 0.29).
/// </summary>
public static class ContingencySimilarity
{
    /// <summary>Computes the score; <paramref name="binning"/> picks the quality report's or the standalone metric's bins.</summary>
    public static double Compute(
        MetricColumn real1,
        MetricColumn real2,
        MetricColumn synthetic1,
        MetricColumn synthetic2,
        ContingencyBinning binning = ContingencyBinning.PerTable)
    {
        ArgumentNullException.ThrowIfNull(real1);
        ArgumentNullException.ThrowIfNull(real2);
        ArgumentNullException.ThrowIfNull(synthetic1);
        ArgumentNullException.ThrowIfNull(synthetic2);
        (CodedColumn codedReal1, CodedColumn codedSynthetic1) = Code(real1, synthetic1, binning);
        (CodedColumn codedReal2, CodedColumn codedSynthetic2) = Code(real2, synthetic2, binning);
        return Score(codedReal1, codedReal2, codedSynthetic1, codedSynthetic2);
    }

    /// <summary>Computes Cramér's V of a pair in one table, binned the quality report's way; NaN when either column has fewer than 2 distinct codes.</summary>
    public static double CramersV(MetricColumn column1, MetricColumn column2)
    {
        ArgumentNullException.ThrowIfNull(column1);
        ArgumentNullException.ThrowIfNull(column2);
        (CodedColumn coded1, _) = Code(column1, column1, ContingencyBinning.PerTable);
        (CodedColumn coded2, _) = Code(column2, column2, ContingencyBinning.PerTable);
        return new JointCounts(coded1, coded2).CramersV();
    }

    internal static double Score(CodedColumn real1, CodedColumn real2, CodedColumn synthetic1, CodedColumn synthetic2) =>
        new JointCounts(real1, real2).SimilarityTo(new JointCounts(synthetic1, synthetic2));

    internal static (CodedColumn Real, CodedColumn Synthetic) Code(MetricColumn real, MetricColumn synthetic, ContingencyBinning binning)
    {
        if (real.Labels is not null && synthetic.Labels is not null)
        {
            return CodedColumn.FromLabels(real.Labels, synthetic.Labels);
        }

        if (real.Numbers is not null && synthetic.Numbers is not null)
        {
            return binning == ContingencyBinning.PerTable
                ? (CodedColumn.BinPerTable(real.Numbers), CodedColumn.BinPerTable(synthetic.Numbers))
                : CodedColumn.BinOnRealEdges(real.Numbers, synthetic.Numbers);
        }

        throw new ArgumentException($"Column '{real.Name}' is {real.SdType} in real data but {synthetic.SdType} in synthetic data.", nameof(synthetic));
    }
}
