using System.Text;
using System.Text.Json;
using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Moves the outputs of a failed run into the quarantine bucket with a reason object beside them, so
/// nothing unvetted is published and a reviewer can see what failed. Sources are copied, never deleted:
/// the landing extract stays where it was.
/// </summary>
public static class QuarantineStep
{
    /// <summary>The step's name in manifests and logs.</summary>
    public const string Name = "quarantine";

    private static readonly QuarantineJsonContext ReasonJson = new(new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

    /// <summary>Copies each object to <c>quarantine/&lt;run&gt;/</c>, writes <c>reason.json</c> and returns the new references.</summary>
    public static async Task<IReadOnlyList<ObjectReference>> RunAsync(StepContext context, QuarantineRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var moved = new List<ObjectReference>();
        foreach (ObjectReference source in request.Objects)
        {
            if (await context.Store.GetMetadataAsync(source, cancellationToken).ConfigureAwait(false) is null)
            {
                continue;
            }

            var destination = new ObjectReference(context.Buckets.Quarantine, $"{request.RunId}/{source.Bucket}/{source.Key}");
            await context.Store.CopyAsync(source, destination, cancellationToken).ConfigureAwait(false);
            if (source.Bucket == context.Buckets.Work)
            {
                await context.Store.DeleteAsync(source, cancellationToken).ConfigureAwait(false);
            }

            moved.Add(destination);
        }

        var reason = new QuarantineReason(
            request.RunId,
            request.FailedStep,
            request.IsGateFailure ? "gate-failed" : "error",
            request.Reason,
            context.Time.GetUtcNow(),
            moved.Select(reference => reference.ToString()).ToArray());
        var reasonReference = new ObjectReference(context.Buckets.Quarantine, $"{request.RunId}/reason.json");
        byte[] content = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(reason, ReasonJson.QuarantineReason));
        await context.Store.PutAsync(reasonReference, new MemoryStream(content), cancellationToken).ConfigureAwait(false);
        moved.Add(reasonReference);
        return moved;
    }
}
