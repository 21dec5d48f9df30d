namespace SyntheticData.Pipeline.Storage;

/// <summary>
/// Buckets of objects: local folders on a laptop, S3 in the cloud. Every write is atomic, so a reader
/// sees the whole object or nothing, and a failed write leaves no partial object behind.
/// </summary>
public interface IObjectStore
{
    /// <summary>Returns the object's size and time, or null when it does not exist.</summary>
    Task<ObjectMetadata?> GetMetadataAsync(ObjectReference reference, CancellationToken cancellationToken = default);

    /// <summary>Opens the object for reading.</summary>
    /// <exception cref="ObjectNotFoundException">The object does not exist.</exception>
    Task<Stream> OpenReadAsync(ObjectReference reference, CancellationToken cancellationToken = default);

    /// <summary>Copies the object to a local file, replacing it, and returns the file's path.</summary>
    Task<string> DownloadAsync(ObjectReference reference, string localPath, CancellationToken cancellationToken = default);

    /// <summary>Stores a local file as the object, atomically.</summary>
    Task<ObjectMetadata> UploadAsync(string localPath, ObjectReference destination, CancellationToken cancellationToken = default);

    /// <summary>Stores the content of a stream as the object, atomically.</summary>
    Task<ObjectMetadata> PutAsync(ObjectReference destination, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Copies one object to another key, atomically at the destination.</summary>
    Task<ObjectMetadata> CopyAsync(ObjectReference source, ObjectReference destination, CancellationToken cancellationToken = default);

    /// <summary>Deletes the object; deleting a missing object is not an error.</summary>
    Task DeleteAsync(ObjectReference reference, CancellationToken cancellationToken = default);

    /// <summary>Lists the objects of a bucket whose keys start with <paramref name="prefix"/>, in key order.</summary>
    IAsyncEnumerable<ObjectMetadata> ListAsync(string bucket, string prefix = "", CancellationToken cancellationToken = default);
}
