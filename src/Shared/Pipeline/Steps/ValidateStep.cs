using SyntheticData.Pipeline.Anonymization;
using SyntheticData.Pipeline.Runs;
using SyntheticData.Pipeline.Storage;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Policies;
using SyntheticData.Tabular;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Checks an extract before anything else reads it: size, format, encoding, that every record has the
/// header's field count, and that the policy covers the header. With no policy it drafts one from
/// detection and stages it beside the run's outputs.
/// </summary>
public static class ValidateStep
{
    /// <summary>The step's name in manifests and logs.</summary>
    public const string Name = "validate";

    /// <summary>Runs the step.</summary>
    /// <exception cref="StepFailedException">The extract or the policy is invalid.</exception>
    public static async Task<ValidateResult> RunAsync(StepContext context, ValidateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        ObjectMetadata metadata = await context.Store.GetMetadataAsync(request.Extract, cancellationToken).ConfigureAwait(false)
            ?? throw new ObjectNotFoundException(request.Extract);
        if (metadata.Length == 0)
        {
            throw Reject($"Extract {request.Extract} is empty.");
        }

        if (metadata.Length > request.MaxBytes)
        {
            throw Reject($"Extract {request.Extract} has {metadata.Length} bytes, more than the limit of {request.MaxBytes}.");
        }

        string local = await context.Store.DownloadAsync(request.Extract, context.ScratchPath(Path.GetFileName(request.Extract.Key)), cancellationToken).ConfigureAwait(false);
        HashedObject extract = new(request.Extract, await ObjectHashing.HashFileAsync(local, cancellationToken).ConfigureAwait(false), metadata.Length);

        DatasetPolicy policy;
        bool drafted = request.Policy is null;
        ObjectReference policyReference;
        try
        {
            if (request.Policy is null)
            {
                policy = PolicyDrafting.Draft(local, new DatasetPolicy { Separator = PolicyDrafting.DefaultSeparator(local) });
                policyReference = new ObjectReference(context.Buckets.Work, $"{request.RunId}/policy.json");
                await PolicyObjects.WriteAsync(context, policy, policyReference, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                policy = await PolicyObjects.ReadAsync(context, request.Policy, cancellationToken).ConfigureAwait(false);
                policyReference = request.Policy;
            }
        }
        catch (PolicyException exception)
        {
            throw new StepFailedException(Name, exception.Message, isGateFailure: false, exception);
        }
        catch (DataFormatException exception)
        {
            throw new StepFailedException(Name, NameObject(exception.Message, local, request.Extract), isGateFailure: false, exception);
        }

        DataFormat format = RecordReaderFactory.DetectFormat(local);
        IReadOnlyList<string> header;
        long records = 0;
        try
        {
            using IRecordReader reader = RecordReaderFactory.Open(local, ExtractAnonymizer.ReadOptionsOf(policy));
            header = reader.Header;
            HeaderCheck.ThrowIfDataRecord(header, local, ExtractAnonymizer.ScannerOf(policy));
            while (reader.ReadNext())
            {
                records++;
                if ((records & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    context.Progress?.Report(new StepProgress(Name, reader.BytesRead, reader.TotalBytes ?? metadata.Length, "bytes"));
                }
            }
        }
        catch (DataFormatException exception)
        {
            throw new StepFailedException(Name, NameObject(exception.Message, local, request.Extract), isGateFailure: false, exception);
        }

        if (records == 0)
        {
            throw Reject($"Extract {request.Extract} has a header but no records.");
        }

        List<string> uncovered = header.Where(column => !policy.Columns.ContainsKey(column)).ToList();
        if (uncovered.Count > 0 && policy.UnlistedColumns == UnlistedColumnAction.Fail)
        {
            throw new StepFailedException(
                Name,
                uncovered.Count == 1
                    ? $"The policy does not name the extract's column '{uncovered[0]}'; add it or set unlistedColumns to drop or keep."
                    : $"The policy does not name the extract's columns {string.Join(", ", uncovered.Select(name => $"'{name}'"))}; add them or set unlistedColumns to drop or keep.",
                isGateFailure: false,
                cause: StepFailureCause.InvalidPolicy);
        }

        HashedObject policyHash = await ObjectHashing.HashAsync(context.Store, policyReference, cancellationToken).ConfigureAwait(false);
        context.Metrics.Record("ExtractRecords", records, "Count");
        context.Metrics.Record("ExtractBytes", metadata.Length, "Bytes");
        return new ValidateResult(extract, format, header, records, policyHash, drafted);
    }

    private static StepFailedException Reject(string message) => new(Name, message, isGateFailure: false, cause: StepFailureCause.InvalidInput);

    /// <summary>Replaces the scratch copy's path in a reader message with the object the user delivered.</summary>
    internal static string NameObject(string message, string localPath, ObjectReference reference) =>
        message.Replace(localPath, reference.ToString(), StringComparison.Ordinal);
}
