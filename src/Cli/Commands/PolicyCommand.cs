using System.CommandLine;
using SyntheticData.Cli.Anonymization;
using SyntheticData.Pipeline.Anonymization;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Policies;
using SyntheticData.Tabular;

namespace SyntheticData.Cli.Commands;

/// <summary>Builds the <c>policy</c> command and its subcommands <c>init</c>, <c>check</c> and <c>schema</c>.</summary>
internal static class PolicyCommand
{
    public static Command Create()
    {
        var command = new Command("policy", "Draft, check and describe dataset policies.");
        command.Subcommands.Add(CreateInit());
        command.Subcommands.Add(CreateCheck());
        command.Subcommands.Add(CreateSchema());
        return command;
    }

    private static Command CreateInit()
    {
        var input = new Argument<FileInfo>("input") { Description = "The raw extract to sample." };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the draft policy; standard output when omitted." };
        var region = new Option<string?>("--region")
        {
            Description = "ISO 3166-1 alpha-2 region for phone numbers without a country prefix. Default: the region the sampled numbers and headers show, else US.",
        };
        var keyId = new Option<string>("--key-id") { Description = "The key id the policy names.", DefaultValueFactory = _ => "default" };
        var k = new Option<int>("--k") { Description = "The smallest equivalence class size to reach.", DefaultValueFactory = _ => 5 };
        var sampleRows = new Option<int>("--sample-rows")
        {
            Description = "How many leading records to classify.",
            DefaultValueFactory = _ => 10_000,
        };
        var dataset = new Option<string?>("--dataset") { Description = "The dataset name; default the input file name." };
        Option<string> encoding = EncodingOption.Create(
            "The text encoding of a CSV extract, such as utf-8 or windows-1252, written into the policy. Default utf-8.");
        var separator = new Option<string?>("--separator")
        {
            Description = "The CSV field separator, written into the policy: one character, or 'tab'. Default a tab for a .tsv file, else ','.",
        };
        var nullMarkers = new Option<string[]>("--null-marker")
        {
            Description = "A CSV field text that means a missing value, such as NULL or \\N, written into the policy; repeat for several. Default: empty, NULL and \\N.",
            AllowMultipleArgumentsPerToken = false,
        };

        var force = new Option<bool>("--force") { Description = "Replace the --out file when it exists, which may be a reviewed policy." };

        var command = new Command("init", "Draft a policy from the columns detection finds, with the reason for each choice as a comment.")
        {
            input, output, region, keyId, k, sampleRows, dataset, encoding, separator, nullMarkers, force,
        };
        command.SetAction(parseResult =>
        {
            FileInfo file = parseResult.GetValue(input)!;
            string? outputPath = parseResult.GetValue(output)?.FullName;
            if ((PathChecks.Input(file.FullName, "Input file")
                ?? (outputPath is null ? null : PathChecks.Output(outputPath) ?? PathChecks.NotOverwriting(outputPath, "--out", (file.FullName, "the input")))) is { } inputProblem)
            {
                Console.Error.WriteLine(inputProblem);
                return ExitCodes.Usage;
            }

            if (outputPath is not null && File.Exists(outputPath) && !parseResult.GetValue(force))
            {
                Console.Error.WriteLine($"{outputPath} exists and may be a reviewed policy. Pass --force to replace it, or name another file.");
                return ExitCodes.Usage;
            }

            string? phoneRegion = parseResult.GetValue(region);
            if (phoneRegion is not null && RegionCodes.Describe(phoneRegion) is { } regionError)
            {
                Console.Error.WriteLine($"--region: {regionError}");
                return ExitCodes.Usage;
            }

            int rows = parseResult.GetValue(sampleRows);
            int target = parseResult.GetValue(k);
            if (rows < 1 || target < 1)
            {
                Console.Error.WriteLine(rows < 1 ? "--sample-rows must be at least 1." : "--k must be at least 1.");
                return ExitCodes.Usage;
            }

            // The draft's encoding field must pass the policy schema, which spells each encoding one way.
            if (EncodingOption.ForPolicy(parseResult.GetValue(encoding)!, out string? encodingError) is not { } encodingName)
            {
                Console.Error.WriteLine(encodingError);
                return ExitCodes.Usage;
            }

            string separatorText = parseResult.GetValue(separator) ?? ScanCommand.DefaultSeparator(parseResult.GetValue(input)!.Name);
            if (ScanCommand.ParseSeparator(separatorText) is not char separatorChar)
            {
                Console.Error.WriteLine($"--separator: '{separatorText}' is invalid; expected one character or 'tab'.");
                return ExitCodes.Usage;
            }

            // The empty field is always missing, as scan reads it.
            string[] markers = parseResult.GetValue(nullMarkers) is { Length: > 0 } given
                ? [string.Empty, .. given.Where(marker => marker.Length > 0).Distinct(StringComparer.Ordinal)]
                : [.. new DatasetPolicy().NullMarkers];
            var settings = new DatasetPolicy
            {
                Encoding = encodingName,
                Separator = separatorChar,
                NullMarkers = markers,
                Dataset = parseResult.GetValue(dataset) ?? Path.GetFileNameWithoutExtension(file.Name),
                KeyId = parseResult.GetValue(keyId)!,
                // Without --region the draft takes the region from the data.
                DefaultPhoneRegion = phoneRegion,
                K = target,
            };

            // The reader cannot use every separator, and the draft must pass policy check.
            if (PolicyReader.Check(settings).FirstOrDefault(error => error.StartsWith("separator", StringComparison.Ordinal) || error.StartsWith("nullMarkers", StringComparison.Ordinal)) is { } settingError)
            {
                Console.Error.WriteLine($"--separator or --null-marker: {settingError}.");
                return ExitCodes.Usage;
            }

            DatasetPolicy draft;
            try
            {
                draft = PolicyDrafting.Draft(file.FullName, settings, rows);
            }
            catch (DataFormatException exception)
            {
                Console.Error.WriteLine(exception.Message);
                if (SeparatorHint.AfterFailedRead(file.FullName, ExtractAnonymizer.ReadOptionsOf(settings), "policy init") is { } failedHint)
                {
                    Console.Error.WriteLine(failedHint);
                }

                return ExitCodes.InvalidInput;
            }

            if (SeparatorHint.Describe([.. draft.Columns.Keys], "policy init") is { } hint)
            {
                Console.Error.WriteLine(hint);
            }

            string json = PolicyWriter.ToJson(draft);
            if (parseResult.GetValue(output) is { } outputFile)
            {
                try
                {
                    File.WriteAllText(outputFile.FullName, json);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"The draft policy could not be written to {outputFile.FullName}: {exception.Message}");
                    return ExitCodes.Usage;
                }

                string columns = draft.Columns.Count == 1 ? "1 column" : $"{draft.Columns.Count} columns";
                Console.Error.WriteLine($"Wrote a draft policy for {columns} to {outputFile.FullName}; review every comment before use.");
                if (draft.Comment is { } comment)
                {
                    Console.Error.WriteLine(comment);
                }
            }
            else
            {
                Console.Out.Write(json);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateCheck()
    {
        var policy = new Argument<FileInfo>("policy") { Description = "The policy file to check." };
        var input = new Option<FileInfo?>("--input")
        {
            Description = "An extract to try the policy on: its header must match, and its first records are anonymized in memory and rescanned.",
        };
        var records = new Option<int>("--sample-rows")
        {
            Description = "How many leading records of --input to try.",
            DefaultValueFactory = _ => PolicyTrial.DefaultRecords,
        };
        var command = new Command("check", "Check a policy against the schema and the rules the schema cannot express, and optionally try it on an extract.")
        {
            policy,
            input,
            records,
        };
        command.SetAction(parseResult =>
        {
            FileInfo file = parseResult.GetValue(policy)!;
            FileInfo? extract = parseResult.GetValue(input);
            int sampleRows = parseResult.GetValue(records);
            if ((PathChecks.Input(file.FullName, "Policy file")
                ?? (extract is null ? null : PathChecks.Input(extract.FullName, "Input file"))) is { } pathProblem)
            {
                Console.Error.WriteLine(pathProblem);
                return ExitCodes.Usage;
            }

            if (sampleRows < 1)
            {
                Console.Error.WriteLine("--sample-rows must be at least 1.");
                return ExitCodes.Usage;
            }

            DatasetPolicy loaded;
            try
            {
                loaded = PolicyReader.Load(file.FullName);
            }
            catch (PolicyException exception)
            {
                Console.Error.WriteLine(exception.Message);
                return ExitCodes.InvalidPolicy;
            }

            if (extract is null)
            {
                Console.WriteLine($"{file.FullName} is a valid policy with {Counts.Of(loaded.Columns.Count, "column")}.");
                return ExitCodes.Success;
            }

            // The trial may still reject the policy for this extract, so this line only reports the policy's own checks.
            Console.WriteLine($"{file.FullName} is a valid policy with {Counts.Of(loaded.Columns.Count, "column")}; trying it on {extract.FullName}.");
            return Try(file, loaded, extract, sampleRows);
        });
        return command;
    }

    private static int Try(FileInfo policyFile, DatasetPolicy policy, FileInfo extract, int sampleRows)
    {
        PolicyTrialResult trial;
        try
        {
            trial = PolicyTrial.Run(extract.FullName, policy, sampleRows);
        }
        catch (PolicyException exception)
        {
            Console.Error.WriteLine(PolicyMessages.Describe(exception, policyFile.FullName, extract.FullName));
            return ExitCodes.InvalidPolicy;
        }
        catch (DataFormatException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return ExitCodes.InvalidInput;
        }

        if (PolicyMessages.MissingColumns(trial.Plan, extract.FullName) is { } missingColumns)
        {
            Console.Error.WriteLine(missingColumns);
        }

        // Columns with some unreadable values are worth knowing about whether or not the trial fails.
        foreach (string warning in ExtractAnonymizer.DescribeInvalidValues(trial.Summary, trial.Plan, tried: true))
        {
            Console.Error.WriteLine(warning);
        }

        IReadOnlyList<string> failures = PolicyTrial.DescribeFailures(trial);
        foreach (string failure in failures)
        {
            Console.Error.WriteLine(failure);
        }

        if (failures.Count > 0)
        {
            string consequence = trial.Rescan.Passed ? "would write whole columns empty" : "would fail its rescan";
            Console.Error.WriteLine($"A full run with this policy {consequence}; tried the first {trial.Records} records of {extract.FullName}.");
            return ExitCodes.GateFailed;
        }


        if (trial.Records == 0)
        {
            Console.WriteLine($"{extract.FullName} matches the policy but has no records to try.");
            return ExitCodes.Success;
        }

        int protectedColumns = trial.Plan.Columns.Count(c => c.IsProtected);
        Console.WriteLine(
            $"Tried on the first {trial.Records} records of {extract.FullName}: the policy protects {protectedColumns} of {trial.Plan.Columns.Count} columns, and the rescan found nothing that would fail a full run.");

        // These classes are at least as large in the whole extract, which may also have other, smaller ones.
        if (trial.Summary.Risk is { Classes: > 0 } risk)
        {
            string verdict = risk.MeetsK
                ? "so k is reached there"
                : $"below k = {risk.TargetK}; anonymize measures k over the whole extract, where these classes are at least as large";
            Console.WriteLine($"In those records the smallest equivalence class has {Members(risk.SmallestClass, risk.EntityColumn)}, {verdict}.");
        }

        if (trial.Summary.SuppressedToReachK > 0)
        {
            string suppressed = trial.Summary.SuppressedToReachK == trial.Records
                ? $"all {Counts.Of(trial.Records, "record")}"
                : $"{trial.Summary.SuppressedToReachK} of the {Counts.Of(trial.Records, "record")}";
            Console.WriteLine($"enforceK suppressed the quasi-identifiers of {suppressed} tried; generalise the quasi-identifiers further to keep more of them.");
        }

        return ExitCodes.Success;
    }

    /// <summary>Returns a class size in its unit: records, or people (distinct values of the entity column).</summary>
    private static string Members(long size, string? entityColumn) => entityColumn is null
        ? Counts.Of(size, "record")
        : $"{(size == 1 ? "1 person" : $"{size} people")} (distinct '{entityColumn}')";

    private static Command CreateSchema()
    {
        var command = new Command("schema", "Print the JSON Schema of dataset policies.");
        command.SetAction(_ =>
        {
            Console.Out.Write(PolicySchema.Text);
            return ExitCodes.Success;
        });
        return command;
    }
}
