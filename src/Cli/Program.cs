using System.CommandLine;
using SyntheticData.Cli.Commands;

var root = new RootCommand(
    "synthdata: anonymize raw extracts and train synthetic data generators, on a laptop or as a job of the cloud pipeline.");
foreach (Command command in CommandCatalog.Create())
{
    root.Subcommands.Add(command);
}

ParseResult parseResult = root.Parse(args);
if (parseResult.Errors.Count > 0)
{
    // Usage mistakes exit with the documented usage code; System.CommandLine alone would exit with 1.
    foreach (System.CommandLine.Parsing.ParseError error in parseResult.Errors)
    {
        Console.Error.WriteLine(SyntheticData.Cli.UsageMessages.Describe(error.Message));
    }

    Console.Error.WriteLine("Run 'synthdata --help' or 'synthdata <command> --help' for usage.");
    return SyntheticData.Cli.ExitCodes.Usage;
}

return await parseResult.InvokeAsync();
