using System.CommandLine;
using SyntheticData.Cli.Anonymization;
using SyntheticData.Pipeline.Keys;

namespace SyntheticData.Cli.Commands;

/// <summary>Builds the <c>anonymize</c> command.</summary>
internal static class AnonymizeCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("input")
        {
            Description = "The raw extract: CSV (optionally gzip-compressed), JSON Lines or Parquet.",
        };
        var policy = new Option<FileInfo>("--policy")
        {
            Description = "The dataset policy (JSON); draft one with 'synthdata policy init'.",
            Required = true,
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "The anonymized file to write: Parquet when the name ends in .parquet, otherwise CSV (gzip-compressed when it ends in .gz; JSON names are rejected). It appears only when every check passed.",
            Required = true,
        };
        var report = new Option<FileInfo?>("--report")
        {
            Description = "The JSON report to write; default <out>.report.json.",
        };
        var keyFile = new Option<FileInfo?>("--key-file")
        {
            Description = $"The local key file, created on first use; default ${KeyFileLocation.EnvironmentVariable} or ~/.config/synthdata/keys.local.json.",
        };
        var noProgress = new Option<bool>("--no-progress")
        {
            Description = "Do not draw a progress bar.",
        };
        var keyVersion = new Option<int?>("--key-version")
        {
            Description = "Use this version of the policy's key instead of the current one, to reproduce an output made before a rotation.",
        };

        var command = new Command("anonymize", "Anonymize a raw extract with a dataset policy, rescan the output and report its re-identification risk.")
        {
            input, policy, output, report, keyFile, noProgress, keyVersion,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(keyVersion) is < 1)
            {
                Console.Error.WriteLine("--key-version must be at least 1.");
                return ExitCodes.Usage;
            }

            string outputPath = parseResult.GetValue(output)!.FullName;
            var request = new AnonymizeRequest(
                parseResult.GetValue(input)!.FullName,
                parseResult.GetValue(policy)!.FullName,
                outputPath,
                parseResult.GetValue(report)?.FullName ?? outputPath + ".report.json",
                parseResult.GetValue(keyFile)?.FullName ?? KeyFileLocation.Default(),
                !parseResult.GetValue(noProgress) && !Console.IsErrorRedirected,
                parseResult.GetValue(keyVersion));

            var runner = new AnonymizeRunner(new LocalKeyProvider(request.KeyFilePath, notice: Console.Error.WriteLine), Console.Error);

            // Ctrl+C or SIGTERM stops the pass at its next check, and the runner deletes the staging file.
            using var interrupt = new InterruptSignal(cancellationToken);
            AnonymizeOutcome outcome = await Task.Run(() => runner.RunAsync(request, interrupt.Token), CancellationToken.None);
            if (outcome.Plan is not null || outcome.ExitCode != ExitCodes.Usage)
            {
                try
                {
                    AnonymizationReportWriter.Write(request.ReportPath!, AnonymizationReportWriter.Build(request, outcome));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    string written = outcome.ExitCode == ExitCodes.Success ? $"The output {request.OutputPath} was written, but the" : "The";
                    Console.Error.WriteLine($"{written} report could not be written to {request.ReportPath}: {exception.Message}");
                    return ExitCodes.Usage;
                }
            }

            if (outcome.ExitCode == ExitCodes.Success)
            {
                Console.WriteLine(
                    $"Wrote {Counts.Of(outcome.Summary!.Records, "record")} to {request.OutputPath} (key {outcome.Plan!.Key}); report: {request.ReportPath}");
            }

            return outcome.ExitCode;
        });
        return command;
    }
}
