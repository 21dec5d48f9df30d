namespace SyntheticData.Tabular;

/// <summary>
/// A writer of records to a CSV or Parquet output. Output written to a path appears only when
/// <see cref="Commit"/> succeeds; disposing an uncommitted writer deletes its temporary file.
/// </summary>
public interface IRecordWriter : IDisposable
{
    /// <summary>The column names, written exactly as given.</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>The number of data records written so far.</summary>
    long RecordsWritten { get; }

    /// <summary>Writes one record; a null field is written as missing.</summary>
    /// <exception cref="ArgumentException">The record does not have one field per header column.</exception>
    void WriteRecord(IReadOnlyList<string?> fields);

    /// <summary>Flushes all output and moves it to its final place.</summary>
    void Commit();
}
