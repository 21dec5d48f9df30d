using SyntheticData.Tabular;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Rejects an input whose header line is a data record. Without a header line the first record is read as the
/// column names, which then reach messages, reports and the output's header, where no rescan looks.
/// </summary>
public static class HeaderCheck
{
    /// <summary>
    /// Throws when a header name contains a value that a detector validates, such as an e-mail address, a card number or
    /// an IBAN. The message names the column by its position and the kind found, never the name itself.
    /// </summary>
    /// <param name="header">The column names as read from the first line.</param>
    /// <param name="sourceName">The file, for the message.</param>
    /// <param name="scanner">The scanner whose validated findings count.</param>
    /// <exception cref="DataFormatException">A header name contains personal data.</exception>
    public static void ThrowIfDataRecord(IReadOnlyList<string> header, string sourceName, TextScanner scanner)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(scanner);
        Span<PiiKind> kinds = stackalloc PiiKind[TextScanner.TextKindCount];
        for (int i = 0; i < header.Count; i++)
        {
            if (scanner.FindValidatedKinds(header[i], region: null, kinds) > 0)
            {
                throw new DataFormatException(
                    sourceName,
                    $"the header line looks like a data record: column {i + 1} contains {ColumnClassifier.Describe(kinds[0])}. "
                    + "Add a header line that names the columns; the names are not shown here",
                    lineNumber: 1);
            }
        }
    }
}
