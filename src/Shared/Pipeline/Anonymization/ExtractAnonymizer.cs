using SyntheticData.Privacy.Anonymization;
using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Policies;
using SyntheticData.Tabular;

namespace SyntheticData.Pipeline.Anonymization;

/// <summary>
/// Anonymizes one extract file into one output file with a policy and a key, streaming, and rescans
/// outputs for residual PII. The command line and the pipeline's steps share it, so a file gets the
/// same treatment everywhere.
/// </summary>
public static class ExtractAnonymizer
{
    /// <summary>Returns the read options that the policy declares: separator, null markers and encoding.</summary>
    public static CsvReadOptions ReadOptionsOf(DatasetPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new CsvReadOptions
        {
            Separator = policy.Separator,
            NullMarkers = policy.NullMarkers,
            EncodingName = policy.Encoding,
        };
    }

    /// <summary>Returns the text scanner configured with the policy's default phone region.</summary>
    public static TextScanner ScannerOf(DatasetPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new TextScanner(new DetectionOptions { DefaultRegion = policy.DefaultPhoneRegion ?? "US" });
    }

    /// <summary>
    /// Anonymizes <paramref name="inputPath"/> into <paramref name="outputPath"/>: Parquet when the name ends in
    /// <c>.parquet</c>, otherwise CSV in UTF-8 with the policy's separator. The output
    /// appears only when the run completes; on any exception no file is left at the output path.
    /// </summary>
    /// <exception cref="PolicyException">The policy does not cover the input's columns.</exception>
    /// <exception cref="DataFormatException">The input is malformed; the message names line and column.</exception>
    public static ExtractAnonymization Anonymize(
        string inputPath,
        DatasetPolicy policy,
        KeyMaterial key,
        string outputPath,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputPath);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        CsvReadOptions readOptions = ReadOptionsOf(policy);
        AnonymizationPlan plan = PlanFor(inputPath, policy, key);

        // Parquet.Net writes a column without a name, but the file cannot be read back, so the rescan could not check it.
        int unnamed = plan.OutputHeader.ToList().FindIndex(string.IsNullOrWhiteSpace);
        if (IsParquet(outputPath) && unnamed >= 0)
        {
            throw new DataFormatException(
                inputPath,
                "Parquet output needs a name for every column, and this one has none; name it in the input's header, or write CSV output",
                lineNumber: 1,
                columnIndex: unnamed);
        }

        AnonymizationSummary summary;
        using (IRecordWriter writer = IsParquet(outputPath)
            ? new ParquetRecordWriter(outputPath, plan.OutputHeader)
            : new CsvRecordWriter(outputPath, plan.OutputHeader, new CsvWriteOptions { Separator = policy.Separator, NullMarkers = policy.NullMarkers }))
        {
            // Temporary files of the risk measurement go beside the output, which they describe.
            var anonymizer = new DatasetAnonymizer(plan) { WorkFolder = Path.GetDirectoryName(Path.GetFullPath(outputPath)) };
            summary = anonymizer.Run(() => RecordReaderFactory.Open(inputPath, readOptions), writer, progress, cancellationToken);
            writer.Commit();
            if (writer is CsvRecordWriter csvWriter && summary.Verification is { } verification)
            {
                summary = summary with { Verification = verification with { Text = csvWriter.Digest } };
            }
        }

        return new ExtractAnonymization(plan, summary);
    }

    /// <summary>Returns the plan of <paramref name="policy"/> for the header of <paramref name="inputPath"/>.</summary>
    /// <exception cref="PolicyException">The policy does not cover the input's columns.</exception>
    /// <exception cref="DataFormatException">The input's header cannot be read.</exception>
    public static AnonymizationPlan PlanFor(string inputPath, DatasetPolicy policy, KeyMaterial key)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputPath);
        ArgumentNullException.ThrowIfNull(policy);
        using IRecordReader headerReader = RecordReaderFactory.Open(inputPath, ReadOptionsOf(policy));
        TextScanner scanner = ScannerOf(policy);
        HeaderCheck.ThrowIfDataRecord(headerReader.Header, inputPath, scanner);
        return AnonymizationPlan.Create(policy, headerReader.Header, key, scanner);
    }

    /// <summary>
    /// Rescans an anonymized output with the detectors; findings in protected columns fail verification. Given the
    /// <paramref name="verification"/> of the run that wrote the output, it first tries to confirm that check by reading
    /// the file back (its whole text for CSV, the protected cells for Parquet), and scans every protected cell only when
    /// that fails.
    /// </summary>
    public static ResidualScanResult Rescan(
        string outputPath, AnonymizationPlan plan, OutputVerification? verification = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        ArgumentNullException.ThrowIfNull(plan);
        var scanner = new ResidualScanner(ScannerOf(plan.Policy));
        if (verification is not null)
        {
            // A pass that found something is never confirmed, so its output is not read twice.
            TextDigest? text = verification is { Clean: true, Text: not null } && !IsParquet(outputPath)
                ? TextDigest.Of(outputPath)
                : null;
            using IRecordReader readBack = OpenOutput(outputPath, plan);
            if (scanner.TryConfirm(readBack, plan, verification, text, cancellationToken) is { } confirmed)
            {
                return confirmed;
            }
        }

        using IRecordReader output = OpenOutput(outputPath, plan);
        return scanner.Scan(output, plan, cancellationToken);
    }

    private static IRecordReader OpenOutput(string outputPath, AnonymizationPlan plan) =>
        IsParquet(outputPath)
            ? new ParquetRecordReader(outputPath)
            : new CsvRecordReader(outputPath, ReadOptionsOf(plan.Policy) with { EncodingName = "utf-8" });

    /// <summary>
    /// Describes how far enforcing k went, in one sentence without cell values, or returns null when no record was
    /// suppressed. When every record lost its quasi-identifiers the sentence is a warning.
    /// </summary>
    public static string? DescribeSuppression(AnonymizationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.SuppressedToReachK == 0 || summary.Risk is not { } risk)
        {
            return null;
        }

        string people = risk.EntityColumn is null ? string.Empty : $" (counting people by '{risk.EntityColumn}')";
        if (summary.SuppressedToReachK >= summary.Records)
        {
            return $"Warning: reaching k = {risk.TargetK}{people} suppressed the quasi-identifiers of every record, so the output keeps none of them. Generalise the quasi-identifiers further or lower k.";
        }

        double share = 100.0 * summary.SuppressedToReachK / summary.Records;
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"Reaching k = {risk.TargetK}{people} suppressed the quasi-identifiers of {summary.SuppressedToReachK} of {summary.Records} records ({share:0.#}%).");
    }

    /// <summary>
    /// Describes, one warning per column and without values, the values that the column's operator could not read and
    /// wrote as missing: how many of the column's values, the first lines, and what the operator reads. Empty when every
    /// value was read. With <paramref name="tried"/> the warnings speak of a trial, which writes nothing.
    /// </summary>
    public static IReadOnlyList<string> DescribeInvalidValues(AnonymizationSummary summary, AnonymizationPlan plan, bool tried = false)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(plan);
        var warnings = new List<string>();
        foreach ((string column, ColumnStatistics statistics) in summary.Columns)
        {
            if (statistics.Invalid == 0)
            {
                continue;
            }

            PlannedColumn? planned = plan.Columns.FirstOrDefault(c => c.Name == column);
            string operatorName = planned is null ? "unknown" : OperatorName(planned.Kind);
            const int ShownLines = 5;
            string lines = string.Join(", ", statistics.InvalidLines.Take(ShownLines)) + (statistics.Invalid > ShownLines ? ", ..." : string.Empty);
            string position = summary.PositionsAreRecords ? "record" : "line";
            string label = statistics.InvalidLines.Count == 1 ? position : position + "s";
            string outcome = tried ? "would be written empty" : "were written empty";
            warnings.Add(
                $"Warning: column '{column}': {statistics.Invalid} of {statistics.Transformed + statistics.Invalid} values could not be read by operator '{operatorName}' and {outcome} ({label} {lines}). {ReadsWhat(planned?.Kind)}");
        }

        return warnings;
    }

    /// <summary>Returns the name of an operator as a policy writes it, such as <c>dateShift</c>.</summary>
    public static string OperatorName(OperatorKind kind)
    {
        string name = kind.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string ReadsWhat(OperatorKind? kind) => kind switch
    {
        OperatorKind.DateShift =>
            "It reads dates in one of the formats of its 'formats' parameter, or in ISO 8601, and also writes empty a date that the shift would move before year 1 or after year 9999.",
        OperatorKind.Noise => "It reads plain numbers such as 12.5 or -3.",
        OperatorKind.Generalize =>
            "numericBins and ageBands read plain numbers (ages in years, not dates of birth), and dateYear and dateMonth read dates in one of the 'formats' or in ISO 8601.",
        _ => "Check the column's operator and parameters.",
    };

    private static string Cells(long count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>Returns true when the path names a Parquet file by its extension.</summary>
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Describes, in one sentence each and without cell values, the findings in kept columns that do not fail the output
    /// because the column's values as a whole are not personal data.
    /// </summary>
    public static IReadOnlyList<string> DescribeSporadicFindings(ResidualScanResult rescan)
    {
        ArgumentNullException.ThrowIfNull(rescan);
        return [.. rescan.Findings.Where(finding => finding.IsSporadic).Select(finding =>
            $"Note: rescan found {finding.Kind} in {Cells(finding.Cells, finding.IsWholeColumn ? "cell" : "sampled cell")} of kept column '{finding.Column}' (first output lines: {string.Join(", ", finding.FirstLines)}), "
            + "but the column's values as a whole are not of that kind, as scan also concludes, so the output is kept. Protect the column if those cells are real.")];
    }

    /// <summary>Describes each verification failure in one sentence without cell values; empty when verification passed.</summary>
    public static IReadOnlyList<string> DescribeFailures(ResidualScanResult rescan, Privacy.Risk.RiskReport? risk)
    {
        ArgumentNullException.ThrowIfNull(rescan);
        var failures = new List<string>();
        foreach (ResidualFinding finding in rescan.Findings.Where(ResidualScanResult.IsFailure))
        {
            failures.Add(finding.IsProtectedColumn
                ? $"Rescan found {finding.Kind} in {Cells(finding.Cells, "cell")} of protected column '{finding.Column}' (first output lines: {string.Join(", ", finding.FirstLines)})."
                : $"Rescan found {finding.Kind} in {Cells(finding.Cells, finding.IsWholeColumn ? "cell" : "sampled cell")} of column '{finding.Column}', which the policy keeps in clear (first output lines: {string.Join(", ", finding.FirstLines)}); protect or drop the column.");
        }

        if (risk is { MeetsK: false })
        {
            string members = (risk.EntityColumn, risk.SmallestClass) switch
            {
                (null, 1) => "record",
                (null, _) => "records",
                (_, 1) => $"person (distinct '{risk.EntityColumn}')",
                _ => $"people (distinct '{risk.EntityColumn}')",
            };
            failures.Add($"k-anonymity not reached: the smallest equivalence class has {risk.SmallestClass} {members}, below k = {risk.TargetK}; {(risk.RecordsBelowK == 1 ? "1 record is" : $"{risk.RecordsBelowK} records are")} in classes below k. Set enforceK or generalise the quasi-identifiers further.");
        }

        return failures;
    }
}
