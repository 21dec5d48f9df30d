using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SyntheticData.Cli.Anonymization;
using SyntheticData.Cli.Runs;
using SyntheticData.Pipeline.Keys;
using SyntheticData.Pipeline.Runs;
using SyntheticData.Pipeline.Steps;
using SyntheticData.Synthesis;

namespace SyntheticData.Cli.Commands;

/// <summary>Builds the <c>run</c> command: the whole pipeline on one extract, locally.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var extract = new Argument<FileInfo>("extract")
        {
            Description = "The raw extract: CSV (optionally gzip-compressed), JSON Lines or Parquet.",
        };
        var policy = new Option<FileInfo?>("--policy")
        {
            Description = "The dataset policy (JSON). Without it a policy is drafted from detection and saved beside the outputs for review.",
        };
        var synthesizer = new Option<string?>("--synthesizer")
        {
            Description = $"The synthesizer: {string.Join(", ", SynthesizerNames.All)}, or none to stop after anonymization. Default: the policy's, else gaussian-copula.",
        };
        var rows = new Option<int?>("--rows")
        {
            Description = "Synthetic rows to draw. Default: as many as the training part.",
        };
        var seed = new Option<int?>("--seed")
        {
            Description = "Seed for the holdout split, training and sampling. Default: the policy's, else 0.",
        };
        var workspace = new Option<DirectoryInfo?>("--workspace")
        {
            Description = "The workspace folder with landing/, anonymized/, synthetic/, quarantine/ and reports/. Default: ./synthdata-workspace.",
        };
        var keyFile = new Option<FileInfo?>("--key-file")
        {
            Description = $"The local key file, created on first use; default ${KeyFileLocation.EnvironmentVariable} or ~/.config/synthdata/keys.local.json.",
        };
        var epochs = new Option<int?>("--epochs")
        {
            Description = "Training epochs for ctgan and tvae. Default: 300.",
        };
        var noProgress = new Option<bool>("--no-progress")
        {
            Description = "Print one line per step instead of progress bars.",
        };

        var command = new Command("run", "Run the whole pipeline on one extract: validate, anonymize, verify, train, sample, evaluate and publish, with a manifest, an audit log and an HTML report.")
        {
            extract, policy, synthesizer, rows, seed, workspace, keyFile, epochs, noProgress,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string? synthesizerName = parseResult.GetValue(synthesizer);
            SynthesizerKind? kind = null;
            bool skipSynthesis = string.Equals(synthesizerName, "none", StringComparison.OrdinalIgnoreCase);
            if (synthesizerName is not null && !skipSynthesis)
            {
                try
                {
                    kind = SynthesizerNames.Parse(synthesizerName);
                }
                catch (ArgumentException exception)
                {
                    Console.Error.WriteLine(exception.Message);
                    return ExitCodes.Usage;
                }
            }

            if (parseResult.GetValue(rows) is <= 0)
            {
                Console.Error.WriteLine("--rows must be a positive number.");
                return ExitCodes.Usage;
            }

            var options = new RunOptions
            {
                ExtractPath = parseResult.GetValue(extract)!.FullName,
                PolicyPath = parseResult.GetValue(policy)?.FullName,
                Synthesizer = kind,
                SkipSynthesis = skipSynthesis,
                Rows = parseResult.GetValue(rows),
                Seed = parseResult.GetValue(seed),
            };
            if ((PathChecks.Input(options.ExtractPath, "Extract")
                ?? (options.PolicyPath is null ? null : PathChecks.Input(options.PolicyPath, "Policy"))) is { } pathProblem)
            {
                Console.Error.WriteLine(pathProblem);
                return ExitCodes.Usage;
            }

            string workspacePath = parseResult.GetValue(workspace)?.FullName ?? Path.GetFullPath("synthdata-workspace");
            if (File.Exists(workspacePath))
            {
                Console.Error.WriteLine($"Workspace {workspacePath} is a file; name a folder, which run creates when it is missing.");
                return ExitCodes.Usage;
            }

            var keys = new LocalKeyProvider(parseResult.GetValue(keyFile)?.FullName ?? KeyFileLocation.Default(), notice: Console.Error.WriteLine);

            // Creating a runner creates the workspace's folders, so a path blocked by a file fails here, before any step.
            try
            {
                _ = new LocalPipelineRunner(workspacePath, keys, SynthesizerFactories.Create(null));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"Workspace {workspacePath} cannot be used: {exception.Message} Name a folder that run can create or write to.");
                return ExitCodes.Usage;
            }

            if (parseResult.GetValue(epochs) is < 1)
            {
                Console.Error.WriteLine("--epochs must be at least 1.");
                return ExitCodes.Usage;
            }

            SynthesizerFactory factory = SynthesizerFactories.Create(parseResult.GetValue(epochs));
            bool showBars = !parseResult.GetValue(noProgress) && !Console.IsErrorRedirected;

            RunResult result;

            // Ctrl+C or SIGTERM stops the run at its next check instead of ending the process mid-step.
            using var interrupt = new InterruptSignal(cancellationToken);
            try
            {
                result = await Task.Run(
                    () => RunWithProgressAsync(workspacePath, keys, factory, options, showBars, interrupt.Token), CancellationToken.None);
            }
            catch (OperationCanceledException exception)
            {
                Console.Error.WriteLine(exception is RunCancelledException cancelled
                    ? $"Cancelled; nothing was published. Manifest: {cancelled.ManifestPath}"
                    : "Cancelled; nothing was published.");
                return ExitCodes.Cancelled;
            }

            return Report(result, options.PolicyPath);
        });
        return command;
    }

    private static async Task<RunResult> RunWithProgressAsync(
        string workspace,
        IKeyProvider keys,
        SynthesizerFactory factory,
        RunOptions options,
        bool showBars,
        CancellationToken cancellationToken)
    {
        if (!showBars)
        {
            var runner = new LocalPipelineRunner(workspace, keys, factory, progress: new PlainStepProgress(Console.Error));
            return await runner.RunAsync(options, cancellationToken);
        }

        // Progress goes to standard error, so standard output carries only the summary.
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        RunResult? result = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var runner = new LocalPipelineRunner(workspace, keys, factory, progress: new StepProgressDisplay(context));
                result = await runner.RunAsync(options, cancellationToken);
            });
        return result!;
    }

    private static int Report(RunResult result, string? policyPath)
    {
        RunManifest manifest = result.Manifest;

        // The steps read the run's copy of the --policy file, and their messages name that copy; the user knows the file.
        string? reason = policyPath is null
            ? manifest.FailureReason
            : manifest.FailureReason?.Replace($"work/{manifest.RunId}/policy.json", policyPath, StringComparison.Ordinal);
        TextWriter output = manifest.Outcome == RunOutcome.Published ? Console.Out : Console.Error;
        if (manifest.PolicyDrafted)
        {
            output.WriteLine("No policy was given, so one was drafted from detection; review it before the next run:");
            output.WriteLine($"  policy: {result.OutputPaths.GetValueOrDefault("policy") ?? result.OutputPaths.GetValueOrDefault("policy.json")}");
        }

        foreach (string warning in manifest.Warnings)
        {
            Console.Error.WriteLine(warning);
        }

        output.WriteLine(manifest.Outcome switch
        {
            RunOutcome.Published => $"Run {manifest.RunId} published.",
            RunOutcome.Quarantined => $"Run {manifest.RunId} quarantined: {reason}",
            _ => $"Run {manifest.RunId} failed: {reason}",
        });
        if (Figures(manifest) is { } figures)
        {
            output.WriteLine($"  {figures}");
        }

        foreach ((string role, string path) in result.OutputPaths.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {role}: {path}");
        }

        output.WriteLine($"  audit log: {result.AuditLogPath}");
        return manifest.Outcome switch
        {
            RunOutcome.Published => ExitCodes.Success,
            RunOutcome.Quarantined => ExitCodes.GateFailed,
            _ => FailureCode(manifest),
        };
    }

    /// <summary>Returns the run's main figures from the manifest in one line, or null when it recorded none of them.</summary>
    private static string? Figures(RunManifest manifest)
    {
        (string Metric, string Label, string Format)[] shown =
        [
            ("AnonymizedRecords", "anonymized records", "N0"),
            ("SmallestEquivalenceClass", "smallest class", "N0"),
            ("RecordsSuppressedToReachK", "suppressed to reach k", "N0"),
            ("SyntheticRows", "synthetic rows", "N0"),
            ("QualityScore", "quality score", "0.000"),
        ];
        string[] parts =
        [
            .. shown
                .Where(figure => manifest.Metrics.ContainsKey(figure.Metric))
                .Select(figure => $"{figure.Label} {manifest.Metrics[figure.Metric].ToString(figure.Format, CultureInfo.InvariantCulture)}"),
        ];
        return parts.Length == 0 ? null : string.Join(", ", parts);
    }

    private static int FailureCode(RunManifest manifest)
    {
        StepRecord? failed = manifest.Steps.LastOrDefault(step => step.Outcome == StepOutcome.Failed);
        return failed?.Cause switch
        {
            StepFailureCause.InvalidPolicy => ExitCodes.InvalidPolicy,
            StepFailureCause.InvalidInput => ExitCodes.InvalidInput,
            _ => failed?.Name is ValidateStep.Name or AnonymizeStep.Name ? ExitCodes.InvalidInput : ExitCodes.InternalError,
        };
    }
}
