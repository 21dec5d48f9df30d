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

    /// <summary>The encodings that a policy's <c>encoding</c> field accepts, as the schema spells them.</summary>
    public static readonly IReadOnlyList<string> PolicyEncodings = ["utf-8", "windows-1252", "iso-8859-1"];

    /// <summary>
    /// Returns the policy spelling of <paramref name="name"/> (<c>cp1252</c> becomes <c>windows-1252</c>), or null with
    /// <paramref name="error"/> set when a policy cannot name that encoding.
    /// </summary>
    public static string? ForPolicy(string name, out string? error)
    {
        error = Describe(name);
        if (error is not null)
        {
            return null;
        }

        string standard = CsvReadOptions.StandardEncodingName(name)!;
        if (!PolicyEncodings.Contains(standard, StringComparer.Ordinal))
        {
            error = $"--encoding: a policy can name {string.Join(", ", PolicyEncodings)}, and '{name}' is {standard}. Convert the extract to utf-8 first.";
            return null;
        }

        return standard;
    }

    /// <summary>Returns the error for an encoding name that CSV reading does not know, or null for a known one.</summary>
    public static string? Describe(string name) =>
        CsvReadOptions.IsKnownEncoding(name)
            ? null
            : $"--encoding: '{name}' is not a known encoding; use for example utf-8 or windows-1252.";
}
