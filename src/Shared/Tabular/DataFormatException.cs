using System.Globalization;
using System.Text;

namespace SyntheticData.Tabular;

/// <summary>
/// A file that cannot be read as declared: invalid bytes for its encoding, a record with the wrong
/// number of fields, broken quoting. The message names the file, line, column and byte offset where
/// known, and never contains a cell value.
/// </summary>
public sealed class DataFormatException : TabularException
{
    public DataFormatException(
        string sourceName,
        string reason,
        long? lineNumber = null,
        int? columnIndex = null,
        string? columnName = null,
        long? byteOffset = null,
        Exception? innerException = null,
        long? recordNumber = null)
        : base(FormatMessage(sourceName, reason, lineNumber, recordNumber, columnIndex, columnName, byteOffset), innerException)
    {
        SourceName = sourceName;
        Reason = reason;
        LineNumber = lineNumber;
        RecordNumber = recordNumber;
        ColumnIndex = columnIndex;
        ColumnName = columnName;
        ByteOffset = byteOffset;
    }

    /// <summary>The file path, or the name the caller gave a stream.</summary>
    public string SourceName { get; }

    /// <summary>What is wrong, without the offending value.</summary>
    public string Reason { get; }

    /// <summary>The 1-based line on which the failing record starts, when known.</summary>
    public long? LineNumber { get; }

    /// <summary>The 1-based number of the failing record, for formats without lines such as Parquet, when known.</summary>
    public long? RecordNumber { get; }

    /// <summary>The 0-based index of the failing column, when known.</summary>
    public int? ColumnIndex { get; }

    /// <summary>The header name of the failing column, when known.</summary>
    public string? ColumnName { get; }

    /// <summary>The 0-based byte offset in the (decompressed) input, when known.</summary>
    public long? ByteOffset { get; }

    private static string FormatMessage(
        string sourceName, string reason, long? lineNumber, long? recordNumber, int? columnIndex, string? columnName, long? byteOffset)
    {
        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"{sourceName}");
        if (lineNumber is { } line)
        {
            message.Append(CultureInfo.InvariantCulture, $", line {line}");
        }

        if (recordNumber is { } record)
        {
            message.Append(CultureInfo.InvariantCulture, $", record {record}");
        }

        if (columnName is not null)
        {
            message.Append(CultureInfo.InvariantCulture, $", column '{columnName}'");
        }

        if (columnIndex is { } index)
        {
            message.Append(CultureInfo.InvariantCulture, $" (position {index + 1})");
        }

        if (byteOffset is { } offset)
        {
            // In a gzip file the offset counts the decompressed text, which is what the reader decodes.
            string text = sourceName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? "the decompressed text" : "the file";
            message.Append(CultureInfo.InvariantCulture, $", byte offset {offset} from the start of {text}");
        }

        message.Append(": ").Append(reason);
        return message.ToString();
    }
}
