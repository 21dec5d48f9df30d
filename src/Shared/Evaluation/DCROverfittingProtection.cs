using SyntheticData.Evaluation.Internal;
using SyntheticData.Tabular;

namespace SyntheticData.Evaluation;

/// <summary>
/// DCROverfittingProtection (SDMetrics 0.29): whether synthetic rows sit closer to the rows the synthesizer trained
/// on than to real rows it never saw. Needs a holdout that was not used in training; 1 means no sign of overfitting.
/// </summary>
public static class DCROverfittingProtection
{
    /// <summary>Scores <paramref name="synthetic"/> against the training rows and the holdout rows.</summary>
    public static DcrOverfittingResult Compute(Table training, Table synthetic, Table holdout, EvaluationMetadata metadata, PrivacyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(metadata);
        options ??= PrivacyOptions.Default;
        IReadOnlyList<ColumnMetadata> columns = metadata.ModelableColumns;
        MetricColumn[] trainingColumns = MetricTables.Convert(training, columns, "training");
        MetricColumn[] holdoutColumns = MetricTables.Convert(holdout, columns, "holdout");
        MetricColumn[] syntheticColumns = RowSample.Take(MetricTables.Convert(synthetic, columns, "synthetic"), options.MaxSyntheticRows, options.Seed);

        double[] toTraining = DistanceToClosestRecord.Compute(syntheticColumns, trainingColumns);
        double[] toHoldout = DistanceToClosestRecord.Compute(syntheticColumns, holdoutColumns);
        int closer = 0;
        int tied = 0;
        for (int row = 0; row < toTraining.Length; row++)
        {
            // Strictly closer only: ties count as closer to the holdout, as in SDMetrics.
            if (toTraining[row] < toHoldout[row])
            {
                closer++;
            }
            else if (toTraining[row] == toHoldout[row])
            {
                tied++;
            }
        }

        double share = toTraining.Length == 0 ? double.NaN : (double)closer / toTraining.Length;
        double score = Math.Min(2.0 * (1.0 - share), 1.0);
        return new DcrOverfittingResult(
            score,
            share,
            closer,
            tied,
            DistanceToClosestRecord.Median(toTraining),
            DistanceToClosestRecord.Median(toHoldout),
            toTraining.Length);
    }
}
