using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using SyntheticData.Tabular.Internal;

namespace SyntheticData.Tabular;

/// <summary>
/// Streams records from JSON Lines (one JSON object per line, UTF-8, gzip detected by its magic bytes).
/// The header is the first object's keys in order. A later key that the first object lacks fails the file,
/// and a missing key is a missing value. Strings are read as text, numbers as written, booleans as
/// <c>true</c>/<c>false</c>, JSON null as missing, and nested objects or arrays as their JSON text. Blank
/// lines are skipped.
/// </summary>
public sealed class JsonLinesRecordReader : IRecordReader
{
    private const int InitialBufferLength = 1 << 16;

    private readonly CountingStream _counting;
    private readonly Stream _input;
    private readonly long? _totalBytes;
    private readonly string[] _header;
    private readonly Dictionary<string, int> _indexByName = new(StringComparer.Ordinal);
    private readonly string?[] _fields;
    private byte[] _buffer = new byte[InitialBufferLength];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private long _bytesBeforeBuffer;
    private long _linesRead;
    private long _lineNumber;
    private long _recordNumber;
    private bool _pendingFirstRecord;

    /// <summary>Opens a file.</summary>
    /// <exception cref="DataFormatException">The first line is not a JSON object.</exception>
    public JsonLinesRecordReader(string path)
        : this(InputStreams.OpenFileOnce(path), path, leaveOpen: false)
    {
    }

    /// <summary>Reads from a stream and names it <paramref name="sourceName"/> in error messages.</summary>
    /// <exception cref="DataFormatException">The first line is not a JSON object.</exception>
    public JsonLinesRecordReader(Stream stream, string sourceName, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        SourceName = sourceName;
        _totalBytes = stream.CanSeek ? stream.Length - stream.Position : null;
        _counting = new CountingStream(stream, leaveOpen);
        try
        {
            _input = InputStreams.DecompressIfGzip(_counting, leaveOpen: false);
            _header = ReadHeader(out _fields);
        }
        catch
        {
            _counting.Dispose();
            throw;
        }
    }

    public string SourceName { get; }

    public IReadOnlyList<string> Header => _header;

    public int FieldCount => _header.Length;

    public long LineNumber => _lineNumber;

    public long RecordNumber => _recordNumber;

    public long BytesRead => _counting.BytesRead;

    public long? TotalBytes => _totalBytes;

    public bool ReadNext()
    {
        if (_pendingFirstRecord)
        {
            _pendingFirstRecord = false;
            _recordNumber++;
            return true;
        }

        while (TryReadLine(out ReadOnlySpan<byte> line, out long lineOffset))
        {
            if (IsBlank(line))
            {
                continue;
            }

            Array.Clear(_fields);
            ParseObject(line, lineOffset, discoverHeader: null);
            _recordNumber++;
            return true;
        }

        return false;
    }

    public bool IsNull(int index) => _fields[index] is null;

    public ReadOnlySpan<char> GetSpan(int index) => _fields[index].AsSpan();

    public string? GetString(int index) => _fields[index];

    public void Dispose()
    {
        _input?.Dispose();
        _counting.Dispose();
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;

    private string[] ReadHeader(out string?[] fields)
    {
        while (TryReadLine(out ReadOnlySpan<byte> line, out long lineOffset))
        {
            if (IsBlank(line))
            {
                continue;
            }

            var names = new List<string>();
            var values = new List<string?>();
            ParseObject(line, lineOffset, (names, values));
            fields = [.. values];
            _pendingFirstRecord = true;
            return [.. names];
        }

        throw new DataFormatException(SourceName, "the file is empty; at least one JSON object was expected", 1);
    }

    private void ParseObject(ReadOnlySpan<byte> line, long lineOffset, (List<string> Names, List<string?> Values)? discoverHeader)
    {
        if (!Utf8.IsValid(line))
        {
            Utf8.ToUtf16(line, new char[line.Length], out int validBytes, out _, replaceInvalidSequences: false);
            throw new DataFormatException(SourceName, "invalid UTF-8 byte sequence", _lineNumber, byteOffset: lineOffset + validBytes);
        }

        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new DataFormatException(SourceName, "the line is not a JSON object", _lineNumber, byteOffset: lineOffset);
            }

            // A key that is not a known column is named by its position only: an object's keys can be data (an e-mail
            // address used as a key), and the first object's keys have not been checked for personal data yet.
            var seen = discoverHeader is null ? new bool[_header.Length] : null;
            int position = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                position++;
                string name = reader.GetString()!;
                reader.Read();
                string? value = ReadValue(ref reader);
                if (discoverHeader is var (names, values))
                {
                    if (!_indexByName.TryAdd(name, names.Count))
                    {
                        throw new DataFormatException(
                            SourceName, $"key {position} of the object repeats key {_indexByName[name] + 1}", _lineNumber);
                    }

                    names.Add(name);
                    values.Add(value);
                    continue;
                }

                if (!_indexByName.TryGetValue(name, out int index))
                {
                    throw new DataFormatException(
                        SourceName, $"key {position} of the object is not in the first object, which sets the columns", _lineNumber);
                }

                if (seen![index])
                {
                    throw new DataFormatException(SourceName, "the key appears more than once in the object", _lineNumber, index, name);
                }

                seen[index] = true;
                _fields[index] = value;
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw new DataFormatException(SourceName, "the line contains more than one JSON value", _lineNumber, byteOffset: lineOffset);
            }
        }
        catch (JsonException exception)
        {
            throw new DataFormatException(
                SourceName, "the line is not valid JSON", _lineNumber, byteOffset: lineOffset + exception.BytePositionInLine, innerException: exception);
        }
        catch (InvalidOperationException)
        {
            // A \uD800 escape without its other half cannot become text. The exception's message quotes the code unit, and
            // the inner exception is left out for that reason.
            throw new DataFormatException(
                SourceName, "the line contains a string with an unpaired surrogate escape (such as \\uD800 alone)", _lineNumber, byteOffset: lineOffset);
        }
    }

    private static string? ReadValue(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => JsonElement.ParseValue(ref reader).GetRawText(),
        };

    /// <summary>Returns the next line without its line break, or false at the end of the input.</summary>
    private bool TryReadLine(out ReadOnlySpan<byte> line, out long lineOffset)
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0 || (_endOfStream && _end > _start))
            {
                int length = newline >= 0 ? newline : _end - _start;
                line = _buffer.AsSpan(_start, length);
                lineOffset = _bytesBeforeBuffer + _start;
                _start += newline >= 0 ? length + 1 : length;
                _linesRead++;
                _lineNumber = _linesRead;
                if (_linesRead == 1 && line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                {
                    line = line[3..];
                    lineOffset += 3;
                }

                if (!line.IsEmpty && line[^1] == (byte)'\r')
                {
                    line = line[..^1];
                }

                return true;
            }

            if (_endOfStream)
            {
                line = default;
                lineOffset = _bytesBeforeBuffer + _start;
                return false;
            }

            Fill();
        }
    }

    private void Fill()
    {
        int remaining = _end - _start;
        if (_start == 0 && _end == _buffer.Length)
        {
            // One line is longer than the buffer: grow it.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, remaining).CopyTo(_buffer);
            _bytesBeforeBuffer += _start;
            _start = 0;
            _end = remaining;
        }

        int read;
        try
        {
            read = _input.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (InvalidDataException exception)
        {
            throw new DataFormatException(SourceName, InputStreams.GzipReadError, innerException: exception);
        }

        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
    }
}
