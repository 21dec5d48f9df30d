using System.CommandLine;
using SyntheticData.Tabular;

namespace SyntheticData.Cli.Commands;

/// <summary>The <c>--encoding</c> option of the commands that read an extract before any policy names its encoding.</summary>
internal static class EncodingOption
{
    /// <summary>Creates the option, with utf-8 as its default.</summary>
    public static Option<string> Create(string description) => new("--encoding")
    {
        Description = description,
        DefaultValueFactory = _ => "utf-8",
    };

    /// <summary>Returns the error for an encoding name that CSV reading does not know, or null for a known one.</summary>
    public static string? Describe(string name) =>
        CsvReadOptions.IsKnownEncoding(name)
            ? null
            : $"--encoding: '{name}' is not a known encoding; use for example utf-8 or windows-1252.";
}
