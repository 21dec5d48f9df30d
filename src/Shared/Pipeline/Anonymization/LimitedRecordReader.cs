using SyntheticData.Tabular;

namespace SyntheticData.Pipeline.Anonymization;

/// <summary>Reads at most a given number of records from another reader, which it disposes.</summary>
internal sealed class LimitedRecordReader(IRecordReader inner, long limit) : IRecordReader
{
    public string SourceName => inner.SourceName;

    public IReadOnlyList<string> Header => inner.Header;

    public int FieldCount => inner.FieldCount;

    public long LineNumber => inner.LineNumber;

    public long RecordNumber => inner.RecordNumber;

    public long BytesRead => inner.BytesRead;

    public long? TotalBytes => inner.TotalBytes;

    public bool ReadNext() => inner.RecordNumber < limit && inner.ReadNext();

    public bool IsNull(int index) => inner.IsNull(index);

    public ReadOnlySpan<char> GetSpan(int index) => inner.GetSpan(index);

    public bool TryGetSpan(int index, out ReadOnlySpan<char> value) => inner.TryGetSpan(index, out value);

    public string? GetString(int index) => inner.GetString(index);

    public void Dispose() => inner.Dispose();
}
