using Parquet;
using Parquet.Schema;

namespace SyntheticData.Tabular;

/// <summary>
/// Writes records to a Parquet file (Parquet.Net) as nullable UTF-8 string columns, buffering at most
/// <see cref="RowGroupSize"/> records and about <see cref="RowGroupCharacters"/> characters per row group so that memory
/// stays bounded. The file appears at its path only on <see cref="Commit"/>. For typed columns write a
/// <see cref="Table"/> with <see cref="TableWriter"/>.
/// </summary>
/// <remarks>
/// Parquet.Net took about ten times a row group's text while writing it. With 65,536 records of 270 characters an
/// anonymize run of a 100 MB extract peaked at 310 MB, and with row groups of about a million characters at 105 MB
/// (JIT build). NOTE: the footer that lists every row group stays in memory until the file is closed, about 25 to 30 MB
/// per GB of output in the same measurements, so very large Parquet outputs still grow memory slowly.
/// </remarks>
public sealed class ParquetRecordWriter : IRecordWriter
{
    /// <summary>The characters of buffered text after which a row group is written, unless it fills up first.</summary>
    public const long DefaultRowGroupCharacters = 1L << 20;

    private readonly AtomicFileWriter _file;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;
    private readonly string[] _header;
    private readonly string?[][] _buffer;
    private int _buffered;
    private long _bufferedCharacters;
    private bool _committed;
    private bool _disposed;

    /// <summary>
    /// Creates the writer, which buffers at most <paramref name="rowGroupSize"/> records and about
    /// <paramref name="rowGroupCharacters"/> characters per row group.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive.</exception>
    /// <exception cref="ArgumentException">The header is empty or repeats a name.</exception>
    public ParquetRecordWriter(
        string path, IReadOnlyList<string> header, int rowGroupSize = 65_536, long rowGroupCharacters = DefaultRowGroupCharacters)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupCharacters, 1);
        RowGroupCharacters = rowGroupCharacters;
        if (header.Count == 0 || header.Distinct(StringComparer.Ordinal).Count() != header.Count)
        {
            throw new ArgumentException("A Parquet header needs at least one column and unique names.", nameof(header));
        }

        RowGroupSize = rowGroupSize;
        _header = [.. header];
        _fields = [.. _header.Select(name => new DataField<string>(name, true))];
        _buffer = [.. _header.Select(_ => new string?[rowGroupSize])];
        _file = new AtomicFileWriter(path);
        try
        {
            _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), _file.Stream).GetAwaiter().GetResult();
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <summary>The most records per row group.</summary>
    public int RowGroupSize { get; }

    /// <summary>The characters of buffered text after which a row group is written.</summary>
    public long RowGroupCharacters { get; }

    public IReadOnlyList<string> Header => _header;

    public long RecordsWritten { get; private set; }

    public void WriteRecord(IReadOnlyList<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (fields.Count != _header.Length)
        {
            throw new ArgumentException($"The record has {fields.Count} fields but the header has {_header.Length}.", nameof(fields));
        }

        for (int i = 0; i < fields.Count; i++)
        {
            _buffer[i][_buffered] = fields[i];
            _bufferedCharacters += fields[i]?.Length ?? 0;
        }

        _buffered++;
        RecordsWritten++;
        if (_buffered == RowGroupSize || _bufferedCharacters >= RowGroupCharacters)
        {
            FlushRowGroup();
        }
    }

    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_buffered > 0 || RecordsWritten == 0)
        {
            FlushRowGroup();
        }

        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _file.Commit();
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
                _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (IOException)
            {
                // The temporary file is deleted below, so a failure to finish it does not matter.
            }
        }

        _file.Dispose();
    }

    private void FlushRowGroup()
    {
        using (ParquetRowGroupWriter group = _writer.CreateRowGroup())
        {
            for (int i = 0; i < _fields.Length; i++)
            {
                string?[] column = _buffered == RowGroupSize ? _buffer[i] : _buffer[i][.._buffered];
                group.WriteAsync(_fields[i], column, null).GetAwaiter().GetResult();
            }

            group.CompleteValidate();
        }

        foreach (string?[] column in _buffer)
        {
            Array.Clear(column, 0, _buffered);
        }

        _buffered = 0;
        _bufferedCharacters = 0;
    }
}
