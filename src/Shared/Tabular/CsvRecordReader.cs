using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using nietras.SeparatedValues;
using SyntheticData.Tabular.Internal;

namespace SyntheticData.Tabular;

/// <summary>
/// Streams records from delimited text (CSV, TSV, ...) with Sep, gzip-compressed or not. Quoting follows
/// RFC 4180: a quoted field may contain separators, doubled quotes and line breaks, and a quote inside an
/// unquoted field, text after a closing quote, an unclosed quote or a record with another field count
/// than the header fails the file with a <see cref="DataFormatException"/>.
/// </summary>
public sealed class CsvRecordReader : IRecordReader
{
    private const int PlainField = -1;
    private const int NullField = -2;

    private readonly CsvReadOptions _options;
    private readonly CountingStream _counting;
    private readonly long? _totalBytes;
    private readonly SepReader _sep;
    private readonly string[] _header;
    private readonly string[] _nullMarkers;
    private readonly bool _onlyEmptyIsNull;
    private readonly int _longestNullMarker;
    private int[] _fieldStart = [];
    private int[] _fieldLength = [];
    private char[] _unquoted = new char[256];
    private long _recordNumber;
    private long _lineNumber;
    private bool _pendingFirstRecord;
    private bool _rowWithoutQuotes;

    /// <summary>Opens a file and detects gzip from its first bytes.</summary>
    /// <exception cref="DataFormatException">The header cannot be read.</exception>
    public CsvRecordReader(string path, CsvReadOptions? options = null)
        : this(InputStreams.OpenFileOnce(path), options, path, leaveOpen: false)
    {
    }

    /// <summary>Reads from a stream and detects gzip from its first bytes.</summary>
    /// <param name="stream">The input, read from its current position.</param>
    /// <param name="options">Reading settings, or null for <see cref="CsvReadOptions.Default"/>.</param>
    /// <param name="sourceName">The name used in error messages, such as the object key.</param>
    /// <param name="leaveOpen">True to leave <paramref name="stream"/> open on dispose.</param>
    /// <exception cref="DataFormatException">The header cannot be read.</exception>
    public CsvRecordReader(Stream stream, CsvReadOptions? options, string sourceName, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        _options = options ?? CsvReadOptions.Default;
        _options.Validate();
        SourceName = sourceName;
        _totalBytes = stream.CanSeek ? stream.Length - stream.Position : null;
        _counting = new CountingStream(stream, leaveOpen);
        _nullMarkers = [.. _options.NullMarkers];
        _onlyEmptyIsNull = _nullMarkers is [""];
        _longestNullMarker = _nullMarkers.Length == 0 ? -1 : _nullMarkers.Max(marker => marker.Length);

        try
        {
            Stream decompressed = InputStreams.DecompressIfGzip(_counting, leaveOpen: false);
            Encoding encoding = _options.GetEncoding();
            TextReader text = TextEncodings.IsUtf8(_options.EncodingName)
                ? new Utf8StrictTextReader(decompressed, sourceName)
                : SingleByteStrictTextReader.Suits(encoding)
                    ? new SingleByteStrictTextReader(decompressed, encoding, sourceName)
                    : new StreamReader(decompressed, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            _sep = Sep.New(_options.Separator)
                .Reader(o => o with
                {
                    HasHeader = false,
                    DisableColCountCheck = true,
                    Unescape = false,
                    CultureInfo = CultureInfo.InvariantCulture,
                })
                .From(text);
            _header = ReadHeader();
        }
        catch (Exception exception) when (exception is DecoderFallbackException or InvalidDataException)
        {
            // Sep reads its first buffer while it is created, before MoveNext can map these errors.
            _counting.Dispose();
            throw MapReadError(exception);
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

    /// <summary>The field separator.</summary>
    public char Separator => _options.Separator;

    public long LineNumber => _lineNumber;

    public long RecordNumber => _recordNumber;

    public long BytesRead => _counting.BytesRead;

    public long? TotalBytes => _totalBytes;

    public bool ReadNext()
    {
        if (_pendingFirstRecord)
        {
            _pendingFirstRecord = false;
        }
        else if (!MoveNextChecked())
        {
            return false;
        }

        SepReader.Row row = _sep.Current;
        _lineNumber = StartLine(row);
        if (row.ColCount != _header.Length)
        {
            if (IsBlank(row))
            {
                // Blank lines at the end are skipped. A blank line between records is an error at its own line.
                long blankLine = _lineNumber;
                if (EndsWithBlankLines())
                {
                    return false;
                }

                throw new DataFormatException(SourceName, "the line is blank, but records follow it; remove blank lines between records", blankLine);
            }

            throw FieldCountError(row);
        }

        _recordNumber++;
        ClassifyFields(row);
        return true;
    }

    // A blank line reads as one empty field. Where the header has one column that is a record with an empty value.
    private static bool IsBlank(SepReader.Row row) => row.ColCount == 1 && row.Span.IsEmpty;

    /// <summary>
    /// Reads past the blank line just read and the lines after it, and returns true when only blank lines remain, which
    /// editors often leave at the end of a file. Returns false at the first line that is not blank.
    /// </summary>
    private bool EndsWithBlankLines()
    {
        while (MoveNextChecked())
        {
            if (!IsBlank(_sep.Current))
            {
                return false;
            }
        }

        return true;
    }

    public bool IsNull(int index) =>
        _rowWithoutQuotes ? IsNullMarker(_sep.Current[index].Span) : _fieldStart[index] == NullField;

    public ReadOnlySpan<char> GetSpan(int index)
    {
        // A missing field comes back empty from TryGetSpan too.
        TryGetSpan(index, out ReadOnlySpan<char> value);
        return value;
    }

    public bool TryGetSpan(int index, out ReadOnlySpan<char> value)
    {
        if (_rowWithoutQuotes)
        {
            value = _sep.Current[index].Span;
            if (IsNullMarker(value))
            {
                value = [];
                return false;
            }

            return true;
        }

        int start = _fieldStart[index];
        value = start switch
        {
            PlainField => _sep.Current[index].Span,
            NullField => [],
            _ => _unquoted.AsSpan(start, _fieldLength[index]),
        };
        return start != NullField;
    }

    public string? GetString(int index) => IsNull(index) ? null : new string(GetSpan(index));

    /// <summary>Returns the field exactly as it appears in the file, quotes included, so that null markers can be written back unchanged.</summary>
    public ReadOnlySpan<char> GetRawSpan(int index) => _sep.Current[index].Span;

    /// <summary>
    /// Returns the fields <paramref name="first"/> to <paramref name="last"/> exactly as they appear in the file,
    /// with their quotes and the separators between them, so a run of unchanged fields can be copied at once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or outside the record.</exception>
    public ReadOnlySpan<char> GetRawSpan(int first, int last)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(last, FieldCount);
        SepReader.Row row = _sep.Current;
        ReadOnlySpan<char> record = row.Span;
        ReadOnlySpan<char> firstField = row[first].Span;
        ReadOnlySpan<char> lastField = row[last].Span;

        // Sep hands out the fields as slices of the record, so their offsets in it follow from their addresses.
        int start = (int)(Unsafe.ByteOffset(ref MemoryMarshal.GetReference(record), ref MemoryMarshal.GetReference(firstField)) / sizeof(char));
        int end = (int)(Unsafe.ByteOffset(ref MemoryMarshal.GetReference(record), ref MemoryMarshal.GetReference(lastField)) / sizeof(char)) + lastField.Length;
        return record[start..end];
    }

    public void Dispose()
    {
        _sep?.Dispose();
        _counting.Dispose();
    }

    private bool MoveNextChecked()
    {
        try
        {
            return _sep.MoveNext();
        }
        catch (Exception exception) when (exception is DecoderFallbackException or InvalidDataException)
        {
            throw MapReadError(exception);
        }
    }

    private DataFormatException MapReadError(Exception exception) =>
        exception is DecoderFallbackException
            ? new DataFormatException(SourceName, $"invalid byte for the declared encoding {_options.EncodingName}", _lineNumber + 1, innerException: exception)
            : new DataFormatException(SourceName, InputStreams.GzipReadError, innerException: exception);

    private string[] ReadHeader()
    {
        if (!MoveNextChecked())
        {
            if (_options.HasHeader)
            {
                throw new DataFormatException(SourceName, "the file is empty; a header line was expected", 1);
            }

            return [];
        }

        SepReader.Row row = _sep.Current;
        _lineNumber = StartLine(row);

        // The UTF-8 byte order mark read in a single-byte encoding such as windows-1252 or ISO 8859-1.
        if (!TextEncodings.IsUtf8(_options.EncodingName) && row.Span.StartsWith("\u00EF\u00BB\u00BF", StringComparison.Ordinal))
        {
            throw new DataFormatException(
                SourceName,
                $"the file starts with a UTF-8 byte order mark, but the declared encoding is {_options.EncodingName}; the file is most likely UTF-8, so remove the declared encoding",
                _lineNumber);
        }

        int count = row.ColCount;
        EnsureFieldCapacity(count);
        if (!_options.HasHeader)
        {
            _pendingFirstRecord = true;
            return [.. Enumerable.Range(1, count).Select(i => "column" + i.ToString(CultureInfo.InvariantCulture))];
        }

        // Errors in the header name its positions only: a file without a header line has a record there, and its values
        // must not reach a message.
        string[] header = new string[count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<char> raw = row[i].Span;
            header[i] = raw.Length > 0 && raw[0] == '"'
                ? new string(Unquote(raw, i, 0, out int length).AsSpan(0, length))
                : new string(raw);
            if (raw.Length > 0 && raw[0] != '"' && raw.Contains('"'))
            {
                throw QuoteError(i, columnName: null, "a quote character inside an unquoted header name");
            }

            if (header[i].Length > 0 && !seen.TryAdd(header[i], i))
            {
                string reason = string.Create(
                    CultureInfo.InvariantCulture,
                    $"the header name repeats the one at position {seen[header[i]] + 1}; header names must be distinct, and the first line must be a header, not a record");
                throw new DataFormatException(SourceName, reason, _lineNumber, i);
            }
        }

        return header;
    }

    /// <summary>
    /// Returns the 1-based line on which <paramref name="row"/> starts. Sep 0.18.0 reports the file's first row as
    /// starting after its last line (line 2 for a one-line row), so the first row is pinned to line 1.
    /// </summary>
    private static long StartLine(SepReader.Row row) => row.RowIndex == 0 ? 1 : row.LineNumberFrom;

    private void EnsureFieldCapacity(int count)
    {
        if (_fieldStart.Length < count)
        {
            _fieldStart = new int[count];
            _fieldLength = new int[count];
        }
    }

    private void ClassifyFields(SepReader.Row row)
    {
        // Most rows contain no quote at all: their fields need no unquoting, and null markers are checked on access.
        _rowWithoutQuotes = !row.Span.Contains('"');
        if (_rowWithoutQuotes)
        {
            return;
        }

        int count = _header.Length;
        int unquotedUsed = 0;
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<char> raw = row[i].Span;
            if (IsNullMarker(raw))
            {
                _fieldStart[i] = NullField;
                continue;
            }

            if (raw.Length > 0 && raw[0] == '"')
            {
                _fieldStart[i] = unquotedUsed;
                Unquote(raw, i, unquotedUsed, out int length);
                _fieldLength[i] = length;
                unquotedUsed += length;
            }
            else if (raw.Contains('"'))
            {
                throw QuoteError(i, _header[i], "a quote character inside an unquoted field; RFC 4180 requires the field to be quoted and the quote doubled");
            }
            else
            {
                _fieldStart[i] = PlainField;
            }
        }
    }

    private bool IsNullMarker(ReadOnlySpan<char> raw)
    {
        if (_onlyEmptyIsNull)
        {
            return raw.IsEmpty;
        }

        // Most fields are longer than every marker.
        if (raw.Length > _longestNullMarker)
        {
            return false;
        }

        foreach (string marker in _nullMarkers)
        {
            if (raw.SequenceEqual(marker))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes the enclosing quotes and undoubles inner quotes into the record's buffer at <paramref name="at"/>.</summary>
    private char[] Unquote(ReadOnlySpan<char> raw, int column, int at, out int length)
    {
        if (_unquoted.Length < at + raw.Length)
        {
            Array.Resize(ref _unquoted, Math.Max(_unquoted.Length * 2, at + raw.Length));
        }

        Span<char> target = _unquoted.AsSpan(at);
        int written = 0;
        int position = 1;
        while (true)
        {
            int quote = raw[position..].IndexOf('"');
            if (quote < 0)
            {
                throw QuoteError(column, ColumnNameOrNull(column), "a quoted field is not closed before the end of the input");
            }

            raw.Slice(position, quote).CopyTo(target[written..]);
            written += quote;
            position += quote + 1;
            if (position < raw.Length && raw[position] == '"')
            {
                target[written++] = '"';
                position++;
                continue;
            }

            if (position != raw.Length)
            {
                throw QuoteError(column, ColumnNameOrNull(column), QuoteProblem(raw) ?? "text follows the closing quote of a quoted field");
            }

            length = written;
            return _unquoted;
        }
    }

    private string? ColumnNameOrNull(int column) => _header is not null && column < _header.Length ? _header[column] : null;

    private DataFormatException FieldCountError(SepReader.Row row)
    {
        // A misplaced quote shifts every separator after it, so it is the likely cause of a wrong count. The first
        // field with a quote problem is at its true column, because the fields before it were split correctly.
        for (int i = 0; i < row.ColCount; i++)
        {
            if (QuoteProblem(row[i].Span) is { } reason)
            {
                return QuoteError(i, ColumnNameOrNull(i), reason);
            }
        }

        string missing = row.ColCount < _header.Length
            ? $", so column '{_header[row.ColCount]}' and the ones after it are missing"
            : ", often because a value contains the separator without quotes";
        return new DataFormatException(
            SourceName,
            $"the record has {row.ColCount} fields but the header has {_header.Length}{missing}; columns are never shifted, so the file is rejected",
            _lineNumber);
    }

    /// <summary>Describes what is wrong with the quotes of a raw field, or returns null when they are valid.</summary>
    private static string? QuoteProblem(ReadOnlySpan<char> raw)
    {
        if (raw.IsEmpty)
        {
            return null;
        }

        if (raw[0] != '"')
        {
            return raw.Contains('"')
                ? "a quote character inside an unquoted field; RFC 4180 requires the field to be quoted and the quote doubled"
                : null;
        }

        int i = 1;
        while (i < raw.Length)
        {
            if (raw[i] != '"')
            {
                i++;
            }
            else if (i + 1 < raw.Length && raw[i + 1] == '"')
            {
                i += 2;
            }
            else if (i == raw.Length - 1)
            {
                return null;
            }
            else
            {
                // The quote that closed the field came from a later line: the field's own quote was never closed.
                return raw[1..i].ContainsAny('\r', '\n')
                    ? "the quote that opens this field is not closed on its line, so the field runs into the following lines"
                    : "text follows the closing quote of a quoted field";
            }
        }

        return "a quoted field is not closed before the end of the input";
    }

    private DataFormatException QuoteError(int column, string? columnName, string reason) =>
        new(SourceName, reason, _lineNumber, column, columnName);
}
