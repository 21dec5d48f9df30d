using SyntheticData.Pipeline.Anonymization;
using SyntheticData.Pipeline.Keys;
using SyntheticData.Privacy.Anonymization;
using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Policies;
using SyntheticData.Privacy.Risk;
using SyntheticData.Tabular;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Checks the anonymized output independently of the anonymizer: rescans it with the detectors and
/// measures k-anonymity over the policy's quasi-identifiers by reading the output itself. A failure
/// is a gate failure, so the runner quarantines the output (fail closed).
/// </summary>
public sealed class VerifyStep
{
    /// <summary>The step's name in manifests and logs.</summary>
    public const string Name = "verify";

    private readonly IKeyProvider _keys;

    /// <summary>Creates the step; the key provider rebuilds the plan that marks the protected columns.</summary>
    public VerifyStep(IKeyProvider keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
    }

    /// <summary>Runs the step. Failed checks are returned in the result, not thrown.</summary>
    public async Task<VerifyResult> RunAsync(StepContext context, VerifyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        DatasetPolicy policy = await PolicyObjects.ReadAsync(context, request.Policy, cancellationToken).ConfigureAwait(false);
        KeyMaterial key = await _keys.GetVersionAsync(request.KeyId, request.KeyVersion, cancellationToken).ConfigureAwait(false);
        Privacy.Detection.TextScanner scanner = ExtractAnonymizer.ScannerOf(policy);
        AnonymizationPlan plan = AnonymizationPlan.Create(policy, request.ExtractHeader, key, scanner);
        string output = await context.Store.DownloadAsync(request.Anonymized, context.ScratchPath("anonymized.csv"), cancellationToken).ConfigureAwait(false);

        // The step checks the stored object on its own, apart from the run that wrote it, so it scans every protected cell.
        ResidualScanResult rescan = ExtractAnonymizer.Rescan(output, plan, verification: null, cancellationToken);
        RiskReport? risk = MeasureRisk(output, plan, cancellationToken);
        IReadOnlyList<string> failures = ExtractAnonymizer.DescribeFailures(rescan, risk);

        long residual = rescan.Findings.Where(ResidualScanResult.IsFailure).Sum(finding => finding.Cells);
        context.Metrics.Record(Telemetry.PipelineMetrics.ResidualPiiFound, residual, Telemetry.PipelineMetrics.CountUnit);
        if (risk is { MeetsK: false })
        {
            context.Metrics.Record(Telemetry.PipelineMetrics.PrivacyGateFailures, 1, Telemetry.PipelineMetrics.CountUnit);
        }

        return new VerifyResult(rescan, risk, failures);
    }

    private static RiskReport? MeasureRisk(string output, AnonymizationPlan plan, CancellationToken cancellationToken)
    {
        if (plan.QuasiIdentifierOutputIndexes.Count == 0)
        {
            return null;
        }

        using var counter = new EquivalenceClassCounter(
            plan.QuasiIdentifierOutputIndexes.Count, plan.SensitiveOutputIndexes.Count, spillFolder: Path.GetDirectoryName(Path.GetFullPath(output)));
        var quasiIdentifiers = new string?[plan.QuasiIdentifierOutputIndexes.Count];
        var sensitive = new string?[plan.SensitiveOutputIndexes.Count];
        CsvReadOptions readOptions = ExtractAnonymizer.ReadOptionsOf(plan.Policy) with { EncodingName = "utf-8" };
        using var reader = new CsvRecordReader(output, readOptions);
        long records = 0;
        while (reader.ReadNext())
        {
            if ((++records & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (int i = 0; i < quasiIdentifiers.Length; i++)
            {
                quasiIdentifiers[i] = reader.GetString(plan.QuasiIdentifierOutputIndexes[i]);
            }

            for (int i = 0; i < sensitive.Length; i++)
            {
                sensitive[i] = reader.GetString(plan.SensitiveOutputIndexes[i]);
            }

            counter.Add(quasiIdentifiers, sensitive);
        }

        return counter.Report(plan.Policy.K, plan.Policy.SensitiveAttributes);
    }
}
