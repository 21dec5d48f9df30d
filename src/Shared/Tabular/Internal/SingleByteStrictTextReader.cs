using System.Text;

namespace SyntheticData.Tabular.Internal;

/// <summary>
/// Decodes a single-byte encoding such as windows-1252 or ASCII whose line feed is the byte 0x0A. On the first byte the
/// encoding does not define, it fails with that byte's line and byte offset. A <see cref="StreamReader"/> reads far ahead, so its error
/// could only name the line being parsed when its buffer filled, often the first.
/// </summary>
internal sealed class SingleByteStrictTextReader : StreamTextReader
{
    private const int ByteBufferLength = 1 << 16;

    private readonly Encoding _encoding;
    private readonly string _sourceName;
    private readonly byte[] _bytes = new byte[ByteBufferLength];
    private long _bytesBeforeBuffer;
    private long _newlines;

    /// <summary>Creates the reader; <paramref name="encoding"/> must throw on undefined bytes.</summary>
    public SingleByteStrictTextReader(Stream stream, Encoding encoding, string sourceName)
        : base(stream)
    {
        _encoding = encoding;
        _sourceName = sourceName;
    }

    /// <summary>Returns true when <paramref name="encoding"/> has one byte per character and writes a line feed as 0x0A.</summary>
    public static bool Suits(Encoding encoding) =>
        encoding.IsSingleByte && encoding.GetBytes("\n") is [0x0A];

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        // One byte gives one character, so a chunk never splits a character.
        int read = Stream.Read(_bytes, 0, Math.Min(ByteBufferLength, buffer.Length));
        if (read == 0)
        {
            return 0;
        }

        ReadOnlySpan<byte> chunk = _bytes.AsSpan(0, read);
        int written;
        try
        {
            written = _encoding.GetChars(chunk, buffer);
        }
        catch (DecoderFallbackException exception)
        {
            int index = FirstUndefined(chunk, exception.Index);
            throw new DataFormatException(
                _sourceName,
                $"invalid byte for the declared encoding {_encoding.WebName}",
                lineNumber: _newlines + chunk[..index].Count((byte)'\n') + 1,
                byteOffset: _bytesBeforeBuffer + index);
        }

        _newlines += chunk.Count((byte)'\n');
        _bytesBeforeBuffer += read;
        return written;
    }

    // The exception's index is the failing byte's position in the chunk where the decoder gives it. Otherwise the chunk
    // is decoded byte by byte to find it.
    private int FirstUndefined(ReadOnlySpan<byte> chunk, int reported)
    {
        if (reported >= 0 && reported < chunk.Length)
        {
            return reported;
        }

        Span<char> decoded = stackalloc char[2];
        for (int i = 0; i < chunk.Length; i++)
        {
            try
            {
                _encoding.GetChars(chunk.Slice(i, 1), decoded);
            }
            catch (DecoderFallbackException)
            {
                return i;
            }
        }

        return 0;
    }
}
