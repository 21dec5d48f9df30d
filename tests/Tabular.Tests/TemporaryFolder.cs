using System.IO.Compression;
using System.Text;

namespace SyntheticData.Tabular.Tests;

/// <summary>A folder under the system temp path that is deleted when the test ends.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tabular-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string WriteBytes(string name, byte[] bytes)
    {
        string path = File(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public string WriteText(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    public string WriteGzip(string name, string text)
    {
        string path = File(name);
        using FileStream file = System.IO.File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
