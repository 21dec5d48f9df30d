namespace SyntheticData.Benchmarks;

/// <summary>
/// Lookup of the public data sets in the shared folder beside the repository (<c>../shared/data</c>). It searches
/// upwards for <c>Serverless.sln</c> from the current directory and from the benchmark's build folder.
/// </summary>
internal static class SharedData
{
    /// <summary>Returns the full path of <paramref name="fileName"/> in the shared data folder, or null when it is not there.</summary>
    public static string? Find(string fileName)
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                string candidate = Path.Combine(directory.FullName, "..", "shared", "data", fileName);
                if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")) && File.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }

    /// <summary>Returns the full path of <paramref name="fileName"/> in the shared data folder.</summary>
    /// <exception cref="FileNotFoundException">The file is not in <c>../shared/data</c> beside the repository.</exception>
    public static string Require(string fileName) =>
        Find(fileName) ?? throw new FileNotFoundException($"{fileName} not found in ../shared/data beside the repository; pass --data FILE.");
}
