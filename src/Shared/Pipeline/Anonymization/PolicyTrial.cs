using System.Security.Cryptography;
using SyntheticData.Privacy.Anonymization;
using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Policies;
using SyntheticData.Tabular;

namespace SyntheticData.Pipeline.Anonymization;

/// <summary>
/// Tries a policy on the first records of an extract before a long run, by anonymizing them in memory and rescanning
/// the result. An operator that leaves personal data in clear, such as truncation on an e-mail column, then shows up in
/// seconds instead of failing the rescan at the end. The trial uses a random key that lives only for the call, so it
/// neither needs nor creates a key file, and it writes nothing to disk.
/// </summary>
public static class PolicyTrial
{
    /// <summary>The number of records tried by default.</summary>
    public const int DefaultRecords = 1_000;

    /// <summary>Anonymizes and rescans the first <paramref name="records"/> records of <paramref name="inputPath"/>.</summary>
    /// <exception cref="PolicyException">The policy does not cover the input's columns.</exception>
    /// <exception cref="DataFormatException">The input is malformed; the message names line and column.</exception>
    public static PolicyTrialResult Run(string inputPath, DatasetPolicy policy, int records = DefaultRecords, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputPath);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(records, 1);
        CsvReadOptions readOptions = ExtractAnonymizer.ReadOptionsOf(policy);
        TextScanner scanner = ExtractAnonymizer.ScannerOf(policy);
        KeyMaterial key = new(policy.KeyId, 1, RandomNumberGenerator.GetBytes(KeyMaterial.MinimumLength));
        AnonymizationPlan plan = ExtractAnonymizer.PlanFor(inputPath, policy, key);

        using var buffer = new MemoryStream();
        AnonymizationSummary summary;
        using (var writer = new CsvRecordWriter(buffer, plan.OutputHeader, new CsvWriteOptions { Separator = policy.Separator, NullMarkers = policy.NullMarkers }, leaveOpen: true))
        {
            summary = new DatasetAnonymizer(plan).Run(
                () => new LimitedRecordReader(RecordReaderFactory.Open(inputPath, readOptions), records),
                writer,
                progress: null,
                cancellationToken);
            writer.Commit();
        }

        buffer.Position = 0;
        ResidualScanResult rescan;
        using (var output = new CsvRecordReader(buffer, readOptions with { EncodingName = "utf-8" }, "trial output", leaveOpen: true))
        {
            rescan = new ResidualScanner(scanner).Scan(output, plan, cancellationToken);
        }

        return new PolicyTrialResult(plan, summary.Records, rescan, summary);
    }

    /// <summary>
    /// Describes each failure of a trial in one sentence that names the column, the kind found, the operator and the
    /// share of tried records, without any value. Empty when the trial passed.
    /// </summary>
    public static IReadOnlyList<string> DescribeFailures(PolicyTrialResult trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var failures = new List<string>();
        foreach (ResidualFinding finding in trial.Rescan.Findings.Where(ResidualScanResult.IsFailure))
        {
            PlannedColumn? column = trial.Plan.Columns.FirstOrDefault(c => c.OutputIndex >= 0 && c.Name == finding.Column);
            string operatorName = column is null ? "keep" : ExtractAnonymizer.OperatorName(column.Kind);
            failures.Add(finding.IsProtectedColumn
                ? $"Column '{finding.Column}' still contains {finding.Kind} in {finding.Cells} of {trial.Records} tried records after operator '{operatorName}'; choose an operator that replaces or drops such values."
                : $"Column '{finding.Column}', which the policy keeps in clear, contains {finding.Kind} in {finding.Cells} of {Math.Min(trial.Records, ResidualScanner.KeptColumnSampleRows)} tried records; protect or drop the column.");
        }

        foreach (string column in trial.UnreadableColumns)
        {
            PlannedColumn planned = trial.Plan.Columns.First(c => c.Name == column);
            failures.Add(
                $"Column '{column}': operator '{ExtractAnonymizer.OperatorName(planned.Kind)}' could read none of its values in the tried records, so a full run would write the whole column empty; check the operator's parameters, such as 'formats' or 'method'.");
        }

        return failures;
    }
}

/// <summary>The outcome of <see cref="PolicyTrial.Run"/>.</summary>
/// <param name="Plan">The plan built from the policy and the input header.</param>
/// <param name="Records">The records anonymized and rescanned.</param>
/// <param name="Rescan">The rescan of the trial's output.</param>
/// <param name="Summary">What the trial's anonymization did to each column.</param>
public sealed record PolicyTrialResult(AnonymizationPlan Plan, long Records, ResidualScanResult Rescan, AnonymizationSummary Summary)
{
    /// <summary>
    /// The columns whose operator could read none of their values in the tried records, so a full run would write
    /// them empty.
    /// </summary>
    public IReadOnlyList<string> UnreadableColumns =>
        [.. Summary.Columns.Where(column => column.Value is { Invalid: > 0, Transformed: 0 }).Select(column => column.Key)];

    /// <summary>True when the rescan found nothing that would fail a full run and every operator could read its values.</summary>
    public bool Passed => Rescan.Passed && UnreadableColumns.Count == 0;
}
