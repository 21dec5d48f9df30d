using System.Diagnostics;
using SyntheticData.Pipeline.Anonymization;
using SyntheticData.Pipeline.Keys;
using SyntheticData.Privacy.Anonymization;
using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Policies;
using SyntheticData.Tabular;
using Spectre.Console;

namespace SyntheticData.Cli.Anonymization;

/// <summary>
/// Runs <c>anonymize</c>: loads the policy and key, streams the input through the anonymizer into a
/// staging file next to the output, rescans the staging file, checks k-anonymity, and only then renames
/// it to the output. Any failure deletes the staging file, so no partial or unsafe output is left.
/// </summary>
internal sealed class AnonymizeRunner(IKeyProvider keys, TextWriter error)
{
    /// <summary>Runs one request and returns its outcome; the caller writes the report.</summary>
    public async Task<AnonymizeOutcome> RunAsync(AnonymizeRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long inputBytes = File.Exists(request.InputPath) ? new FileInfo(request.InputPath).Length : 0;
        AnonymizeOutcome Fail(int code, string message, AnonymizationPlan? plan = null, AnonymizationSummary? summary = null, ResidualScanResult? rescan = null)
        {
            error.WriteLine(message);
            return new AnonymizeOutcome
            {
                ExitCode = code,
                Failures = [message],
                Plan = plan,
                Summary = summary,
                Rescan = rescan,
                InputBytes = inputBytes,
                Duration = clock.Elapsed,
            };
        }

        string reportPath = request.ReportPath ?? request.OutputPath + ".report.json";
        if ((PathChecks.Input(request.InputPath, "Input file") ?? PathChecks.Input(request.PolicyPath, "Policy file")
            ?? PathChecks.Output(request.OutputPath) ?? PathChecks.Output(reportPath, "Report")
            ?? PathChecks.NotOverwriting(request.OutputPath, "--out", (request.InputPath, "the input"), (request.PolicyPath, "the policy"), (request.KeyFilePath, "the key file"), (reportPath, "the report"))
            ?? PathChecks.NotOverwriting(reportPath, "--report", (request.InputPath, "the input"), (request.PolicyPath, "the policy"), (request.KeyFilePath, "the key file"))
            ?? UnsupportedOutputFormat(request.OutputPath)) is { } pathProblem)
        {
            return Fail(ExitCodes.Usage, pathProblem);
        }

        string outputFolder = Path.GetDirectoryName(Path.GetFullPath(request.OutputPath))!;

        DatasetPolicy policy;
        try
        {
            policy = PolicyReader.Load(request.PolicyPath);
        }
        catch (PolicyException exception)
        {
            return Fail(ExitCodes.InvalidPolicy, exception.Message);
        }

        KeyMaterial key;
        try
        {
            key = request.KeyVersion is { } version
                ? await keys.GetVersionAsync(policy.KeyId, version, cancellationToken).ConfigureAwait(false)
                : await keys.GetCurrentAsync(policy.KeyId, cancellationToken).ConfigureAwait(false);
        }
        catch (KeyStoreException exception)
        {
            return Fail(ExitCodes.InvalidPolicy, exception.Message);
        }

        // The staging name keeps the output's extension, which chooses the format (.parquet) and compression (.gz).
        string staging = Path.Combine(outputFolder, "." + Path.GetFileName(request.OutputPath) + "." + Path.GetRandomFileName() + ".staging" + Path.GetExtension(request.OutputPath));
        try
        {
            ExtractAnonymization anonymized = WithProgress(
                request.ShowProgress && inputBytes > 0,
                inputBytes,
                progress => ExtractAnonymizer.Anonymize(request.InputPath, policy, key, staging, progress, cancellationToken));
            AnonymizationPlan plan = anonymized.Plan;
            AnonymizationSummary summary = anonymized.Summary;
            if (PolicyMessages.MissingColumns(plan, request.InputPath) is { } missingColumns)
            {
                error.WriteLine(missingColumns);
            }

            foreach (string warning in ExtractAnonymizer.DescribeInvalidValues(summary, plan))
            {
                error.WriteLine(warning);
            }

            if (ExtractAnonymizer.DescribeSuppression(summary) is { } suppression)
            {
                error.WriteLine(suppression);
            }

            TimeSpan anonymizeDuration = clock.Elapsed;
            ResidualScanResult rescan = ExtractAnonymizer.Rescan(staging, plan, summary.Verification, cancellationToken);
            TimeSpan rescanDuration = clock.Elapsed - anonymizeDuration;
            IReadOnlyList<string> failures = ExtractAnonymizer.DescribeFailures(rescan, summary.Risk);
            foreach (string note in ExtractAnonymizer.DescribeSporadicFindings(rescan))
            {
                error.WriteLine(note);
            }

            if (failures.Count > 0)
            {
                foreach (string failure in failures)
                {
                    error.WriteLine(failure);
                }

                error.WriteLine($"No output was written to {request.OutputPath}; a file already there is unchanged.");
                return new AnonymizeOutcome
                {
                    ExitCode = ExitCodes.GateFailed,
                    Failures = failures,
                    Plan = plan,
                    Summary = summary,
                    Rescan = rescan,
                    InputBytes = inputBytes,
                    Duration = clock.Elapsed,
                    AnonymizeDuration = anonymizeDuration,
                    RescanDuration = rescanDuration,
                };
            }

            File.Move(staging, request.OutputPath, overwrite: true);
            return new AnonymizeOutcome
            {
                ExitCode = ExitCodes.Success,
                Plan = plan,
                Summary = summary,
                Rescan = rescan,
                InputBytes = inputBytes,
                Duration = clock.Elapsed,
                AnonymizeDuration = anonymizeDuration,
                RescanDuration = rescanDuration,
                OutputWritten = true,
            };
        }
        catch (PolicyException exception)
        {
            return Fail(ExitCodes.InvalidPolicy, PolicyMessages.Describe(exception, request.PolicyPath, request.InputPath));
        }
        catch (DataFormatException exception)
        {
            return Fail(ExitCodes.InvalidInput, exception.Message);
        }
        catch (OperationCanceledException)
        {
            return Fail(ExitCodes.Cancelled, "Cancelled; no output was written.");
        }
        catch (UnauthorizedAccessException exception)
        {
            // A read-only output folder, or an input the user may not read: a usage problem, not an internal error.
            return Fail(ExitCodes.Usage, $"Permission denied: {exception.Message} No output was written.");
        }
        finally
        {
            if (File.Exists(staging))
            {
                File.Delete(staging);
            }
        }
    }

    /// <summary>
    /// Returns a message for an output name that promises a format the command does not write: JSON Lines, or Parquet
    /// with a .gz suffix, which would have been written as gzip CSV. Otherwise returns null.
    /// </summary>
    private static string? UnsupportedOutputFormat(string outputPath)
    {
        string name = Path.GetFileName(outputPath);
        if (name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return $"--out {outputPath}: anonymize writes CSV or Parquet, not JSON. Name the output .csv, .csv.gz or .parquet.";
        }

        return name.EndsWith(".parquet.gz", StringComparison.OrdinalIgnoreCase)
            ? $"--out {outputPath}: Parquet files compress their own pages, so a .gz suffix would write gzip CSV instead. Name the output .parquet."
            : null;
    }

    private static ExtractAnonymization WithProgress(bool show, long totalBytes, Func<IProgress<long>?, ExtractAnonymization> run)
    {
        if (!show)
        {
            return run(null);
        }

        // Progress goes to standard error, so standard output stays clean for scripts.
        Spectre.Console.IAnsiConsole console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(Console.Error),
        });
        ExtractAnonymization? result = null;
        console.Progress()
            .Columns(
                new Spectre.Console.TaskDescriptionColumn(),
                new Spectre.Console.ProgressBarColumn(),
                new Spectre.Console.PercentageColumn(),
                new Spectre.Console.TransferSpeedColumn(),
                new Spectre.Console.RemainingTimeColumn())
            .Start(context =>
            {
                Spectre.Console.ProgressTask task = context.AddTask("Anonymizing", maxValue: totalBytes);
                long last = 0;
                result = run(new ImmediateProgress(bytes =>
                {
                    // With enforceK the extract is read twice, first to count the classes below k, so the bytes read start
                    // over. The first bar is then labelled for what it did, and the writing pass gets a bar of its own.
                    if (bytes < last)
                    {
                        task.Description = "Counting classes for k";
                        task.Value = totalBytes;
                        task.StopTask();
                        task = context.AddTask("Anonymizing", maxValue: totalBytes);
                    }

                    last = bytes;
                    task.Value = Math.Min(bytes, totalBytes);
                }));
                task.Value = totalBytes;
            });
        return result!;
    }

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, which posts to the thread pool.</summary>
    private sealed class ImmediateProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
