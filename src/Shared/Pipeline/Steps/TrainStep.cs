using System.Diagnostics;
using SyntheticData.Pipeline.Storage;
using SyntheticData.Synthesis;
using SyntheticData.Tabular;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Fits a synthesizer on the training part and stores the model file, which contains fitted parameters and
/// no training rows, so that sampling can run in another process.
/// </summary>
public sealed class TrainStep
{
    /// <summary>The step's name in manifests and logs.</summary>
    public const string Name = "train";

    private readonly SynthesizerFactory _factory;

    /// <summary>Creates the step with the synthesizers registered in <paramref name="factory"/>.</summary>
    public TrainStep(SynthesizerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _factory = factory;
    }

    /// <summary>Runs the step.</summary>
    public async Task<TrainResult> RunAsync(StepContext context, TrainRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        TableReadResult training = await TableObjects.ReadAsync(context, request.Training, cancellationToken: cancellationToken).ConfigureAwait(false);
        ISynthesizer synthesizer = _factory.Create(request.Synthesizer);
        var options = new SynthesisOptions
        {
            Seed = request.Seed,
            SensitiveColumns = request.SensitiveColumns,
            IdentifierHandling = request.IdentifierHandling,
        };

        var progress = context.Progress is null
            ? null
            : new Progress<TrainingProgress>(update => context.Progress.Report(
                new StepProgress(Name, update.Completed, update.Total, update.Stage, FormatLosses(update))));
        var watch = Stopwatch.StartNew();
        synthesizer.Fit(training.Table, options, progress, cancellationToken);
        double seconds = watch.Elapsed.TotalSeconds;

        string modelPath = context.ScratchPath("model.synmodel");
        await using (var file = new FileStream(modelPath, FileMode.CreateNew, FileAccess.Write))
        {
            synthesizer.Save(file);
        }

        var model = new ObjectReference(context.Buckets.Work, $"{request.RunId}/model.synmodel");
        await context.Store.UploadAsync(modelPath, model, cancellationToken).ConfigureAwait(false);
        context.Metrics.Record("FitSeconds", seconds, "Seconds");
        return new TrainResult(model, synthesizer.Warnings.Select(warning => $"{warning.Column}: {warning.Message}").ToArray(), seconds);
    }

    private static string? FormatLosses(TrainingProgress update) =>
        update.Losses is { Count: > 0 } losses
            ? string.Join(", ", losses.Select(loss => $"{loss.Key} {loss.Value:0.000}"))
            : null;
}
