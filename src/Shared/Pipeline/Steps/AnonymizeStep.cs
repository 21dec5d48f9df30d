using SyntheticData.Pipeline.Anonymization;
using SyntheticData.Pipeline.Keys;
using SyntheticData.Pipeline.Storage;
using SyntheticData.Privacy.Anonymization;
using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Policies;
using SyntheticData.Tabular;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Applies the policy to the extract with the current version of the policy's key and stages the output
/// in the work area. Verification decides whether it is published.
/// </summary>
public sealed class AnonymizeStep
{
    /// <summary>The step's name in manifests and logs.</summary>
    public const string Name = "anonymize";

    private readonly IKeyProvider _keys;

    /// <summary>Creates the step with the key provider that stores the pseudonymization secrets.</summary>
    public AnonymizeStep(IKeyProvider keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
    }

    /// <summary>Runs the step.</summary>
    /// <exception cref="StepFailedException">The policy does not fit the extract, or the extract is malformed.</exception>
    public async Task<AnonymizeResult> RunAsync(StepContext context, AnonymizeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        DatasetPolicy policy = await PolicyObjects.ReadAsync(context, request.Policy, cancellationToken).ConfigureAwait(false);
        KeyMaterial key = await _keys.GetCurrentAsync(policy.KeyId, cancellationToken).ConfigureAwait(false);
        string input = await context.Store.DownloadAsync(request.Extract, context.ScratchPath(Path.GetFileName(request.Extract.Key)), cancellationToken).ConfigureAwait(false);
        string output = context.ScratchPath("anonymized.csv");
        long total = new FileInfo(input).Length;

        ExtractAnonymization result;
        try
        {
            var progress = context.Progress is null
                ? null
                : new InlineProgress<long>(bytes => context.Progress.Report(new StepProgress(Name, bytes, total, "bytes")));
            result = ExtractAnonymizer.Anonymize(input, policy, key, output, progress, cancellationToken);
        }
        catch (PolicyException exception)
        {
            throw new StepFailedException(Name, exception.Message, isGateFailure: false, exception);
        }
        catch (DataFormatException exception)
        {
            throw new StepFailedException(Name, ValidateStep.NameObject(exception.Message, input, request.Extract), isGateFailure: false, exception);
        }

        var anonymized = new ObjectReference(context.Buckets.Work, $"{request.RunId}/anonymized.csv");
        await context.Store.UploadAsync(output, anonymized, cancellationToken).ConfigureAwait(false);

        AnonymizationSummary summary = result.Summary;
        var statistics = summary.Columns.ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);
        var columns = result.Plan.Columns
            .Select(column =>
            {
                ColumnStatistics? counts = statistics.GetValueOrDefault(column.Name);
                return new ColumnTreatmentEntry(
                    column.Name,
                    column.Kind.ToString(),
                    column.Treatment.ToString(),
                    counts?.Transformed ?? 0,
                    counts?.Missing ?? 0,
                    counts?.Invalid ?? 0);
            })
            .ToArray();

        context.Metrics.Record("AnonymizedRecords", summary.Records, "Count");
        if (summary.Risk is { } risk)
        {
            // When every record's quasi-identifiers were suppressed there is no class, and a smallest class of 0 would
            // read as a failed k.
            if (risk.Classes > 0)
            {
                context.Metrics.Record("SmallestEquivalenceClass", risk.SmallestClass, "Count");
            }

            context.Metrics.Record("RecordsSuppressedToReachK", summary.SuppressedToReachK, "Count");
        }

        // A run that kept no quasi-identifier at all warns as anonymize does, in its output and its manifest.
        List<string> warnings = [.. ExtractAnonymizer.DescribeInvalidValues(summary, result.Plan)];
        if (ExtractAnonymizer.DescribeSuppression(summary) is { } suppression && suppression.StartsWith("Warning: ", StringComparison.Ordinal))
        {
            warnings.Add(suppression["Warning: ".Length..]);
        }

        return new AnonymizeResult(
            anonymized, summary.Records, key.KeyId, key.Version, columns, summary.Risk, summary.SuppressedToReachK, warnings);
    }
}
