namespace SyntheticData.Tabular;

/// <summary>
/// A forward-only reader of records (rows of text fields) from a CSV, JSON Lines or Parquet source.
/// Field accessors refer to the record of the last successful <see cref="ReadNext"/> call.
/// </summary>
public interface IRecordReader : IDisposable
{
    /// <summary>The file path, or the name given for a stream, as shown in error messages.</summary>
    string SourceName { get; }

    /// <summary>The column names in source order (a UTF-8 BOM is never part of the first name).</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>The number of fields in every record, equal to the header length.</summary>
    int FieldCount { get; }

    /// <summary>The 1-based line (CSV, JSON Lines) or row (Parquet) on which the current record starts.</summary>
    long LineNumber { get; }

    /// <summary>The 1-based number of the current data record, not counting the header.</summary>
    long RecordNumber { get; }

    /// <summary>Bytes consumed from the underlying file or stream so far (compressed bytes for gzip), for progress reports.</summary>
    long BytesRead { get; }

    /// <summary>The size of the underlying file or stream in bytes, when it is known.</summary>
    long? TotalBytes { get; }

    /// <summary>Advances to the next record and returns false at the end of the input.</summary>
    /// <exception cref="DataFormatException">The next record is malformed.</exception>
    bool ReadNext();

    /// <summary>Returns true when the field is missing (a null marker in CSV, null in JSON or Parquet).</summary>
    bool IsNull(int index);

    /// <summary>Returns the field's text without allocating, or an empty span for a missing field. It is valid until the next <see cref="ReadNext"/>.</summary>
    ReadOnlySpan<char> GetSpan(int index);

    /// <summary>
    /// Returns false for a missing field, and otherwise true with the field's text in <paramref name="value"/>, valid until
    /// the next <see cref="ReadNext"/>. One call in place of <see cref="IsNull"/> and <see cref="GetSpan"/>.
    /// </summary>
    bool TryGetSpan(int index, out ReadOnlySpan<char> value)
    {
        value = GetSpan(index);
        return !IsNull(index);
    }

    /// <summary>Returns the field's text as a new string, or null when the field is missing.</summary>
    string? GetString(int index);
}
