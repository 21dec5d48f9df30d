using System.CommandLine;
using SyntheticData.Cli.Commands;

var root = new RootCommand(
    "synthdata: anonymize raw extracts and train synthetic data generators, on a laptop or as a job of the cloud pipeline.");
foreach (Command command in CommandCatalog.Create())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
