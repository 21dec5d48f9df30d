using System.IO.Hashing;
using SyntheticData.Tabular.Internal;

namespace SyntheticData.Tabular;

/// <summary>
/// The 128-bit XxHash of a text file's bytes, before any compression, and their count. <see cref="CsvRecordWriter"/> hashes
/// the bytes it writes, and <see cref="Of"/> hashes a file read back, so equal digests show that the file contains exactly
/// what the writer wrote. XxHash is not cryptographic: it catches accidental differences, not a crafted collision.
/// </summary>
/// <param name="Hash">The XxHash128 of the bytes, seed 0.</param>
/// <param name="Length">The number of bytes.</param>
public readonly record struct TextDigest(UInt128 Hash, long Length)
{
    private const int BufferLength = 1 << 18;

    /// <summary>Returns the digest of the file at <paramref name="path"/>, decompressed first when it is gzip.</summary>
    /// <exception cref="IOException">The file cannot be read, or its gzip stream is damaged.</exception>
    /// <exception cref="InvalidDataException">The gzip stream is damaged.</exception>
    public static TextDigest Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using Stream file = InputStreams.OpenFileOnce(path);
        using Stream text = InputStreams.DecompressIfGzip(file, leaveOpen: true);
        var hash = new XxHash128();
        byte[] buffer = new byte[BufferLength];
        long length = 0;
        int read;
        while ((read = text.Read(buffer)) > 0)
        {
            hash.Append(buffer.AsSpan(0, read));
            length += read;
        }

        return new TextDigest(hash.GetCurrentHashAsUInt128(), length);
    }
}
