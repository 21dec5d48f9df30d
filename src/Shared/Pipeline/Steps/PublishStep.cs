using SyntheticData.Pipeline.Runs;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Commits vetted outputs from the work area to the curated buckets. Each copy is atomic, so a
/// consumer never reads a partial object, and items are committed in the order given.
/// </summary>
public static class PublishStep
{
    /// <summary>The step's name in manifests and logs.</summary>
    public const string Name = "publish";

    /// <summary>Copies each item and returns the committed objects with their hashes.</summary>
    public static async Task<IReadOnlyList<HashedObject>> RunAsync(StepContext context, PublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var committed = new List<HashedObject>(request.Items.Count);
        foreach (PublishItem item in request.Items)
        {
            if (item.Destination.Bucket == context.Buckets.Landing)
            {
                throw new ArgumentException($"Publishing to the landing bucket is not allowed ({item.Destination}): writes there would trigger the pipeline again.", nameof(request));
            }

            await context.Store.CopyAsync(item.Source, item.Destination, cancellationToken).ConfigureAwait(false);
            committed.Add(await ObjectHashing.HashAsync(context.Store, item.Destination, cancellationToken).ConfigureAwait(false));
        }

        context.Metrics.Record("PublishedObjects", committed.Count, "Count");
        return committed;
    }
}
