namespace SyntheticData.Tabular;

/// <summary>
/// Settings for writing delimited text. Fields are quoted as RFC 4180 requires: any field that contains
/// the separator, a quote, CR or LF, and any non-null value whose text equals a null marker, so that it
/// reads back as text.
/// </summary>
public sealed record CsvWriteOptions
{
    /// <summary>The default settings: comma, no BOM, missing values written as an empty field, no gzip.</summary>
    public static CsvWriteOptions Default { get; } = new();

    /// <summary>The field separator. Default <c>,</c>.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>The raw text written for a missing value. Default: the empty field.</summary>
    public string NullValue { get; init; } = string.Empty;

    /// <summary>Raw texts that readers treat as missing. Values equal to one of them are quoted. Default: the empty field.</summary>
    public IReadOnlyList<string> NullMarkers { get; init; } = [string.Empty];

    /// <summary>True to start the output with the UTF-8 byte order mark EF BB BF. Default false.</summary>
    public bool WriteBom { get; init; }

    /// <summary>True to gzip the output. Writing to a path that ends in <c>.gz</c> also gzips.</summary>
    public bool Gzip { get; init; }

    /// <summary>Throws when any setting is invalid, listing every invalid setting in one message.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (Separator is '"' or '\r' or '\n')
        {
            problems.Add($"Separator must not be a quote, CR or LF (got U+{(int)Separator:X4}).");
        }

        if (NullValue is null)
        {
            problems.Add("NullValue must not be null.");
        }
        else if (NullValue.AsSpan().IndexOfAny([Separator, '"', '\r', '\n']) >= 0 && !IsQuotedEmpty(NullValue))
        {
            problems.Add("NullValue must not contain the separator, a quote, CR or LF (except the quoted empty field \"\").");
        }

        if (NullMarkers is null || NullMarkers.Any(marker => marker is null))
        {
            problems.Add("NullMarkers must not be null or contain null.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid CSV write options: " + string.Join(" ", problems), nameof(CsvWriteOptions));
        }
    }

    private static bool IsQuotedEmpty(string value) => value == "\"\"";
}
