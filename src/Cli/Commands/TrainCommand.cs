using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using SyntheticData.Synthesis;
using SyntheticData.Synthesis.Ctgan;
using SyntheticData.Synthesis.Tvae;
using SyntheticData.Tabular;
using Table = SyntheticData.Tabular.Table;

namespace SyntheticData.Cli.Commands;

/// <summary>
/// Builds the <c>train</c> command: fits CTGAN or TVAE on a table and writes a model file. Ctrl+C stops
/// training and saves the model of the last finished epoch.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var synthesizer = new Option<string>("--synthesizer")
        {
            Description = "The model to train: ctgan or tvae.",
            Required = true,
        };
        synthesizer.AcceptOnlyFromAmong("ctgan", "tvae");
        var input = new Option<FileInfo>("--input") { Description = "The training table (CSV, gzip CSV, Parquet or JSON Lines).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The model file to write.", Required = true };
        var epochs = new Option<int?>("--epochs") { Description = "Passes over the training rows. Default 300." };
        var batchSize = new Option<int?>("--batch-size") { Description = "Rows per training step. Default 500; for CTGAN a multiple of 10." };
        var seed = new Option<int>("--seed") { Description = "The seed of every random draw in training. Default 0." };
        var noProgress = new Option<bool>("--no-progress") { Description = "Do not draw a progress bar." };

        var command = new Command("train", "Train a CTGAN or TVAE model on a table and save it as a model file.")
        {
            synthesizer, input, output, epochs, batchSize, seed, noProgress,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var request = new TrainRequest(
                parseResult.GetValue(synthesizer)!,
                parseResult.GetValue(input)!,
                parseResult.GetValue(output)!,
                parseResult.GetValue(epochs),
                parseResult.GetValue(batchSize),
                parseResult.GetValue(seed),
                !parseResult.GetValue(noProgress) && !Console.IsErrorRedirected);

            // Training is CPU-bound and synchronous; it runs off the invocation thread so Ctrl+C is seen at once.
            return await Task.Run(() => Run(request, Console.Out, Console.Error, cancellationToken), CancellationToken.None);
        });
        return command;
    }

    private static int Run(TrainRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (PathChecks.Input(request.Input.FullName, "Input file") is { } inputProblem)
        {
            error.WriteLine(inputProblem);
            return ExitCodes.Usage;
        }

        ISynthesizer synthesizer;
        try
        {
            synthesizer = CreateSynthesizer(request);
        }
        catch (ArgumentException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.Usage;
        }

        Table table;
        try
        {
            table = TableReader.Read(request.Input.FullName).Table;
        }
        catch (DataFormatException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.InvalidInput;
        }

        var options = new SynthesisOptions { Seed = request.Seed };
        bool cancelled = false;

        // Ctrl+C stops training at the next step instead of ending the process, so the last finished epoch
        // can still be saved.
        using var interrupt = new InterruptSignal(cancellationToken);
        try
        {
            if (request.ShowProgress)
            {
                FitWithProgress(synthesizer, table, options, interrupt.Token);
            }
            else
            {
                synthesizer.Fit(table, options, new EpochLog(error), interrupt.Token);
            }
        }
        catch (OperationCanceledException)
        {
            cancelled = true;
        }
        catch (ColumnFitException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.InvalidInput;
        }

        foreach (SynthesisWarning warning in synthesizer.Warnings)
        {
            error.WriteLine($"Warning: {warning.Message}");
        }

        int completed = CompletedEpochs(synthesizer);
        if (!synthesizer.IsFitted)
        {
            error.WriteLine("Training was cancelled before the first epoch finished; no model was written.");
            return ExitCodes.Cancelled;
        }

        using (var writer = new AtomicFileWriter(request.Output.FullName))
        {
            synthesizer.Save(writer.Stream);
            writer.Commit();
        }

        if (cancelled)
        {
            error.WriteLine($"Training was cancelled; wrote the model of epoch {completed} to {request.Output.FullName}.");
            return ExitCodes.Cancelled;
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Trained {request.Synthesizer} for {completed} epochs on {table.RowCount} rows; wrote {request.Output.FullName}."));
        return ExitCodes.Success;
    }

    private static ISynthesizer CreateSynthesizer(TrainRequest request) => request.Synthesizer switch
    {
        "ctgan" => new CtganSynthesizer(new CtganOptions
        {
            Epochs = request.Epochs ?? new CtganOptions().Epochs,
            BatchSize = request.BatchSize ?? new CtganOptions().BatchSize,
        }),
        "tvae" => new TvaeSynthesizer(new TvaeOptions
        {
            Epochs = request.Epochs ?? new TvaeOptions().Epochs,
            BatchSize = request.BatchSize ?? new TvaeOptions().BatchSize,
        }),
        _ => throw new ArgumentException($"--synthesizer: '{request.Synthesizer}' is invalid; expected ctgan or tvae."),
    };

    private static int CompletedEpochs(ISynthesizer synthesizer) => synthesizer switch
    {
        CtganSynthesizer ctgan => ctgan.CompletedEpochs,
        TvaeSynthesizer tvae => tvae.CompletedEpochs,
        _ => 0,
    };

    private static void FitWithProgress(ISynthesizer synthesizer, Table table, SynthesisOptions options, CancellationToken cancellationToken)
    {
        // Progress goes to standard error, so standard output stays clean for scripts.
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask("Fitting the transformer", maxValue: 1);
                synthesizer.Fit(
                    table,
                    options,
                    new ImmediateProgress(report =>
                    {
                        task.MaxValue = Math.Max(report.Total, 1);
                        task.Value = report.Completed;
                        task.Description = Markup.Escape(Describe(report));
                    }),
                    cancellationToken);
            });
    }

    private static string Describe(TrainingProgress report)
    {
        if (report.Stage != "epoch")
        {
            return "Fitting the transformer";
        }

        string losses = report.Losses is null
            ? string.Empty
            : string.Join(", ", report.Losses.Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} {pair.Value:F3}")));
        return string.Create(CultureInfo.InvariantCulture, $"Epoch {report.Completed}/{report.Total} ({losses})");
    }

    private sealed record TrainRequest(
        string Synthesizer,
        FileInfo Input,
        FileInfo Output,
        int? Epochs,
        int? BatchSize,
        int Seed,
        bool ShowProgress);

    /// <summary>Writes one line per finished epoch with the losses and the estimated time left, for logs.</summary>
    private sealed class EpochLog(TextWriter error) : IProgress<TrainingProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public void Report(TrainingProgress value)
        {
            if (value.Stage != "epoch")
            {
                if (value.Completed == value.Total)
                {
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Fitted the transformer in {_clock.Elapsed.TotalSeconds:F1} s."));
                    _clock.Restart();
                }

                return;
            }

            double left = _clock.Elapsed.TotalSeconds / value.Completed * (value.Total - value.Completed);
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Describe(value)}, about {left:F0} s left"));
        }
    }

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, which posts to the thread pool.</summary>
    private sealed class ImmediateProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
