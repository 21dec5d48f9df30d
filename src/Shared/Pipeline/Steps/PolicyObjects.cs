using System.Text;
using SyntheticData.Pipeline.Storage;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Loads and stores dataset policies as objects.
/// </summary>
public static class PolicyObjects
{
    /// <summary>Reads and validates the policy object.</summary>
    /// <exception cref="PolicyException">The policy is invalid; the message names the location.</exception>
    public static async Task<DatasetPolicy> ReadAsync(StepContext context, ObjectReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using Stream content = await context.Store.OpenReadAsync(reference, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(content, Encoding.UTF8);
        string json = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return PolicyReader.Parse(json, reference.ToString());
    }

    /// <summary>Writes the policy as JSON to <paramref name="destination"/>.</summary>
    public static async Task WriteAsync(StepContext context, DatasetPolicy policy, ObjectReference destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        byte[] json = Encoding.UTF8.GetBytes(PolicyWriter.ToJson(policy));
        await context.Store.PutAsync(destination, new MemoryStream(json), cancellationToken).ConfigureAwait(false);
    }
}
