namespace SyntheticData.Tabular.Internal;

/// <summary>Opens input files and streams, sniffing their leading bytes for gzip and the data format.</summary>
internal static class InputStreams
{
    /// <summary>The reason given when gzip input fails to decompress or its length does not match its trailer.</summary>
    public const string GzipReadError =
        "the gzip data is corrupt or truncated, or holds several gzip members (files joined with cat), which are not read; "
        + "recompress it as one member, for example with 'zcat in.csv.gz | gzip > whole.csv.gz'";

    private const int SniffLength = 4;

    /// <summary>Opens a file for sequential reading with a large buffer.</summary>
    public static FileStream OpenFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
    }

    /// <summary>
    /// Opens a file that is read once from start to end, such as an extract: large files then pass through a bounded
    /// part of the page cache (see <see cref="DropBehindStream"/>).
    /// </summary>
    public static Stream OpenFileOnce(string path) => new DropBehindStream(OpenFile(path), writing: false);

    /// <summary>Reads up to four leading bytes and returns a stream that still yields them.</summary>
    public static Stream Peek(Stream stream, bool leaveOpen, out ReadOnlySpan<byte> leading)
    {
        byte[] buffer = new byte[SniffLength];
        int length = 0;
        while (length < SniffLength)
        {
            int read = stream.Read(buffer, length, SniffLength - length);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        leading = buffer.AsSpan(0, length);
        return new PrefixedStream(buffer, length, stream, leaveOpen);
    }

    /// <summary>True when the bytes start with the gzip magic number 1F 8B.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> leading) => leading.Length >= 2 && leading[0] == 0x1F && leading[1] == 0x8B;

    /// <summary>Wraps the stream in a gzip decompressor when its leading bytes are the gzip magic number.</summary>
    public static Stream DecompressIfGzip(Stream stream, bool leaveOpen)
    {
        Stream peeked = Peek(stream, leaveOpen, out ReadOnlySpan<byte> leading);
        return IsGzip(leading) ? new GzipLengthCheckStream(peeked) : peeked;
    }
}
