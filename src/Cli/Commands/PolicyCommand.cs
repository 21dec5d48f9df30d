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
        var region = new Option<string>("--region")
        {
            Description = "ISO 3166-1 alpha-2 region for phone numbers without a country prefix.",
            DefaultValueFactory = _ => "US",
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

        var command = new Command("init", "Draft a policy from the columns detection finds, with the reason for each choice as a comment.")
        {
            input, output, region, keyId, k, sampleRows, dataset, encoding,
        };
        command.SetAction(parseResult =>
        {
            FileInfo file = parseResult.GetValue(input)!;
            if (!file.Exists)
            {
                Console.Error.WriteLine($"Input file {file.FullName} was not found.");
                return ExitCodes.Usage;
            }

            string phoneRegion = parseResult.GetValue(region)!;
            if (RegionCodes.Describe(phoneRegion) is { } regionError)
            {
                Console.Error.WriteLine($"--region: {regionError}");
                return ExitCodes.Usage;
            }

            int rows = parseResult.GetValue(sampleRows);
            int target = parseResult.GetValue(k);
            if (rows < 1 || target < 1)
            {
                Console.Error.WriteLine("--sample-rows and --k must be at least 1.");
                return ExitCodes.Usage;
            }

            string encodingName = parseResult.GetValue(encoding)!;
            if (EncodingOption.Describe(encodingName) is { } encodingError)
            {
                Console.Error.WriteLine(encodingError);
                return ExitCodes.Usage;
            }

            var settings = new DatasetPolicy
            {
                Encoding = encodingName,
                Dataset = parseResult.GetValue(dataset) ?? Path.GetFileNameWithoutExtension(file.Name),
                KeyId = parseResult.GetValue(keyId)!,
                DefaultPhoneRegion = phoneRegion,
                K = target,
            };

            DatasetPolicy draft;
            try
            {
                draft = PolicyDrafting.Draft(file.FullName, settings, rows);
            }
            catch (DataFormatException exception)
            {
                Console.Error.WriteLine(exception.Message);
                return ExitCodes.InvalidInput;
            }

            string json = PolicyWriter.ToJson(draft);
            if (parseResult.GetValue(output) is { } outputFile)
            {
                File.WriteAllText(outputFile.FullName, json);
                Console.Error.WriteLine($"Wrote a draft policy for {draft.Columns.Count} columns to {outputFile.FullName}; review every comment before use.");
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
        var command = new Command("check", "Check a policy against the schema and the rules the schema cannot express.") { policy };
        command.SetAction(parseResult =>
        {
            FileInfo file = parseResult.GetValue(policy)!;
            if (!file.Exists)
            {
                Console.Error.WriteLine($"Policy file {file.FullName} was not found.");
                return ExitCodes.Usage;
            }

            try
            {
                DatasetPolicy loaded = PolicyReader.Load(file.FullName);
                Console.WriteLine($"{file.FullName} is a valid policy with {loaded.Columns.Count} columns.");
                return ExitCodes.Success;
            }
            catch (PolicyException exception)
            {
                Console.Error.WriteLine(exception.Message);
                return ExitCodes.InvalidPolicy;
            }
        });
        return command;
    }

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
