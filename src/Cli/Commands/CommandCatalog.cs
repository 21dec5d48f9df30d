using System.CommandLine;

namespace SyntheticData.Cli.Commands;

/// <summary>
/// The list of subcommands. Each command is built by a static factory in its own file.
/// </summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create()
    {
        yield return AnonymizeCommand.Create();
        yield return PolicyCommand.Create();
        yield return GenerateSampleCommand.Create();
        yield return ScanCommand.Create();
        yield return EvaluateCommand.Create();
        yield return TrainCommand.Create();
        yield return SampleCommand.Create();
        yield return RunCommand.Create();
        yield return KeysCommand.Create();
    }
}
