using SyntheticData.Pipeline.Storage;
using SyntheticData.Tabular;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Splits the anonymized dataset into a training part and a holdout part that the synthesizer never
/// trains on, so that the privacy evaluation can tell memorisation from generalisation. Streams, so memory
/// does not grow with the file.
/// </summary>
public static class SplitHoldoutStep
{
    /// <summary>The step's name in manifests and logs.</summary>
    public const string Name = "split-holdout";

    /// <summary>Runs the step.</summary>
    public static async Task<SplitHoldoutResult> RunAsync(StepContext context, SplitHoldoutRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        if (request.HoldoutFraction is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.HoldoutFraction, "HoldoutFraction must be between 0 and 1, exclusive.");
        }

        string input = await context.Store.DownloadAsync(request.Dataset, context.ScratchPath("dataset.csv"), cancellationToken).ConfigureAwait(false);
        string trainingPath = context.ScratchPath("training.csv");
        string holdoutPath = context.ScratchPath("holdout.csv");

        // One seeded draw per row keeps the split reproducible and independent of file size.
        var random = new Random(request.Seed);
        long trainingRows = 0;
        long holdoutRows = 0;
        using (IRecordReader reader = RecordReaderFactory.Open(input))
        using (var training = new CsvRecordWriter(trainingPath, reader.Header))
        using (var holdout = new CsvRecordWriter(holdoutPath, reader.Header))
        {
            var fields = new string?[reader.FieldCount];
            while (reader.ReadNext())
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (int i = 0; i < fields.Length; i++)
                {
                    fields[i] = reader.GetString(i);
                }

                if (random.NextDouble() < request.HoldoutFraction)
                {
                    holdout.WriteRecord(fields);
                    holdoutRows++;
                }
                else
                {
                    training.WriteRecord(fields);
                    trainingRows++;
                }
            }

            training.Commit();
            holdout.Commit();
        }

        if (trainingRows == 0 || holdoutRows == 0)
        {
            throw new StepFailedException(
                Name,
                $"The dataset has {trainingRows + holdoutRows} rows, too few to keep both a training part and a holdout part.",
                isGateFailure: false);
        }

        var trainingReference = new ObjectReference(context.Buckets.Work, $"{request.RunId}/training.csv");
        var holdoutReference = new ObjectReference(context.Buckets.Work, $"{request.RunId}/holdout.csv");
        await context.Store.UploadAsync(trainingPath, trainingReference, cancellationToken).ConfigureAwait(false);
        await context.Store.UploadAsync(holdoutPath, holdoutReference, cancellationToken).ConfigureAwait(false);
        context.Metrics.Record("TrainingRows", trainingRows, "Count");
        context.Metrics.Record("HoldoutRows", holdoutRows, "Count");
        return new SplitHoldoutResult(trainingReference, holdoutReference, trainingRows, holdoutRows);
    }
}
