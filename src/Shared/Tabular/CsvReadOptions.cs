using System.Text;
using SyntheticData.Tabular.Internal;

namespace SyntheticData.Tabular;

/// <summary>
/// Settings for reading delimited text. Null markers are compared with a field's raw text as it
/// appears in the file, so a quoted <c>"NULL"</c> or <c>""</c> is text unless that quoted form is itself
/// listed (the rule PostgreSQL's CSV COPY uses for quoted empty strings).
/// </summary>
public sealed record CsvReadOptions
{
    /// <summary>The default settings: comma, header row, strict UTF-8, only an unquoted empty field is null.</summary>
    public static CsvReadOptions Default { get; } = new();

    /// <summary>The field separator. Default <c>,</c>.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>Raw field texts that mean a missing value, such as <c>NULL</c> or <c>\N</c>. Default: the empty field only.</summary>
    public IReadOnlyList<string> NullMarkers { get; init; } = [string.Empty];

    /// <summary>
    /// The text encoding by web name (<c>utf-8</c>, <c>windows-1252</c>, <c>iso-8859-1</c>). Default strict UTF-8,
    /// which rejects invalid bytes. Another encoding is used only when named here.
    /// </summary>
    public string EncodingName { get; init; } = "utf-8";

    /// <summary>True when the first record is the header. Without one, columns are named <c>column1</c>, <c>column2</c>, ...</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Throws when any setting is invalid, listing every invalid setting in one message.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (Separator is '"' or '\r' or '\n')
        {
            problems.Add($"Separator must not be a quote, CR or LF (got U+{(int)Separator:X4}).");
        }

        if (NullMarkers is null)
        {
            problems.Add("NullMarkers must not be null; use an empty list for no null markers.");
        }
        else
        {
            foreach (string? marker in NullMarkers)
            {
                if (marker is null)
                {
                    problems.Add("NullMarkers must not contain null.");
                }
                else if (marker.Contains(Separator, StringComparison.Ordinal) || marker.Contains('\r', StringComparison.Ordinal) || marker.Contains('\n', StringComparison.Ordinal))
                {
                    problems.Add($"Null marker '{marker}' must not contain the separator, CR or LF.");
                }
            }
        }

        if (!TextEncodings.TryGet(EncodingName, out _))
        {
            problems.Add($"EncodingName '{EncodingName}' is not a known encoding; use for example utf-8 or windows-1252.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid CSV read options: " + string.Join(" ", problems), nameof(CsvReadOptions));
        }
    }

    /// <summary>Returns true when <paramref name="name"/> names an encoding that <see cref="EncodingName"/> accepts.</summary>
    public static bool IsKnownEncoding(string? name) => TextEncodings.TryGet(name, out _);

    /// <summary>
    /// Returns the standard name of the encoding that <paramref name="name"/> names, such as <c>windows-1252</c> for
    /// <c>Windows-1252</c> or <c>cp1252</c>, or null when the name is not known.
    /// </summary>
    public static string? StandardEncodingName(string? name) => TextEncodings.TryGet(name, out Encoding? encoding) ? encoding.WebName : null;

    /// <summary>Returns the encoding named by <see cref="EncodingName"/>, which throws on invalid bytes.</summary>
    public Encoding GetEncoding() =>
        TextEncodings.TryGet(EncodingName, out Encoding? encoding)
            ? encoding
            : throw new ArgumentException($"EncodingName '{EncodingName}' is not a known encoding.", nameof(EncodingName));
}
