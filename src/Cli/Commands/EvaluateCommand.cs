using System.CommandLine;
using System.Globalization;
using SyntheticData.Evaluation;
using SyntheticData.Tabular;

namespace SyntheticData.Cli.Commands;

/// <summary>
/// Builds the <c>evaluate</c> command: scores a synthetic file against a real file (and a holdout) with the quality,
/// privacy and machine-learning metrics, checks the gates given as options, and writes the HTML and JSON reports.
/// </summary>
internal static class EvaluateCommand
{
    private const int MaxInvalidCellsShown = 5;

    public static Command Create()
    {
        var real = new Argument<FileInfo>("real") { Description = "The real rows the synthesizer trained on (CSV, gzip CSV, Parquet or JSON Lines)." };
        var synthetic = new Argument<FileInfo>("synthetic") { Description = "The synthetic rows to evaluate." };
        var holdout = new Option<FileInfo?>("--holdout") { Description = "Real rows the synthesizer never saw; needed for DCROverfittingProtection and machine-learning efficacy." };
        var metadata = new Option<FileInfo?>("--metadata") { Description = "An SDMetrics metadata.json giving each column's sdtype; without it the types are detected from the real file." };
        var target = new Option<string?>("--target") { Description = "The column that machine-learning efficacy predicts (needs --holdout)." };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder for evaluation-report.html and evaluation-report.json. Default: ./evaluation.",
            DefaultValueFactory = _ => new DirectoryInfo("evaluation"),
        };
        var minQuality = new Option<double?>("--min-quality") { Description = "Gate: the minimum overall quality score (SDMetrics 0.27+ mode), from 0 to 1." };
        var minBaseline = new Option<double?>("--min-dcr-baseline") { Description = "Gate: the minimum DCRBaselineProtection, from 0 to 1." };
        var minOverfitting = new Option<double?>("--min-dcr-overfitting") { Description = "Gate: the minimum DCROverfittingProtection, from 0 to 1 (needs --holdout)." };
        var minNewRows = new Option<double?>("--min-new-rows") { Description = "Gate: the minimum NewRowSynthesis, from 0 to 1." };
        var maxCopies = new Option<double?>("--max-exact-copies") { Description = "Gate: the maximum share of synthetic rows that equal a real row, from 0 to 1." };
        var sampleRows = new Option<int>("--dcr-sample-rows")
        {
            Description = "The most synthetic rows that the DCR metrics score; larger tables are sampled. Default 10000.",
            DefaultValueFactory = _ => 10_000,
        };
        var seed = new Option<int>("--seed") { Description = "The seed of the DCR sample, the random baseline rows and the ML models. Default 0." };

        var command = new Command("evaluate", "Score synthetic rows against real rows: quality, privacy and ML efficacy, with an HTML and a JSON report.")
        {
            real, synthetic, holdout, metadata, target, output, minQuality, minBaseline, minOverfitting, minNewRows, maxCopies, sampleRows, seed,
        };
        command.SetAction(parseResult =>
        {
            var request = new EvaluateRequest(
                parseResult.GetValue(real)!,
                parseResult.GetValue(synthetic)!,
                parseResult.GetValue(holdout),
                parseResult.GetValue(metadata),
                parseResult.GetValue(target),
                parseResult.GetValue(output)!,
                [
                    ("--min-quality", parseResult.GetValue(minQuality)),
                    ("--min-dcr-baseline", parseResult.GetValue(minBaseline)),
                    ("--min-dcr-overfitting", parseResult.GetValue(minOverfitting)),
                    ("--min-new-rows", parseResult.GetValue(minNewRows)),
                    ("--max-exact-copies", parseResult.GetValue(maxCopies)),
                ],
                parseResult.GetValue(sampleRows),
                parseResult.GetValue(seed));
            return Run(request, Console.Out, Console.Error);
        });
        return command;
    }

    private static int Run(EvaluateRequest request, TextWriter output, TextWriter error)
    {
        List<string> problems = Validate(request);
        if (problems.Count > 0)
        {
            problems.ForEach(error.WriteLine);
            return ExitCodes.Usage;
        }

        EvaluationInput input;
        try
        {
            input = ReadInput(request, error);
        }
        catch (DataFormatException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.InvalidInput;
        }
        catch (EvaluationException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.InvalidInput;
        }

        var options = new EvaluationOptions
        {
            Privacy = new PrivacyOptions { MaxSyntheticRows = request.DcrSampleRows, Seed = request.Seed },
            MachineLearning = new MachineLearningEfficacyOptions { Seed = request.Seed },
            Gates = new EvaluationGates
            {
                MinQualityScore = request.Gate("--min-quality"),
                MinDcrBaselineProtection = request.Gate("--min-dcr-baseline"),
                MinDcrOverfittingProtection = request.Gate("--min-dcr-overfitting"),
                MinNewRowSynthesis = request.Gate("--min-new-rows"),
                MaxExactCopyRate = request.Gate("--max-exact-copies"),
            },
        };

        EvaluationResult result;
        try
        {
            result = SyntheticDataEvaluator.Evaluate(input, options);
        }
        catch (EvaluationException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.InvalidInput;
        }

        var context = new ReportContext(
            $"Evaluation of {request.Synthetic.Name}",
            DateTimeOffset.UtcNow,
            request.Real.Name,
            request.Synthetic.Name,
            request.Holdout?.Name);
        EvaluationReportFiles files = EvaluationReportWriter.Write(request.Output.FullName, input, result, context);
        PrintSummary(result, files, output);
        return result.Passed ? ExitCodes.Success : ExitCodes.GateFailed;
    }

    private static List<string> Validate(EvaluateRequest request)
    {
        List<string> problems = [];
        foreach (FileInfo? file in new[] { request.Real, request.Synthetic, request.Holdout, request.Metadata })
        {
            if (file is not null && PathChecks.Input(file.FullName, "Input file") is { } inputProblem)
            {
                problems.Add(inputProblem);
            }
        }

        foreach ((string name, double? value) in request.Gates)
        {
            if (value is < 0 or > 1)
            {
                problems.Add($"{name}: {value.Value.ToString(CultureInfo.InvariantCulture)} is invalid; expected a number from 0 to 1.");
            }
        }

        if (request.DcrSampleRows < 1)
        {
            problems.Add($"--dcr-sample-rows: {request.DcrSampleRows} is invalid; expected at least 1.");
        }

        if (request.Target is not null && request.Holdout is null)
        {
            problems.Add("--target needs --holdout: machine-learning efficacy tests both models on the holdout rows.");
        }

        return problems;
    }

    private static EvaluationInput ReadInput(EvaluateRequest request, TextWriter error)
    {
        EvaluationMetadata? metadata = request.Metadata is null ? null : EvaluationMetadata.Load(request.Metadata.FullName);

        // With metadata, every column is read as text and converted by its sdtype, as SDMetrics parses it. Without,
        // the real file's detected types are declared for the other files so that all three are typed alike.
        TableReadResult real = ReadTable(request.Real, metadata is null ? null : TextDeclarations(metadata), error);
        IReadOnlyDictionary<string, ColumnDeclaration> declarations = metadata is null ? Declarations(real.Schema) : TextDeclarations(metadata);
        metadata ??= EvaluationMetadata.FromTable(real.Table);
        TableReadResult synthetic = ReadTable(request.Synthetic, declarations, error);
        TableReadResult? holdout = request.Holdout is null ? null : ReadTable(request.Holdout, declarations, error);
        return new EvaluationInput(real.Table, synthetic.Table, holdout?.Table, metadata, request.Target);
    }

    private static TableReadResult ReadTable(FileInfo file, IReadOnlyDictionary<string, ColumnDeclaration>? declarations, TextWriter error)
    {
        var options = new TableReadOptions
        {
            Detection = SchemaDetectionOptions.Default with
            {
                Declarations = declarations ?? new Dictionary<string, ColumnDeclaration>(StringComparer.Ordinal),
            },
        };
        TableReadResult result = TableReader.Read(file.FullName, options);
        foreach (InvalidCell cell in result.InvalidCells.Take(MaxInvalidCellsShown))
        {
            error.WriteLine($"Warning: {file.Name}, line {cell.LineNumber}, column '{cell.ColumnName}': {cell.Reason}; the cell is treated as missing.");
        }

        if (result.InvalidCells.Count > MaxInvalidCellsShown)
        {
            error.WriteLine($"Warning: {file.Name} has {result.InvalidCells.Count - MaxInvalidCellsShown} more invalid cells, treated as missing.");
        }

        return result;
    }

    private static Dictionary<string, ColumnDeclaration> Declarations(DetectedSchema schema) =>
        schema.Columns.ToDictionary(
            column => column.Name,
            column => new ColumnDeclaration(column.Type, column.DateTimeFormats.Count == 0 ? null : column.DateTimeFormats),
            StringComparer.Ordinal);

    private static Dictionary<string, ColumnDeclaration> TextDeclarations(EvaluationMetadata metadata) =>
        metadata.Columns.ToDictionary(column => column.Name, _ => new ColumnDeclaration(ColumnType.Categorical), StringComparer.Ordinal);

    private static void PrintSummary(EvaluationResult result, EvaluationReportFiles files, TextWriter output)
    {
        static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.0000", CultureInfo.InvariantCulture);

        foreach (QualityScore score in new[] { result.Quality.StrongPairsOnly, result.Quality.AllPairs })
        {
            output.WriteLine($"Quality, {score.Label}: {F(score.Overall)} (Column Shapes {F(score.ColumnShapes)}, Column Pair Trends {F(score.ColumnPairTrends)} over {score.PairsCounted} pairs)");
        }

        output.WriteLine($"DCRBaselineProtection: {F(result.Privacy.Baseline.Score)}");
        output.WriteLine($"DCROverfittingProtection: {(result.Privacy.Overfitting is { } overfitting ? F(overfitting.Score) : "n/a (no holdout)")}");
        output.WriteLine($"NewRowSynthesis: {F(result.Privacy.NewRows.Score)}; exact copies: {result.Privacy.ExactCopyRows.Count} ({F(result.Privacy.ExactCopyRate)})");
        if (result.MachineLearning is { } efficacy)
        {
            output.WriteLine($"ML efficacy ({efficacy.TargetColumn}, {efficacy.Metric}): trained on synthetic {F(efficacy.SyntheticScore)}, on real {F(efficacy.RealScore)}");
        }
        else if (result.MachineLearningNote is { } note)
        {
            const string NotComputed = "machine-learning efficacy not computed: ";
            string reason = note.StartsWith(NotComputed, StringComparison.Ordinal) ? note[NotComputed.Length..] : note;
            output.WriteLine($"ML efficacy not computed: {reason}");
        }

        foreach (GateResult gate in result.Gates)
        {
            output.WriteLine($"Gate {gate.Name} {gate.Comparison} {gate.Threshold.ToString(CultureInfo.InvariantCulture)}: {F(gate.Actual)} {(gate.Passed ? "PASS" : "FAIL")}{(gate.Note is null ? string.Empty : $" ({gate.Note})")}");
        }

        output.WriteLine($"HTML report: {files.HtmlPath}");
        output.WriteLine($"JSON report: {files.JsonPath}");
    }

    private sealed record EvaluateRequest(
        FileInfo Real,
        FileInfo Synthetic,
        FileInfo? Holdout,
        FileInfo? Metadata,
        string? Target,
        DirectoryInfo Output,
        IReadOnlyList<(string Name, double? Value)> Gates,
        int DcrSampleRows,
        int Seed)
    {
        public double? Gate(string name) => Gates.Single(gate => gate.Name == name).Value;
    }
}
