using SyntheticData.Tabular;

namespace SyntheticData.Cli.Commands;

/// <summary>
/// Spots an extract read with the wrong separator: a tab- or semicolon-separated file read with commas has one column
/// whose name contains the real separator.
/// </summary>
internal static class SeparatorHint
{
    /// <summary>
    /// Returns a warning that names the <c>--separator</c> value to try when <paramref name="header"/> is one column
    /// whose name contains a tab, ';' or '|', or null otherwise.
    /// </summary>
    /// <param name="header">The column names as read.</param>
    /// <param name="command">The command to run again, such as <c>policy init</c>.</param>
    public static string? Describe(IReadOnlyList<string> header, string command)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.Count != 1 || header[0].IndexOfAny(['\t', ';', '|']) is not (int at and >= 0))
        {
            return null;
        }

        char separator = header[0][at];
        string contains = separator == '\t' ? "a tab" : $"'{separator}'";
        return $"Warning: the header reads as one column whose name contains {contains}. {TryOption(separator, command)}";
    }

    private static string TryOption(char separator, string command) =>
        $"If that is the field separator, run {command} again with --separator {(separator == '\t' ? "tab" : $"'{separator}'")}.";

    /// <summary>
    /// Returns the warning of <see cref="Describe"/> for a file that failed to read, or null. A semicolon-separated file
    /// read with commas often fails on its first decimal comma, before the header alone can show the mistake, so the
    /// header is read again on its own.
    /// </summary>
    public static string? AfterFailedRead(string path, CsvReadOptions options, string command)
    {
        try
        {
            using IRecordReader reader = RecordReaderFactory.Open(path, options);
            return Describe(reader.Header, command);
        }
        catch (Exception exception) when (exception is TabularException or IOException)
        {
            return DescribeQuotedHeader(path, command);
        }
    }

    /// <summary>
    /// Returns a warning when the first line has quoted names joined by a tab, ';' or '|' (<c>"a";"b"</c>). Read with
    /// commas, such a header fails on the text after its first closing quote, before it can read as one column.
    /// </summary>
    private static string? DescribeQuotedHeader(string path, string command)
    {
        // Only the first 64 KiB are read, so a longer header, like a gzip file, gets no warning.
        char[] buffer = new char[65_536];
        int read;
        try
        {
            using var reader = new StreamReader(path);
            read = reader.ReadBlock(buffer, 0, buffer.Length);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        ReadOnlySpan<char> text = buffer.AsSpan(0, read);
        int lineEnd = text.IndexOfAny('\r', '\n');
        ReadOnlySpan<char> line = lineEnd >= 0 ? text[..lineEnd] : text;
        foreach (char separator in "\t;|")
        {
            if (line.Contains(['"', separator, '"'], StringComparison.Ordinal))
            {
                string between = separator == '\t' ? "tabs" : $"'{separator}'";
                return $"Warning: the header has quoted names joined by {between}. {TryOption(separator, command)}";
            }
        }

        return null;
    }
}
