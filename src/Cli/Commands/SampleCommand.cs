using System.CommandLine;
using System.Globalization;
using SyntheticData.Synthesis;
using SyntheticData.Synthesis.Ctgan;
using SyntheticData.Synthesis.Transformers;
using SyntheticData.Synthesis.Tvae;
using SyntheticData.Tabular;

namespace SyntheticData.Cli.Commands;

/// <summary>
/// Builds the <c>sample</c> command: loads a model file and writes synthetic rows, optionally with one
/// column fixed to a value.
/// </summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var model = new Option<FileInfo>("--model") { Description = "The model file written by train.", Required = true };
        var rows = new Option<int>("--rows") { Description = "The number of rows to write.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The CSV file to write (.parquet writes Parquet).", Required = true };
        var seed = new Option<int>("--seed") { Description = "The seed of the sampling draws. Default 0." };
        var condition = new Option<string?>("--condition")
        {
            Description = "Sample only rows where a column has a value, as column=value. Numbers match within 1 % of the value and are set to it exactly.",
        };

        var command = new Command("sample", "Write synthetic rows from a saved model.")
        {
            model, rows, output, seed, condition,
        };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            parseResult.GetValue(model)!,
            parseResult.GetValue(rows),
            parseResult.GetValue(output)!,
            parseResult.GetValue(seed),
            parseResult.GetValue(condition),
            Console.Out,
            Console.Error,
            cancellationToken)));
        return command;
    }

    private static int Run(
        FileInfo modelFile,
        int rows,
        FileInfo outputFile,
        int seed,
        string? conditionText,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        if (rows < 0)
        {
            error.WriteLine($"--rows: {rows} is invalid; expected 0 or more.");
            return ExitCodes.Usage;
        }

        if (PathChecks.Input(modelFile.FullName, "Model file") is { } modelProblem)
        {
            error.WriteLine(modelProblem);
            return ExitCodes.Usage;
        }

        SamplingCondition? condition = null;
        if (conditionText is not null)
        {
            try
            {
                condition = SamplingCondition.Parse(conditionText);
            }
            catch (FormatException exception)
            {
                error.WriteLine($"--condition: {exception.Message}");
                return ExitCodes.Usage;
            }
        }

        ISynthesizer synthesizer;
        try
        {
            using FileStream stream = modelFile.OpenRead();
            synthesizer = CreateFactory().Load(stream);
        }
        catch (ModelFormatException exception)
        {
            error.WriteLine($"Model file {modelFile.FullName} is invalid: {exception.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (NotSupportedException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.InvalidInput;
        }

        Table table;
        try
        {
            table = condition is null
                ? synthesizer.Sample(rows, seed, cancellationToken)
                : SampleConditioned(synthesizer, rows, seed, condition, cancellationToken);
        }
        catch (ArgumentException exception)
        {
            error.WriteLine($"--condition: {exception.Message}");
            return ExitCodes.Usage;
        }
        catch (SynthesisException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.InternalError;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("Sampling was cancelled; no file was written.");
            return ExitCodes.Cancelled;
        }

        if (outputFile.Extension.Equals(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            TableWriter.WriteParquet(table, outputFile.FullName);
        }
        else
        {
            TableWriter.WriteCsv(table, outputFile.FullName);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {table.RowCount} rows to {outputFile.FullName}."));
        return ExitCodes.Success;
    }

    private static Table SampleConditioned(ISynthesizer synthesizer, int rows, int seed, SamplingCondition condition, CancellationToken cancellationToken) =>
        synthesizer is IConditionalSynthesizer conditional
            ? conditional.Sample(rows, seed, condition, cancellationToken)
            : throw new ArgumentException($"A {synthesizer.Kind} model does not support conditions.");

    private static SynthesizerFactory CreateFactory()
    {
        SynthesizerFactory factory = SynthesizerFactory.CreateDefault();
        factory.Register(SynthesizerKind.Ctgan, () => new CtganSynthesizer(), CtganSynthesizer.Load);
        factory.Register(SynthesizerKind.Tvae, () => new TvaeSynthesizer(), TvaeSynthesizer.Load);
        return factory;
    }
}
