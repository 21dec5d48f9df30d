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
        string option = separator == '\t' ? "tab" : $"'{separator}'";
        string contains = separator == '\t' ? "a tab" : option;
        return $"Warning: the header reads as one column whose name contains {contains}. If that is the field separator, run {command} again with --separator {option}.";
    }

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
            return null;
        }
    }
}
