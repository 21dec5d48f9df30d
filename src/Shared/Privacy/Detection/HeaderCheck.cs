using System.Globalization;
using SyntheticData.Privacy.Detection.Internal;
using SyntheticData.Tabular;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Rejects an input whose header line is a data record. Without a header line the first record is read as the
/// column names, which then reach messages, reports and the output's header, where no rescan looks.
/// </summary>
public static class HeaderCheck
{
    /// <summary>How many column names may read as dates or numbers before the names count as a record.</summary>
    private const int MaximumValueNames = 1;

    /// <summary>
    /// Throws when a header name contains a value that a detector validates, such as an e-mail address, a card number or
    /// an IBAN, or when two or more names read as values of at least two kinds (dates, decimals, numbers of five or more
    /// digits), as the fields of a record do. Years (2019, 2020) and a pivot's names of one kind are names. The message
    /// names columns by their position and the kind found, never the names themselves.
    /// </summary>
    /// <param name="header">The column names as read from the first line.</param>
    /// <param name="sourceName">The file, for the message.</param>
    /// <param name="scanner">The scanner whose validated findings count.</param>
    /// <exception cref="DataFormatException">A header name contains personal data, or the names read as values.</exception>
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
                    $"{Subject(sourceName)} look like a data record: {Column(sourceName)} {i + 1} contains {ColumnClassifier.Describe(kinds[0])}. "
                    + $"{Remedy(sourceName)}; the names are not shown here",
                    lineNumber: 1);
            }
        }

        // A record mixes kinds of values: a date, a postcode and an amount. A pivot's header repeats one kind (2024-01-01,
        // 2024-01-02 or 0.25, 0.5, 0.75), so names of a single kind are names.
        ValueName[] names = [.. header.Select(ValueKindOf)];
        int[] valueNames = [.. Enumerable.Range(0, header.Count).Where(i => names[i] != ValueName.None).Select(i => i + 1)];
        int distinctKinds = names.Where(name => name != ValueName.None).Distinct().Count();
        if (valueNames.Length > MaximumValueNames && distinctKinds >= 2)
        {
            throw new DataFormatException(
                sourceName,
                $"{Subject(sourceName)} look like a data record: the names of {Column(sourceName)}s {string.Join(", ", valueNames)} are dates or numbers. "
                + $"{Remedy(sourceName)}; the names are not shown here",
                lineNumber: 1);
        }
    }

    /// <summary>Returns whether a name is a date, a decimal number or a whole number of five or more digits.</summary>
    private static ValueName ValueKindOf(string name)
    {
        string trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return ValueName.None;
        }

        if (ValueShapes.TryParseDate(trimmed, out _))
        {
            return ValueName.Date;
        }

        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return ValueName.None;
        }

        return trimmed.Contains('.', StringComparison.Ordinal) ? ValueName.Decimal
            : trimmed.Count(char.IsAsciiDigit) >= 5 ? ValueName.WholeNumber
            : ValueName.None;
    }

    private static DataFormat FormatOf(string sourceName)
    {
        try
        {
            return File.Exists(sourceName) ? RecordReaderFactory.DetectFormat(sourceName) : DataFormat.Csv;
        }
        catch (DataFormatException)
        {
            return DataFormat.Csv;
        }
    }

    private static string Subject(string sourceName) => FormatOf(sourceName) switch
    {
        DataFormat.JsonLines => "the first object's keys",
        DataFormat.Parquet => "the column names",
        _ => "the header line's names",
    };

    private static string Column(string sourceName) => FormatOf(sourceName) == DataFormat.JsonLines ? "key" : "column";

    private static string Remedy(string sourceName) => FormatOf(sourceName) switch
    {
        DataFormat.JsonLines => "Use keys that name the fields",
        DataFormat.Parquet => "Give the columns names that describe them",
        _ => "Add a header line that names the columns",
    };

    private enum ValueName
    {
        None,
        Date,
        Decimal,
        WholeNumber,
    }
}
