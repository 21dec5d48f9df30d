using System.Text.RegularExpressions;

namespace SyntheticData.Cli;

/// <summary>Rewrites System.CommandLine's parse errors for users, who should not read .NET type names.</summary>
internal static partial class UsageMessages
{
    /// <summary>
    /// Returns <paramref name="message"/> with "as expected type 'System.Nullable`1[System.Int32]'" and the like replaced
    /// by what the option expects, such as "as a whole number".
    /// </summary>
    public static string Describe(string message) =>
        ExpectedType().Replace(message, match => "as " + Expected(match.Groups["type"].Value));

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("Int", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Single", StringComparison.Ordinal)
            || type.Contains("Decimal", StringComparison.Ordinal) => "a number",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.Contains("FileInfo", StringComparison.Ordinal) || type.Contains("DirectoryInfo", StringComparison.Ordinal) => "a path",
        _ => "a value of the option's kind",
    };

    [GeneratedRegex("as expected type '(?<type>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex ExpectedType();
}
