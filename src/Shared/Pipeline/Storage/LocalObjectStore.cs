using System.Runtime.CompilerServices;

namespace SyntheticData.Pipeline.Storage;

/// <summary>
/// An <see cref="IObjectStore"/> over a workspace folder: each bucket is a sub-folder and each key a
/// relative path inside it. Writes go to a hidden temporary file in the bucket and are renamed into place.
/// </summary>
public sealed class LocalObjectStore : IObjectStore
{
    private const string TemporaryFolderName = ".incoming";

    /// <summary>Creates a store rooted at <paramref name="root"/>; the folder is created when missing.</summary>
    public LocalObjectStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    /// <summary>The workspace folder.</summary>
    public string Root { get; }

    /// <summary>Returns the local path of an object, validating that the key stays inside its bucket.</summary>
    public string GetPath(ObjectReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ValidateName(reference.Bucket, nameof(reference.Bucket));
        if (string.IsNullOrEmpty(reference.Key) || reference.Key.StartsWith('/') || reference.Key.Contains('\\'))
        {
            throw new ArgumentException($"Invalid object key '{reference.Key}': keys are relative paths with '/' separators.", nameof(reference));
        }

        string bucketPath = Path.Combine(Root, reference.Bucket);
        string path = Path.GetFullPath(Path.Combine(bucketPath, reference.Key));
        if (!path.StartsWith(bucketPath + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || reference.Key.Split('/').Any(part => part is "" or "." or ".." || part == TemporaryFolderName))
        {
            throw new ArgumentException($"Invalid object key '{reference.Key}': it must name a file inside bucket '{reference.Bucket}'.", nameof(reference));
        }

        return path;
    }

    public Task<ObjectMetadata?> GetMetadataAsync(ObjectReference reference, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(GetPath(reference));
        return Task.FromResult(file.Exists ? ToMetadata(reference, file) : null);
    }

    public Task<Stream> OpenReadAsync(ObjectReference reference, CancellationToken cancellationToken = default)
    {
        string path = GetPath(reference);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return Task.FromResult(stream);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectNotFoundException(reference);
        }
    }

    public async Task<string> DownloadAsync(ObjectReference reference, string localPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        string fullPath = Path.GetFullPath(localPath);
        string? folder = Path.GetDirectoryName(fullPath);
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        string temporary = fullPath + ".part-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (Stream source = await OpenReadAsync(reference, cancellationToken).ConfigureAwait(false))
            await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, fullPath, overwrite: true);
            return fullPath;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<ObjectMetadata> UploadAsync(string localPath, ObjectReference destination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        await using var source = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return await PutAsync(destination, source, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ObjectMetadata> PutAsync(ObjectReference destination, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        string path = GetPath(destination);
        string temporaryFolder = Path.Combine(Root, destination.Bucket, TemporaryFolderName);
        Directory.CreateDirectory(temporaryFolder);
        string temporary = Path.Combine(temporaryFolder, Guid.NewGuid().ToString("N"));
        try
        {
            await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                await content.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
                await target.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return ToMetadata(destination, new FileInfo(path));
    }

    public async Task<ObjectMetadata> CopyAsync(ObjectReference source, ObjectReference destination, CancellationToken cancellationToken = default)
    {
        await using Stream content = await OpenReadAsync(source, cancellationToken).ConfigureAwait(false);
        return await PutAsync(destination, content, cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteAsync(ObjectReference reference, CancellationToken cancellationToken = default)
    {
        File.Delete(GetPath(reference));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<ObjectMetadata> ListAsync(
        string bucket,
        string prefix = "",
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ValidateName(bucket, nameof(bucket));
        ArgumentNullException.ThrowIfNull(prefix);
        string bucketPath = Path.Combine(Root, bucket);
        if (!Directory.Exists(bucketPath))
        {
            yield break;
        }

        var keys = new List<(string Key, FileInfo File)>();
        foreach (string file in Directory.EnumerateFiles(bucketPath, "*", SearchOption.AllDirectories))
        {
            string key = Path.GetRelativePath(bucketPath, file).Replace(Path.DirectorySeparatorChar, '/');
            if (key.StartsWith(TemporaryFolderName + "/", StringComparison.Ordinal) || !key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            keys.Add((key, new FileInfo(file)));
        }

        foreach ((string key, FileInfo file) in keys.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ToMetadata(new ObjectReference(bucket, key), file);
            await Task.Yield();
        }
    }

    private static ObjectMetadata ToMetadata(ObjectReference reference, FileInfo file) =>
        new(reference, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));

    private static void ValidateName(string bucket, string parameterName)
    {
        if (string.IsNullOrEmpty(bucket) || bucket.IndexOfAny(['/', '\\']) >= 0 || bucket is "." or "..")
        {
            throw new ArgumentException($"Invalid bucket name '{bucket}': a bucket is one folder name.", parameterName);
        }
    }
}
