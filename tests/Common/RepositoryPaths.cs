using System.Runtime.CompilerServices;

namespace SyntheticData.Testing;

/// <summary>
/// Locates the repository root and the shared data folder beside it (<c>../shared</c>), which CI
/// lays next to every clone.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder that contains Serverless.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The shared folder beside the repository: public data sets, cases and golden files.</summary>
    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    /// <summary>Returns the path of a file under <c>../shared/data</c>, failing clearly when it is missing.</summary>
    public static string SharedData(string fileName) => RequireFile(Path.Combine(SharedRoot, "data", fileName));

    /// <summary>Returns the path of a file or folder under the shared folder, failing clearly when it is missing.</summary>
    public static string Shared(params string[] parts)
    {
        string path = Path.Combine([SharedRoot, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"Shared test input not found: {path}. CI lays the shared folder beside the clone.");
        }

        return path;
    }

    private static string RequireFile(string path) =>
        File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Shared test input not found: {path}. CI lays the shared folder beside the clone.");

    // Build outputs may live outside the repository (ArtifactsPath), so this source file's own path is
    // searched too.
    private static string FindRoot() => FindRootFrom(AppContext.BaseDirectory) ?? FindRootFrom(SourceFolder())
        ?? throw new InvalidOperationException("Serverless.sln not found above the test assembly's folder or this source file.");

    private static string? FindRootFrom(string start)
    {
        for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static string SourceFolder([CallerFilePath] string sourceFile = "") => Path.GetDirectoryName(sourceFile) ?? ".";
}
