using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using nietras.SeparatedValues;
using SyntheticData.Tabular.Internal;

namespace SyntheticData.Tabular;

/// <summary>
/// Writes delimited text with Sep, quoting as RFC 4180 requires (see <see cref="CsvWriteOptions"/>), in strict
/// UTF-8 with LF line ends. Output to a path goes through <see cref="AtomicFileWriter"/> and appears only on
/// <see cref="Commit"/>. Write a record either at once with <see cref="WriteRecord"/> or field by field with
/// <see cref="WriteField(ReadOnlySpan{char})"/>, <see cref="WriteNull"/>, <see cref="WriteRawField"/> and <see cref="EndRecord"/>.
/// </summary>
public sealed class CsvRecordWriter : IRecordWriter
{
    private readonly CsvWriteOptions _options;
    private readonly AtomicFileWriter? _file;
    private readonly Stream? _compressor;
    private readonly StreamWriter _text;
    private readonly SepWriter _sep;
    private readonly string[] _header;
    private readonly SearchValues<char> _needsQuoting;
    private readonly string[] _nullMarkers;
    private readonly int[] _fieldEnds;
    private char[] _record = new char[1024];
    private int _recordLength;
    private int _fieldCount;
    private bool _committed;
    private bool _disposed;

    /// <summary>Writes to a path; the output is gzipped when the path ends in <c>.gz</c> or the options ask for it.</summary>
    public CsvRecordWriter(string path, IReadOnlyList<string> header, CsvWriteOptions? options = null)
        : this(header, options, new AtomicFileWriter(path), path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
    {
    }

    /// <summary>Writes to a stream, for example standard output; <see cref="Commit"/> flushes it.</summary>
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
            _fieldEnds = new int[_header.Length];
            _needsQuoting = SearchValues.Create([_options.Separator, '"', '\r', '\n']);
            _nullMarkers = [.. _options.NullMarkers];

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
                target.Write([0xEF, 0xBB, 0xBF]);
            }

            _text = new StreamWriter(target, TextEncodings.StrictUtf8, bufferSize: 1 << 16, leaveOpen: leaveTargetOpen) { NewLine = "\n" };
            _sep = Sep.New(_options.Separator)
                .Writer(o => o with { WriteHeader = false, Escape = false, CultureInfo = CultureInfo.InvariantCulture })
                .To(_text, leaveOpen: true);
            foreach (string name in _header)
            {
                WriteField(name);
            }

            WriteRecordBuffer();
        }
        catch
        {
            file?.Dispose();
            throw;
        }
    }

    public IReadOnlyList<string> Header => _header;

    public long RecordsWritten { get; private set; }

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
        foreach (char c in value)
        {
            target[written++] = c;
            if (c == '"')
            {
                target[written++] = '"';
            }
        }

        target[written++] = '"';
        CloseField(written);
    }

    /// <summary>Appends a missing value, written as <see cref="CsvWriteOptions.NullValue"/>.</summary>
    public void WriteNull() => AppendField(_options.NullValue);

    /// <summary>
    /// Appends text exactly as given, without quoting: for passing a null marker read with
    /// <see cref="CsvRecordReader.GetRawSpan"/> through unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The text would break the record framing.</exception>
    public void WriteRawField(ReadOnlySpan<char> raw)
    {
        if (raw.IndexOfAny(_needsQuoting) >= 0 && !raw.SequenceEqual("\"\""))
        {
            throw new ArgumentException("A raw field must not contain the separator, a quote, CR or LF; use WriteField to quote it.", nameof(raw));
        }

        AppendField(raw);
    }

    /// <summary>Ends the current record and writes it.</summary>
    /// <exception cref="InvalidOperationException">The record does not have one field per header column.</exception>
    public void EndRecord()
    {
        if (_fieldCount != _header.Length)
        {
            int count = _fieldCount;
            _fieldCount = 0;
            _recordLength = 0;
            throw new InvalidOperationException($"The record has {count} fields but the header has {_header.Length}.");
        }

        WriteRecordBuffer();
        RecordsWritten++;
    }

    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_fieldCount != 0)
        {
            throw new InvalidOperationException("The last record was not ended with EndRecord.");
        }

        _sep.Flush();
        _sep.Dispose();
        _text.Flush();
        _text.Dispose();
        _compressor?.Dispose();
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
                _sep.Dispose();
                _text.Dispose();
                _compressor?.Dispose();
            }
            catch (Exception exception) when (exception is IOException or EncoderFallbackException or ObjectDisposedException)
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
        CloseField(value.Length);
    }

    private Span<char> Reserve(int length)
    {
        if (_fieldCount >= _fieldEnds.Length)
        {
            throw new InvalidOperationException($"The record has more fields than the {_header.Length} header columns.");
        }

        if (_record.Length < _recordLength + length)
        {
            Array.Resize(ref _record, Math.Max(_record.Length * 2, _recordLength + length));
        }

        return _record.AsSpan(_recordLength);
    }

    private void CloseField(int written)
    {
        _recordLength += written;
        _fieldEnds[_fieldCount++] = _recordLength;
    }

    private void WriteRecordBuffer()
    {
        using (SepWriter.Row row = _sep.NewRow())
        {
            int start = 0;
            for (int i = 0; i < _fieldCount; i++)
            {
                row[i].Set(_record.AsSpan(start, _fieldEnds[i] - start));
                start = _fieldEnds[i];
            }
        }

        _fieldCount = 0;
        _recordLength = 0;
    }
}
