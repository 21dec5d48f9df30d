using System.Diagnostics;
using SyntheticData.Pipeline.Storage;
using SyntheticData.Synthesis;
using SyntheticData.Tabular;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Loads a model file and draws synthetic rows into the work area; nothing is published until the
/// evaluation gates pass.
/// </summary>
public sealed class SampleStep
{
    /// <summary>The step's name in manifests and logs.</summary>
    public const string Name = "sample";

    private readonly SynthesizerFactory _factory;

    /// <summary>Creates the step with the synthesizers that <paramref name="factory"/> can load.</summary>
    public SampleStep(SynthesizerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _factory = factory;
    }

    /// <summary>Runs the step.</summary>
    public async Task<SampleResult> RunAsync(StepContext context, SampleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Rows, nameof(request));
        ISynthesizer synthesizer;
        await using (Stream model = await context.Store.OpenReadAsync(request.Model, cancellationToken).ConfigureAwait(false))
        {
            synthesizer = _factory.Load(model);
        }

        var watch = Stopwatch.StartNew();
        Table synthetic = synthesizer.Sample(request.Rows, request.Seed, cancellationToken);
        double seconds = watch.Elapsed.TotalSeconds;
        var destination = new ObjectReference(context.Buckets.Work, $"{request.RunId}/synthetic.csv");
        await TableObjects.WriteAsync(context, synthetic, destination, cancellationToken).ConfigureAwait(false);
        context.Metrics.Record("SyntheticRows", synthetic.RowCount, "Count");
        context.Metrics.Record("SampleSeconds", seconds, "Seconds");
        return new SampleResult(destination, synthetic.RowCount, seconds);
    }
}
