using System.Security.Cryptography;
using SyntheticData.Pipeline.Runs;
using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Computes content hashes of stored objects for manifests.
/// </summary>
public static class ObjectHashing
{
    /// <summary>Reads the object once and returns its SHA-256 (lower-case hex) and length.</summary>
    public static async Task<HashedObject> HashAsync(IObjectStore store, ObjectReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using Stream content = await store.OpenReadAsync(reference, cancellationToken).ConfigureAwait(false);
        using var counter = new LengthCountingStream(content);
        byte[] hash = await SHA256.HashDataAsync(counter, cancellationToken).ConfigureAwait(false);
        return new HashedObject(reference, Convert.ToHexStringLower(hash), counter.BytesRead);
    }

    /// <summary>Returns the SHA-256 (lower-case hex) of a local file.</summary>
    public static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false));
    }

    private sealed class LengthCountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            BytesRead += read;
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
