using SyntheticData.Tabular.Internal;

namespace SyntheticData.Tabular;

/// <summary>
/// Opens the right record reader for a file by sniffing its first bytes: <c>PAR1</c> is Parquet, and text
/// (after gzip decompression and a BOM) whose first non-blank character is <c>{</c> is JSON Lines. Anything
/// else is read as CSV.
/// </summary>
public static class RecordReaderFactory
{
    /// <summary>Opens <paramref name="path"/> with the reader for its detected format.</summary>
    /// <param name="path">The input file.</param>
    /// <param name="csvOptions">Settings used when the file is CSV, or null for <see cref="CsvReadOptions.Default"/>.</param>
    /// <exception cref="DataFormatException">The file cannot be read in its detected format.</exception>
    public static IRecordReader Open(string path, CsvReadOptions? csvOptions = null) =>
        DetectFormat(path) switch
        {
            DataFormat.Parquet => new ParquetRecordReader(path),
            DataFormat.JsonLines => new JsonLinesRecordReader(path),
            _ => new CsvRecordReader(path, csvOptions),
        };

    /// <summary>
    /// Returns the format of a file from its leading bytes: Parquet by its magic number, otherwise JSON Lines when the
    /// text starts with '{'. A name ending in .csv, .tsv or .txt (before any .gz) is read as CSV whatever its first
    /// character, because a header name may start with '{'.
    /// </summary>
    /// <exception cref="DataFormatException">The file is gzip, but its first bytes cannot be decompressed.</exception>
    public static DataFormat DetectFormat(string path)
    {
        using FileStream file = InputStreams.OpenFile(path);
        using Stream peeked = InputStreams.Peek(file, leaveOpen: true, out ReadOnlySpan<byte> leading);
        if (leading.SequenceEqual("PAR1"u8))
        {
            return DataFormat.Parquet;
        }

        string name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return DataFormat.Csv;
        }

        file.Position = 0;
        using Stream text = InputStreams.DecompressIfGzip(file, leaveOpen: true);
        Span<byte> start = stackalloc byte[64];
        int length;
        try
        {
            length = ReadUpTo(text, start);
        }
        catch (InvalidDataException exception)
        {
            throw new DataFormatException(path, InputStreams.GzipReadError, innerException: exception);
        }

        ReadOnlySpan<byte> content = start[..length];
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        content = content.TrimStart(" \t\r\n"u8);
        return !content.IsEmpty && content[0] == (byte)'{' ? DataFormat.JsonLines : DataFormat.Csv;
    }

    private static int ReadUpTo(Stream stream, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = stream.Read(buffer[total..]);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
