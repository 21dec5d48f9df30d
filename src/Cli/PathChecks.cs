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

    /// <summary>
    /// Checks a file to write: it must not be a folder, and its folder must exist. <paramref name="role"/> names it in
    /// the message, such as "Report".
    /// </summary>
    public static string? Output(string path, string role = "Output")
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return $"{role} {full} is a folder; name a file inside it.";
        }

        string folder = Path.GetDirectoryName(full)!;
        return Directory.Exists(folder) ? null : $"{role} folder {folder} does not exist.";
    }

    /// <summary>
    /// Checks that an output names none of the other files of the command, such as its input, its policy or its key
    /// file, which writing the output would replace. Paths are compared after following a symbolic link at the file
    /// itself. <paramref name="others"/> pairs each path with its role, such as "the input".
    /// </summary>
    public static string? NotOverwriting(string output, string outputOption, params (string? Path, string Role)[] others)
    {
        string target = Resolve(output);
        foreach ((string? path, string role) in others)
        {
            if (path is not null && string.Equals(Resolve(path), target, StringComparison.Ordinal))
            {
                return $"{outputOption} {Path.GetFullPath(output)} is also {role}; writing it would replace that file. Name another file.";
            }
        }

        return null;
    }

    // Returns the full path, or the final target of a symbolic link at that path.
    private static string Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            // A link loop: the path itself is compared instead.
            return full;
        }
    }
}
