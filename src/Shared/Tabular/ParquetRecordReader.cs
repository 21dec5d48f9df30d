using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;
using SyntheticData.Tabular.Internal;

namespace SyntheticData.Tabular;

/// <summary>
/// Reads a Parquet file (Parquet.Net) one row group at a time and presents its rows as text records, so
/// memory grows with the row group, not the file. Values are formatted with the invariant culture;
/// timestamps use the source format stored by <see cref="TableWriter"/> when present and ISO 8601 otherwise,
/// and binary values are Base64. Nested and repeated columns are rejected.
/// </summary>
public sealed class ParquetRecordReader : IRecordReader
{
    private const string IsoTimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";

    private const string InvalidUtf8Reason =
        "invalid UTF-8 byte sequence in a text value; Parquet text is UTF-8, so write the file again with its text encoded as UTF-8";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly ParquetReader _reader;
    private readonly DataField[] _fields;
    private readonly string[] _header;
    private readonly string?[] _dateTimeFormats;
    private string?[][] _rowGroup = [];
    private int _rowGroupIndex = -1;
    private int _rowInGroup;
    private long _recordNumber;

    /// <summary>Opens a Parquet file.</summary>
    /// <exception cref="DataFormatException">The file is not Parquet or has nested columns.</exception>
    public ParquetRecordReader(string path)
        : this(InputStreams.OpenFile(path), path, leaveOpen: false)
    {
    }

    /// <summary>Reads from a seekable stream and names it <paramref name="sourceName"/> in error messages.</summary>
    /// <exception cref="ArgumentException">The stream cannot seek, which Parquet needs because its index is at the end of the file.</exception>
    /// <exception cref="DataFormatException">The input is not Parquet or has nested columns.</exception>
    public ParquetRecordReader(Stream stream, string sourceName, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("Parquet input must be seekable, because the file's index is at its end.", nameof(stream));
        }

        SourceName = sourceName;
        _stream = stream;
        TotalBytes = stream.Length;
        try
        {
            _reader = ParquetReader.CreateAsync(stream, leaveStreamOpen: leaveOpen).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (IsDecodingError(exception))
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }

            throw new DataFormatException(sourceName, "the input is not a readable Parquet file", innerException: exception);
        }

        _fields = _reader.Schema.GetDataFields();
        if (_fields.Length != _reader.Schema.Fields.Count || _fields.Any(field => field.IsArray))
        {
            _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new DataFormatException(sourceName, "nested or repeated Parquet columns are not supported; flatten the file first");
        }

        _header = [.. _fields.Select(field => field.Name)];
        IReadOnlyDictionary<string, string> metadata = _reader.CustomMetadata;
        _dateTimeFormats = [.. _header.Select(name => metadata.TryGetValue(ParquetMetadataKeys.DateTimeFormatPrefix + name, out string? format) ? format : null)];
        DeclaredTypes = _header.ToDictionary(
            name => name,
            name => metadata.TryGetValue(ParquetMetadataKeys.ColumnTypePrefix + name, out string? type) && Enum.TryParse(type, out ColumnType parsed) ? parsed : (ColumnType?)null,
            StringComparer.Ordinal);
    }

    public string SourceName { get; }

    public IReadOnlyList<string> Header => _header;

    public int FieldCount => _header.Length;

    public long LineNumber => _recordNumber;

    public long RecordNumber => _recordNumber;

    /// <summary>The stream position after the last row group read. Parquet reads jump around, so this is a rough progress figure.</summary>
    public long BytesRead => _stream.CanSeek ? Math.Min(_stream.Position, TotalBytes ?? long.MaxValue) : 0;

    public long? TotalBytes { get; }

    /// <summary>The column types that <see cref="TableWriter"/> recorded in the file's metadata, or null for a column without one.</summary>
    public IReadOnlyDictionary<string, ColumnType?> DeclaredTypes { get; }

    /// <summary>The datetime format recorded for a column by <see cref="TableWriter"/>, or null.</summary>
    public string? GetDeclaredDateTimeFormat(int index) => _dateTimeFormats[index];

    public bool ReadNext()
    {
        while (_rowGroup.Length == 0 || _rowInGroup + 1 >= RowGroupLength)
        {
            if (_rowGroupIndex + 1 >= _reader.RowGroupCount)
            {
                return false;
            }

            LoadRowGroup(++_rowGroupIndex);
            _rowInGroup = -1;
            if (RowGroupLength > 0)
            {
                break;
            }
        }

        _rowInGroup++;
        _recordNumber++;
        return true;
    }

    public bool IsNull(int index) => _rowGroup[index][_rowInGroup] is null;

    public ReadOnlySpan<char> GetSpan(int index) => _rowGroup[index][_rowInGroup].AsSpan();

    public string? GetString(int index) => _rowGroup[index][_rowInGroup];

    public void Dispose()
    {
        _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }

    private int RowGroupLength => _rowGroup.Length == 0 ? 0 : _rowGroup[0].Length;

    private void LoadRowGroup(int index)
    {
        using ParquetRowGroupReader group = _reader.OpenRowGroupReader(index);
        int rows = checked((int)group.RowCount);
        var columns = new string?[_fields.Length][];
        for (int i = 0; i < _fields.Length; i++)
        {
            try
            {
                columns[i] = ReadColumnAsText(group, _fields[i], rows, _dateTimeFormats[i]);
            }
            catch (InvalidTextException exception)
            {
                throw new DataFormatException(SourceName, InvalidUtf8Reason, columnIndex: i, columnName: _fields[i].Name, recordNumber: _recordNumber + exception.Row + 1);
            }
            catch (Exception exception) when (IsDecodingError(exception))
            {
                string reason = exception is NotSupportedException
                    ? exception.Message
                    : $"row group {index + 1} cannot be decoded; the file is damaged or uses an encoding the reader does not support";
                throw new DataFormatException(SourceName, reason, columnIndex: i, columnName: _fields[i].Name, innerException: exception, recordNumber: _recordNumber + 1);
            }
        }

        _rowGroup = _fields.Length == 0 ? [] : columns;
    }

    // The Parquet library reports damaged input with whatever exception its decoder meets, an index out of range
    // included, so every exception but the ones that concern the process itself means the file cannot be read.
    private static bool IsDecodingError(Exception exception) =>
        exception is not (OutOfMemoryException or OperationCanceledException or StackOverflowException or ThreadAbortException);

    private static string?[] ReadColumnAsText(ParquetRowGroupReader group, DataField field, int rows, string? dateTimeFormat)
    {
        Type type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            return ReadStrictUtf8(group, field, rows);
        }

        if (type == typeof(byte[]))
        {
            byte[]?[] values = new byte[rows][];
            group.ReadAsync(field, values.AsMemory(), null).AsTask().GetAwaiter().GetResult();
            return [.. values.Select(value => value is null ? null : Convert.ToBase64String(value))];
        }

        string format = dateTimeFormat ?? IsoTimestampFormat;
        return type switch
        {
            _ when type == typeof(bool) => Read<bool>(group, field, rows, value => value ? "true" : "false"),
            _ when type == typeof(sbyte) => Read<sbyte>(group, field, rows, value => value.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(byte) => Read<byte>(group, field, rows, value => value.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(short) => Read<short>(group, field, rows, value => value.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(ushort) => Read<ushort>(group, field, rows, value => value.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(int) => Read<int>(group, field, rows, value => value.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(uint) => Read<uint>(group, field, rows, value => value.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(long) => Read<long>(group, field, rows, value => value.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(ulong) => Read<ulong>(group, field, rows, value => value.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(float) => Read<float>(group, field, rows, value => value.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == typeof(double) => Read<double>(group, field, rows, value => value.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == typeof(decimal) => Read<decimal>(group, field, rows, value => value.ToString(CultureInfo.InvariantCulture)),
            _ when type == typeof(DateTime) => Read<DateTime>(group, field, rows, value => value.ToString(format, CultureInfo.InvariantCulture)),
            _ when type == typeof(DateOnly) => Read<DateOnly>(group, field, rows, value => value.ToString(dateTimeFormat ?? "yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ when type == typeof(TimeOnly) => Read<TimeOnly>(group, field, rows, value => value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            _ when type == typeof(TimeSpan) => Read<TimeSpan>(group, field, rows, value => value.ToString("c", CultureInfo.InvariantCulture)),
            _ when type == typeof(Guid) => Read<Guid>(group, field, rows, value => value.ToString("D")),
            _ => throw new NotSupportedException($"Parquet column '{field.Name}' has the unsupported type {type.Name}."),
        };
    }

    /// <summary>
    /// Reads a text column's bytes and decodes them as strict UTF-8, because the library's own decoding replaces an
    /// invalid byte with U+FFFD, which would hide a damaged or wrongly encoded value that a CSV input would reject.
    /// </summary>
    /// <exception cref="InvalidTextException">A value is not valid UTF-8.</exception>
    private static string?[] ReadStrictUtf8(ParquetRowGroupReader group, DataField field, int rows)
    {
        // A field of bytes at the same path reads the column's bytes as stored. The library requires a field to belong to
        // a schema, so the field gets one of its own.
        var bytesField = new DataField<byte[]>(field.Name, field.IsNullable);
        _ = new ParquetSchema(bytesField);
        var present = new ReadOnlyMemory<byte>[rows];
        int[] definitionLevels = field.IsNullable ? new int[rows] : [];
        Memory<int>? levels = field.IsNullable ? definitionLevels.AsMemory() : null;
        group.ReadRawAsync(bytesField, present.AsMemory(), levels, null).AsTask().GetAwaiter().GetResult();

        string?[] values = new string?[rows];
        int next = 0;
        for (int row = 0; row < rows; row++)
        {
            // The values come packed without the nulls, and a definition level of 0 marks a null of an optional field.
            if (definitionLevels.Length > 0 && definitionLevels[row] == 0)
            {
                continue;
            }

            try
            {
                values[row] = StrictUtf8.GetString(present[next++].Span);
            }
            catch (DecoderFallbackException)
            {
                throw new InvalidTextException(row);
            }
        }

        return values;
    }

    private static string?[] Read<T>(ParquetRowGroupReader group, DataField field, int rows, Func<T, string> format)
        where T : struct
    {
        var result = new string?[rows];
        if (field.IsNullable)
        {
            var values = new T?[rows];
            group.ReadAsync(field, values.AsMemory(), null).AsTask().GetAwaiter().GetResult();
            for (int i = 0; i < rows; i++)
            {
                result[i] = values[i] is { } value ? format(value) : null;
            }
        }
        else
        {
            var values = new T[rows];
            group.ReadAsync(field, values.AsMemory(), null).AsTask().GetAwaiter().GetResult();
            for (int i = 0; i < rows; i++)
            {
                result[i] = format(values[i]);
            }
        }

        return result;
    }

    /// <summary>A text value of a row group that is not valid UTF-8, at its row within the group.</summary>
    private sealed class InvalidTextException(int row) : Exception
    {
        public int Row { get; } = row;
    }
}
