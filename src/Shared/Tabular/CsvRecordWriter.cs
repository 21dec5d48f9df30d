using System.Buffers;
using System.IO.Compression;
using System.IO.Hashing;

namespace SyntheticData.Tabular;

/// <summary>
/// Writes delimited text, quoting as RFC 4180 requires (see <see cref="CsvWriteOptions"/>), in UTF-8 with LF
/// line ends. It encodes its own buffer instead of using Sep's writer, which copies every field twice more
/// (see the csv-throughput benchmark). Output to a path goes through <see cref="AtomicFileWriter"/> and appears only on
/// <see cref="Commit"/>. Write a record either at once with <see cref="WriteRecord"/> or field by field with
/// <see cref="WriteField(ReadOnlySpan{char})"/>, <see cref="WriteNull"/>, <see cref="WriteRawField"/> and <see cref="EndRecord"/>.
/// </summary>
public sealed class CsvRecordWriter : IRecordWriter
{
    /// <summary>Buffered characters are encoded and written once a record ends past this length.</summary>
    private const int FlushThreshold = 1 << 15;

    private readonly CsvWriteOptions _options;
    private readonly AtomicFileWriter? _file;
    private readonly Stream? _compressor;
    private readonly Stream _target;
    private readonly bool _leaveTargetOpen;
    private readonly char _separator;
    private readonly string[] _header;
    private readonly SearchValues<char> _needsQuoting;
    private readonly SearchValues<char> _plainAscii;
    private readonly string[] _nullMarkers;
    private readonly bool _onlyEmptyIsNull;
    private readonly XxHash128 _textHash = new();
    private long _textLength;
    private char[] _chars = new char[FlushThreshold * 2];
    private byte[] _bytes = new byte[FlushThreshold * 2 * 3];
    private int _length;
    private int _recordStart;
    private int _fieldCount;
    private bool _committed;
    private bool _disposed;

    /// <summary>Writes to a path, gzipped when the path ends in <c>.gz</c> or the options ask for it.</summary>
    public CsvRecordWriter(string path, IReadOnlyList<string> header, CsvWriteOptions? options = null)
        : this(header, options, new AtomicFileWriter(path), path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
    {
    }

    /// <summary>Writes to a stream such as standard output, which <see cref="Commit"/> flushes.</summary>
    public CsvRecordWriter(Stream stream, IReadOnlyList<string> header, CsvWriteOptions? options = null, bool leaveOpen = false)
        : this(header, options, file: null, gzipByName: false, stream, leaveOpen)
    {
    }

    private CsvRecordWriter(
        IReadOnlyList<string> header, CsvWriteOptions? options, AtomicFileWriter? file, bool gzipByName, Stream? stream = null, bool leaveOpen = false)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(header);
            _options = options ?? CsvWriteOptions.Default;
            _options.Validate();
            _file = file;
            _header = [.. header];
            _needsQuoting = SearchValues.Create([_options.Separator, '"', '\r', '\n']);
            _plainAscii = SearchValues.Create([.. Enumerable.Range(0x20, 0x7F - 0x20).Select(code => (char)code).Append('\t').Where(c => c != _options.Separator && c != '"')]);
            _nullMarkers = [.. _options.NullMarkers];
            _onlyEmptyIsNull = _nullMarkers is [""];

            Stream target = file?.Stream ?? stream ?? throw new ArgumentNullException(nameof(stream));
            bool leaveTargetOpen = file is not null || leaveOpen;
            if (_options.Gzip || gzipByName)
            {
                _compressor = new GZipStream(target, CompressionLevel.Fastest, leaveOpen: leaveTargetOpen);
                target = _compressor;
                leaveTargetOpen = false;
            }

            if (_options.WriteBom)
            {
                ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
                target.Write(bom);
                AddToDigest(bom);
            }

            _target = target;
            _leaveTargetOpen = leaveTargetOpen;
            _separator = _options.Separator;
            foreach (string name in _header)
            {
                WriteField(name);
            }

            EndRecordUnchecked();
        }
        catch
        {
            file?.Dispose();
            throw;
        }
    }

    public IReadOnlyList<string> Header => _header;

    /// <summary>The field separator.</summary>
    public char Separator => _separator;

    public long RecordsWritten { get; private set; }

    /// <summary>
    /// The digest of the text written so far, byte order mark included, before compression. After <see cref="Commit"/>
    /// it covers the whole output, and <see cref="TextDigest.Of"/> of the file read back gives the same digest.
    /// </summary>
    public TextDigest Digest => new(_textHash.GetCurrentHashAsUInt128(), _textLength);

    public void WriteRecord(IReadOnlyList<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count != _header.Length)
        {
            throw new ArgumentException($"The record has {fields.Count} fields but the header has {_header.Length}.", nameof(fields));
        }

        for (int i = 0; i < fields.Count; i++)
        {
            if (fields[i] is { } value)
            {
                WriteField(value);
            }
            else
            {
                WriteNull();
            }
        }

        EndRecord();
    }

    /// <summary>Appends a value to the current record, quoting it when needed.</summary>
    /// <exception cref="ArgumentException">The value contains an unpaired UTF-16 surrogate, which UTF-8 cannot encode.</exception>
    public void WriteField(ReadOnlySpan<char> value)
    {
        // Fast path for the usual field: printable ASCII without separator or quote needs no checks and no quotes.
        if (value.IndexOfAnyExcept(_plainAscii) < 0 && !EqualsNullMarker(value))
        {
            AppendField(value);
            return;
        }

        if (value.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0 && HasUnpairedSurrogate(value))
        {
            throw new ArgumentException("The value contains an unpaired UTF-16 surrogate, which UTF-8 cannot encode.", nameof(value));
        }

        bool quote = value.IndexOfAny(_needsQuoting) >= 0 || EqualsNullMarker(value);
        if (!quote)
        {
            AppendField(value);
            return;
        }

        int quotes = value.Count('"');
        Span<char> target = Reserve(value.Length + quotes + 2);
        int written = 0;
        target[written++] = '"';
        ReadOnlySpan<char> rest = value;
        while (true)
        {
            int next = rest.IndexOf('"');
            if (next < 0)
            {
                rest.CopyTo(target[written..]);
                written += rest.Length;
                break;
            }

            rest[..(next + 1)].CopyTo(target[written..]);
            written += next + 1;
            target[written++] = '"';
            rest = rest[(next + 1)..];
        }

        target[written++] = '"';
        _length += written;
    }

    /// <summary>Appends a missing value, written as <see cref="CsvWriteOptions.NullValue"/>.</summary>
    public void WriteNull() => AppendField(_options.NullValue);

    /// <summary>
    /// Appends text exactly as given, without quoting: for passing a null marker read with
    /// <see cref="CsvRecordReader.GetRawSpan(int)"/> through unchanged, quoted or not.
    /// </summary>
    /// <exception cref="ArgumentException">The text would break the record framing.</exception>
    public void WriteRawField(ReadOnlySpan<char> raw)
    {
        if (raw.IndexOfAny(_needsQuoting) >= 0 && !IsQuotedField(raw))
        {
            throw new ArgumentException("A raw field must not contain the separator, a quote, CR or LF; use WriteField to quote it.", nameof(raw));
        }

        AppendField(raw);
    }

    /// <summary>Returns true for a whole quoted field: quotes around it and every quote inside doubled.</summary>
    private static bool IsQuotedField(ReadOnlySpan<char> raw)
    {
        if (raw.Length < 2 || raw[0] != '"' || raw[^1] != '"')
        {
            return false;
        }

        ReadOnlySpan<char> inside = raw[1..^1];
        for (int quote = inside.IndexOf('"'); quote >= 0; quote = inside.IndexOf('"'))
        {
            if (quote + 1 >= inside.Length || inside[quote + 1] != '"')
            {
                return false;
            }

            inside = inside[(quote + 2)..];
        }

        return true;
    }

    /// <summary>
    /// Appends <paramref name="fieldCount"/> fields copied verbatim from <see cref="CsvRecordReader.GetRawSpan(int, int)"/>
    /// of a reader with the same separator and null markers: their quoting and the separators between them are
    /// already valid, so the run is copied without looking at each field.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The fields would exceed the header's column count.</exception>
    public void WriteRawFields(ReadOnlySpan<char> raw, int fieldCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fieldCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fieldCount, _header.Length - _fieldCount);
        raw.CopyTo(Reserve(raw.Length));
        _length += raw.Length;
        _fieldCount += fieldCount - 1;
    }

    /// <summary>Ends the current record and writes it.</summary>
    /// <exception cref="InvalidOperationException">The record does not have one field per header column.</exception>
    public void EndRecord()
    {
        if (_fieldCount != _header.Length)
        {
            int count = _fieldCount;
            _fieldCount = 0;
            _length = _recordStart;
            throw new InvalidOperationException($"The record has {count} fields but the header has {_header.Length}.");
        }

        EndRecordUnchecked();
        RecordsWritten++;
    }

    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_fieldCount != 0)
        {
            throw new InvalidOperationException("The last record was not ended with EndRecord.");
        }

        Flush();
        _target.Flush();
        _compressor?.Dispose();
        if (!_leaveTargetOpen && _compressor is null)
        {
            _target.Dispose();
        }

        _file?.Commit();
        _committed = true;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_committed)
        {
            try
            {
                _compressor?.Dispose();
                if (!_leaveTargetOpen && _compressor is null)
                {
                    _target.Dispose();
                }
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException)
            {
                // The output is abandoned and its temporary file is deleted below, so a failed flush does not matter.
            }
        }

        _file?.Dispose();
    }

    private static bool HasUnpairedSurrogate(ReadOnlySpan<char> value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    private bool EqualsNullMarker(ReadOnlySpan<char> value)
    {
        if (_onlyEmptyIsNull)
        {
            return value.IsEmpty;
        }

        foreach (string marker in _nullMarkers)
        {
            if (value.SequenceEqual(marker))
            {
                return true;
            }
        }

        return false;
    }

    private void AppendField(ReadOnlySpan<char> value)
    {
        value.CopyTo(Reserve(value.Length));
        _length += value.Length;
    }

    /// <summary>Writes the separator before every field but the first and returns room for <paramref name="length"/> characters.</summary>
    private Span<char> Reserve(int length)
    {
        if (_fieldCount >= _header.Length)
        {
            throw new InvalidOperationException($"The record has more fields than the {_header.Length} header columns.");
        }

        // Records stay whole in the buffer, which grows for long records, so a failed record can be dropped.
        int needed = _length + length + 1;
        if (_chars.Length < needed)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, needed));
        }

        if (_fieldCount > 0)
        {
            _chars[_length++] = _separator;
        }

        _fieldCount++;
        return _chars.AsSpan(_length);
    }

    private void EndRecordUnchecked()
    {
        if (_chars.Length < _length + 1)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        _chars[_length++] = '\n';
        _fieldCount = 0;
        _recordStart = _length;
        if (_length >= FlushThreshold)
        {
            Flush();
        }
    }

    /// <summary>Encodes the buffered whole records as UTF-8 and writes them. WriteField has already rejected unpaired surrogates.</summary>
    private void Flush()
    {
        if (_recordStart == 0)
        {
            return;
        }

        int maxBytes = _recordStart * 3;
        if (_bytes.Length < maxBytes)
        {
            _bytes = new byte[maxBytes];
        }

        System.Text.Unicode.Utf8.FromUtf16(_chars.AsSpan(0, _recordStart), _bytes, out _, out int written, replaceInvalidSequences: false);
        _target.Write(_bytes, 0, written);
        AddToDigest(_bytes.AsSpan(0, written));
        int pending = _length - _recordStart;
        _chars.AsSpan(_recordStart, pending).CopyTo(_chars);
        _length = pending;
        _recordStart = 0;
    }

    private void AddToDigest(ReadOnlySpan<byte> text)
    {
        _textHash.Append(text);
        _textLength += text.Length;
    }
}
