using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;
using SyntheticData.Pipeline.Anonymization;
using SyntheticData.Privacy.Detection;
using SyntheticData.Tabular;

namespace SyntheticData.Cli.Commands;

/// <summary>
/// Builds the <c>scan</c> command: classifies the columns of a sample of a file and prints, per column, the kind
/// of personal data found, the confidence, the share of values that validated and the reason. Output never
/// contains a cell value.
/// </summary>
internal static class ScanCommand
{
    private const int DefaultSampleRows = 5_000;
    private const int RedirectedWidth = 200;

    public static Command Create()
    {
        var input = new Argument<FileInfo>("file") { Description = "The CSV (optionally gzip), Parquet or JSON Lines file to scan." };
        var separator = new Option<string?>("--separator")
        {
            Description = "The CSV field separator: one character, or 'tab'. Default a tab for a .tsv file, else ','.",
        };
        var nullMarkers = new Option<string[]>("--null-marker")
        {
            Description = "A CSV field text that means a missing value, such as NULL or \\N; repeat for several. The empty field is always missing.",
            AllowMultipleArgumentsPerToken = false,
        };
        var region = new Option<string?>("--region")
        {
            Description = "ISO 3166-1 alpha-2 region for phone numbers without a country prefix, when no country column gives one. Default: the region the phone numbers show, as policy init finds it, else US.",
        };
        var sample = new Option<int>("--sample")
        {
            Description = $"How many leading records to classify. Default {DefaultSampleRows}.",
            DefaultValueFactory = _ => DefaultSampleRows,
        };
        Option<string> encoding = EncodingOption.Create(
            "The text encoding of a CSV file, such as utf-8 or windows-1252. Default utf-8, which rejects invalid bytes.");
        var json = new Option<bool>("--json") { Description = "Write the result as JSON to standard output instead of a table." };

        var command = new Command("scan", "Find personal data: print each column's kind, confidence, share of validated values and the reason.")
        {
            input, separator, nullMarkers, encoding, region, sample, json,
        };
        command.SetAction(parseResult =>
        {
            var request = new ScanRequest(
                parseResult.GetValue(input)!,
                parseResult.GetValue(separator) ?? DefaultSeparator(parseResult.GetValue(input)!.Name),
                parseResult.GetValue(nullMarkers) ?? [],
                parseResult.GetValue(encoding)!,
                parseResult.GetValue(region),
                parseResult.GetValue(sample),
                parseResult.GetValue(json));
            return Run(request, Console.Out, Console.Error);
        });
        return command;
    }

    /// <summary>Runs a scan and returns the process exit code.</summary>
    private static int Run(ScanRequest request, TextWriter output, TextWriter error)
    {
        List<string> problems = [];
        if (PathChecks.Input(request.File.FullName, "Input file") is { } inputProblem)
        {
            problems.Add(inputProblem);
        }

        char? separatorChar = ParseSeparator(request.Separator);
        if (separatorChar is null)
        {
            problems.Add($"--separator: '{request.Separator}' is invalid; expected one character or 'tab'.");
        }

        if (request.Region is not null && RegionCodes.Describe(request.Region) is { } regionError)
        {
            problems.Add($"--region: {regionError}");
        }

        if (request.SampleRows < 1)
        {
            problems.Add($"--sample: {request.SampleRows} is invalid; expected at least 1.");
        }

        string? encodingError = EncodingOption.Describe(request.Encoding);
        if (encodingError is not null)
        {
            problems.Add(encodingError);
        }

        CsvReadOptions csvOptions = new()
        {
            Separator = separatorChar ?? ',',
            NullMarkers = [string.Empty, .. request.NullMarkers.Where(m => m.Length > 0)],
            // An unknown name is already reported above, so validation below does not report it again.
            EncodingName = encodingError is null ? request.Encoding : CsvReadOptions.Default.EncodingName,
        };
        if (csvOptions.Separator is '"' or '\r' or '\n')
        {
            problems.Add("--separator must not be a quote or a line break.");
        }

        try
        {
            csvOptions.Validate();
        }
        catch (ArgumentException exception) when (problems.Count == 0)
        {
            problems.Add(exception.Message);
        }

        if (problems.Count > 0)
        {
            problems.ForEach(error.WriteLine);
            return ExitCodes.Usage;
        }

        IReadOnlyList<ColumnSample> samples;
        try
        {
            using IRecordReader reader = RecordReaderFactory.Open(request.File.FullName, csvOptions);
            HeaderCheck.ThrowIfDataRecord(reader.Header, request.File.FullName, new TextScanner(new DetectionOptions { DefaultRegion = request.Region ?? "US" }));
            samples = ColumnSampler.Read(reader, request.SampleRows);
        }
        catch (DataFormatException exception)
        {
            error.WriteLine(exception.Message);
            if (SeparatorHint.AfterFailedRead(request.File.FullName, csvOptions, "scan") is { } failedHint)
            {
                error.WriteLine(failedHint);
            }

            return ExitCodes.InvalidInput;
        }

        IReadOnlyList<ColumnClassification> columns;
        if (request.Region is null)
        {
            (_, string? regionNote, columns) = PolicyDrafting.ClassifyWithInferredRegion(samples);
            if (regionNote is not null)
            {
                error.WriteLine(regionNote.Replace("defaultPhoneRegion", "The phone region", StringComparison.Ordinal).Replace("pass --region to policy init", "pass --region", StringComparison.Ordinal));
            }
        }
        else
        {
            columns = new ColumnClassifier(new DetectionOptions { DefaultRegion = request.Region }).ClassifyTable(samples);
        }

        int sampledRows = samples.Count == 0 ? 0 : samples[0].Values.Count;
        if (SeparatorHint.Describe([.. columns.Select(column => column.Header)], "scan") is { } hint)
        {
            error.WriteLine(hint);
        }

        if (request.Json)
        {
            WriteJson(output, request.File, sampledRows, columns);
        }
        else
        {
            WriteTable(output, request.File, sampledRows, columns);
        }

        return ExitCodes.Success;
    }

    /// <summary>Returns the <c>--separator</c> value to use when none is given: <c>tab</c> for a .tsv file, else a comma.</summary>
    internal static string DefaultSeparator(string fileName) => Pipeline.Anonymization.PolicyDrafting.DefaultSeparator(fileName) == '\t' ? "tab" : ",";

    /// <summary>Returns the separator that <c>--separator</c> names: one character, or <c>tab</c>; null when invalid.</summary>
    internal static char? ParseSeparator(string text) => text switch
    {
        "tab" or "\\t" or "\t" => '\t',
        { Length: 1 } => text[0],
        _ => null,
    };

    private static void WriteTable(TextWriter output, FileInfo file, int sampledRows, IReadOnlyList<ColumnClassification> columns)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = output == Console.Out ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = output == Console.Out ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (output != Console.Out || Console.IsOutputRedirected)
        {
            // Spectre.Console assumes 80 columns when there is no terminal, which wraps every reason into a narrow strip.
            console.Profile.Width = RedirectedWidth;
        }

        var table = new Spectre.Console.Table().Title(new TableTitle(Markup.Escape($"{file.Name}: {columns.Count} columns, {sampledRows} rows sampled")));
        table.AddColumn("Column");
        table.AddColumn("Kind");
        table.AddColumn(new TableColumn("Confidence").RightAligned());
        table.AddColumn(new TableColumn("Validated").RightAligned());
        table.AddColumn("Reason");
        foreach (ColumnClassification column in columns)
        {
            string kind = column.Kind switch
            {
                PiiKind.None when column.IsFreeText => "free text",
                PiiKind.None => "none found",
                _ when column.IsDirectIdentifier => $"[red]{column.Kind}[/]",
                _ when column.IsSpecialCategory => $"[yellow]{column.Kind}[/] (sensitive)",
                _ => $"[yellow]{column.Kind}[/] (quasi)",
            };
            table.AddRow(
                new Text(column.Header.Length == 0 ? "(unnamed)" : column.Header),
                new Markup(kind),
                new Text(column.Confidence.ToString("0.00", CultureInfo.InvariantCulture)),
                new Text(column.Kind == PiiKind.None ? "-" : column.ValidatedShare.ToString("P0", CultureInfo.InvariantCulture)),
                new Text(column.Reason));
        }

        console.Write(table);
        int direct = columns.Count(c => c.IsDirectIdentifier);
        int quasi = columns.Count(c => c.IsQuasiIdentifier);
        int freeText = columns.Count(c => c.IsFreeText);
        int special = columns.Count(c => c.IsSpecialCategory);
        console.WriteLine(
            $"{Counts.Of(direct, "direct identifier")}, {Counts.Of(quasi, "quasi-identifier")}, "
            + $"{Counts.Of(special, "special-category column")}, "
            + $"{Counts.Of(freeText, "free-text column")} to scan cell by cell.");
        if (columns.Any(c => c.Kind == PiiKind.None))
        {
            console.WriteLine("For a column with no kind found, the confidence is how sure the scan is that the column contains no personal data.");
        }
    }

    private static void WriteJson(TextWriter output, FileInfo file, int sampledRows, IReadOnlyList<ColumnClassification> columns)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("file", file.FullName);
            writer.WriteNumber("sampledRows", sampledRows);
            writer.WriteStartArray("columns");
            foreach (ColumnClassification column in columns)
            {
                writer.WriteStartObject();
                writer.WriteString("header", column.Header);
                writer.WriteString("kind", column.Kind.ToString());
                writer.WriteBoolean("directIdentifier", column.IsDirectIdentifier);
                writer.WriteBoolean("quasiIdentifier", column.IsQuasiIdentifier);
                writer.WriteBoolean("specialCategory", column.IsSpecialCategory);
                writer.WriteNumber("confidence", column.Confidence);
                writer.WriteNumber("validatedShare", column.ValidatedShare);
                writer.WriteNumber("sampleCount", column.SampleCount);
                writer.WriteBoolean("freeText", column.IsFreeText);
                writer.WriteStartArray("embeddedKinds");
                foreach (PiiKind kind in column.EmbeddedKinds)
                {
                    writer.WriteStringValue(kind.ToString());
                }

                writer.WriteEndArray();
                if (column.RegionColumn is not null)
                {
                    writer.WriteString("regionColumn", column.RegionColumn);
                }

                writer.WriteString("reason", column.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>The parsed command line of one scan.</summary>
    private sealed record ScanRequest(
        FileInfo File, string Separator, string[] NullMarkers, string Encoding, string? Region, int SampleRows, bool Json);
}
