using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SyntheticData.Tabular.Internal;

/// <summary>
/// Decodes UTF-8 into UTF-16 and fails on the first invalid or truncated byte sequence with its byte
/// offset, instead of substituting U+FFFD as <see cref="StreamReader"/> does. A leading BOM is skipped.
/// </summary>
internal sealed class Utf8StrictTextReader : StreamTextReader
{
    private const string InvalidSequenceMessage =
        "invalid UTF-8 byte sequence; if the file is in another encoding, such as windows-1252, name it in the policy's \"encoding\" field (scan and policy init take --encoding)";

    private const int ByteBufferLength = 1 << 16;

    private readonly string _sourceName;
    private readonly byte[] _bytes = new byte[ByteBufferLength];
    private int _byteStart;
    private int _byteEnd;
    private long _bytesBeforeBuffer;
    private long _newlinesDecoded;
    private bool _endOfStream;
    private bool _atStart = true;
    private char? _pendingLowSurrogate;

    public Utf8StrictTextReader(Stream stream, string sourceName)
        : base(stream)
    {
        _sourceName = sourceName;
    }

    /// <summary>True when the input started with the UTF-8 byte order mark.</summary>
    public bool HadBom { get; private set; }

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        int written = 0;
        if (_pendingLowSurrogate is { } low)
        {
            buffer[0] = low;
            _pendingLowSurrogate = null;
            written = 1;
        }

        while (written < buffer.Length)
        {
            if (_byteStart == _byteEnd || (_byteEnd - _byteStart < 4 && !_endOfStream))
            {
                if (!Fill() && _byteStart == _byteEnd)
                {
                    break;
                }
            }

            if (_atStart)
            {
                SkipBom();
                if (_byteStart == _byteEnd)
                {
                    continue;
                }
            }

            Span<char> target = buffer[written..];
            OperationStatus status = Utf8.ToUtf16(
                _bytes.AsSpan(_byteStart, _byteEnd - _byteStart), target, out int bytesRead, out int charsWritten, replaceInvalidSequences: false, isFinalBlock: _endOfStream);
            _newlinesDecoded += target[..charsWritten].Count('\n');
            _byteStart += bytesRead;
            written += charsWritten;
            switch (status)
            {
                case OperationStatus.Done:
                    continue;
                case OperationStatus.DestinationTooSmall:
                    if (charsWritten == 0 && target.Length == 1)
                    {
                        // One slot left but the next code point needs a surrogate pair: return the high half now.
                        DecodeSurrogatePairInto(target);
                        written++;
                    }

                    return written;
                case OperationStatus.NeedMoreData:
                    if (_endOfStream)
                    {
                        throw InvalidByte("truncated UTF-8 sequence at the end of the input");
                    }

                    if (written > 0)
                    {
                        return written;
                    }

                    continue;
                default:
                    throw InvalidByte(InvalidSequenceMessage);
            }
        }

        return written;
    }

    private void DecodeSurrogatePairInto(Span<char> target)
    {
        Span<char> pair = stackalloc char[2];
        Utf8.ToUtf16(_bytes.AsSpan(_byteStart, _byteEnd - _byteStart), pair, out int bytesRead, out int charsWritten, replaceInvalidSequences: false, isFinalBlock: _endOfStream);
        if (charsWritten < 2)
        {
            throw InvalidByte(InvalidSequenceMessage);
        }

        target[0] = pair[0];
        _pendingLowSurrogate = pair[1];
        _byteStart += bytesRead;
    }

    private void SkipBom()
    {
        int available = _byteEnd - _byteStart;
        if (available < 3 && !_endOfStream)
        {
            return;
        }

        _atStart = false;
        if (_bytes.AsSpan(_byteStart, available).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _byteStart += 3;
            HadBom = true;
        }
    }

    private bool Fill()
    {
        if (_endOfStream)
        {
            return false;
        }

        int remaining = _byteEnd - _byteStart;
        if (remaining > 0 && _byteStart > 0)
        {
            Buffer.BlockCopy(_bytes, _byteStart, _bytes, 0, remaining);
        }

        _bytesBeforeBuffer += _byteStart;
        _byteStart = 0;
        _byteEnd = remaining;
        bool any = false;
        while (_byteEnd < ByteBufferLength)
        {
            int read = Stream.Read(_bytes, _byteEnd, ByteBufferLength - _byteEnd);
            if (read == 0)
            {
                _endOfStream = true;
                break;
            }

            _byteEnd += read;
            any = true;
            if (_byteEnd - _byteStart >= 4)
            {
                break;
            }
        }

        return any;
    }

    private DataFormatException InvalidByte(string reason) =>
        new(_sourceName, reason, lineNumber: _newlinesDecoded + 1, byteOffset: _bytesBeforeBuffer + _byteStart);
}
