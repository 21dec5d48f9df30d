namespace SyntheticData.Cli;

/// <summary>
/// The checks every command makes on the files it is given, with one wording: a missing file, a folder where a file
/// belongs, and an output whose folder is missing. Each returns the message to print, or null when the path is usable.
/// </summary>
internal static class PathChecks
{
    /// <summary>Checks a file to read; <paramref name="role"/> names it in the message, such as "Input file".</summary>
    public static string? Input(string path, string role) =>
        Directory.Exists(path) ? $"{role} {path} is a folder, not a file."
        : File.Exists(path) ? null
        : $"{role} {path} was not found.";

    /// <summary>Checks a file to write: it must not be a folder, and its folder must exist.</summary>
    public static string? Output(string path)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return $"Output {full} is a folder; name a file inside it.";
        }

        string folder = Path.GetDirectoryName(full)!;
        return Directory.Exists(folder) ? null : $"Output folder {folder} does not exist.";
    }
}
