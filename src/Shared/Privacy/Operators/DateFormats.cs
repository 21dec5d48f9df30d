using System.Globalization;

namespace SyntheticData.Privacy.Operators;

/// <summary>
/// Parses dates and timestamps against a declared list of .NET custom format strings, tried in order, and then against
/// the ISO 8601 forms of <see cref="Default"/> that the list lacks. The day and month order therefore comes from the
/// declared formats, never from a guess per value. ISO 8601 has one order only, and typed Parquet dates and timestamps
/// arrive in it, so a policy written for a CSV extract also reads a typed Parquet copy.
/// </summary>
public sealed class DateFormats
{
    /// <summary>The formats used when a policy declares none: ISO 8601 dates and timestamps.</summary>
    public static readonly IReadOnlyList<string> Default =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ssZ",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ",
        "yyyy-MM-ddTHH:mm:sszzz",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-ddTHH:mm",
        "yyyy-MM-dd HH:mm",
        "yyyyMMdd",
        "yyyyMMddTHHmmssZ",
    ];

    // Two-digit years are read as the latest year up to the current one, so 45 is 1945 rather than 2045. Extracts hold
    // dates of birth and past transactions, and .NET's default window (up to 2049) would put them in the future.
    // NOTE: the window moves with the year of the run, so a two-digit year one above the current one is read a century
    // earlier until that year comes.
    internal static readonly CultureInfo Culture = CreateCulture();

    private readonly string[] _formats;

    /// <summary>Creates a parser for <paramref name="formats"/>.</summary>
    /// <exception cref="ArgumentException">The list is empty or a format is not a valid .NET format string.</exception>
    public DateFormats(IReadOnlyList<string> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        if (formats.Count == 0)
        {
            throw new ArgumentException("At least one date format is required.", nameof(formats));
        }

        foreach (string format in formats)
        {
            try
            {
                _ = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc).ToString(format, CultureInfo.InvariantCulture);
            }
            catch (FormatException exception)
            {
                throw new ArgumentException($"'{format}' is not a valid date format string.", nameof(formats), exception);
            }
        }

        _formats = [.. formats, .. Default.Except(formats, StringComparer.Ordinal)];
    }

    /// <summary>The formats in the order they are tried: the declared ones, then the ISO 8601 forms they lack.</summary>
    public IReadOnlyList<string> Formats => _formats;

    /// <summary>Parses <paramref name="text"/> with the first format that matches; returns its index, or -1.</summary>
    public int TryParse(string text, out DateTimeOffset value)
    {
        ReadOnlySpan<char> trimmed = text.AsSpan().Trim();
        for (int i = 0; i < _formats.Length; i++)
        {
            if (DateTimeOffset.TryParseExact(
                    trimmed,
                    _formats[i],
                    Culture,
                    DateTimeStyles.AssumeUniversal,
                    out value))
            {
                return i;
            }
        }

        value = default;
        return -1;
    }

    /// <summary>
    /// True when the .NET custom format string <paramref name="format"/> contains the field letter
    /// <paramref name="field"/>, such as 'y' for the year, outside quoted literals and escaped characters.
    /// </summary>
    public static bool HasField(string format, char field)
    {
        ArgumentNullException.ThrowIfNull(format);
        char quote = '\0';
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (c == field)
            {
                return true;
            }
        }

        return false;
    }

    private static CultureInfo CreateCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.Calendar.TwoDigitYearMax = DateTime.UtcNow.Year;
        return CultureInfo.ReadOnly(culture);
    }
}
