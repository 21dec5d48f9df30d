using SyntheticData.Tabular.Internal;

namespace SyntheticData.Tabular;

/// <summary>
/// Writes a file under a temporary name in the target's folder and renames it over the target on
/// <see cref="Commit"/>, so a reader never sees a partial file. Disposing without a commit deletes the
/// temporary file.
/// </summary>
public sealed class AtomicFileWriter : IDisposable
{
    private readonly DropBehindStream _stream;
    private bool _committed;
    private bool _disposed;

    /// <summary>Creates the temporary file next to <paramref name="path"/>, whose folder must exist.</summary>
    /// <exception cref="DirectoryNotFoundException">The target folder does not exist.</exception>
    public AtomicFileWriter(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        TargetPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(TargetPath)!;
        TemporaryPath = Path.Combine(folder, "." + Path.GetFileName(TargetPath) + "." + Path.GetRandomFileName() + ".tmp");
        // Large outputs pass through a bounded part of the page cache (see DropBehindStream).
        _stream = new DropBehindStream(
            new FileStream(TemporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16), writing: true);
    }

    /// <summary>The final path, absolute.</summary>
    public string TargetPath { get; }

    /// <summary>The temporary file that receives the output until the commit.</summary>
    public string TemporaryPath { get; }

    /// <summary>The stream to write to. Wrapping streams must not close it before <see cref="Commit"/>.</summary>
    public Stream Stream => _stream;

    /// <summary>True once the output has been renamed to <see cref="TargetPath"/>.</summary>
    public bool IsCommitted => _committed;

    /// <summary>Flushes the data to disk and renames the temporary file over the target.</summary>
    /// <exception cref="InvalidOperationException">The writer was already committed or disposed.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            throw new InvalidOperationException($"The output {TargetPath} was already committed.");
        }

        _stream.FlushToDisk();
        _stream.Dispose();
        File.Move(TemporaryPath, TargetPath, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stream.Dispose();
        if (!_committed && File.Exists(TemporaryPath))
        {
            File.Delete(TemporaryPath);
        }
    }
}
