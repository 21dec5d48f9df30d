using System.Globalization;
using System.Text;

namespace SyntheticData.Tabular;

/// <summary>
/// The datetime formats that schema detection tries, and parsing with a declared list of formats. All
/// parsing uses the invariant culture and treats values without an offset as UTC.
/// </summary>
public static class DateTimeFormats
{
    /// <summary>Years outside this range are taken as a sign that the value is not a date (for example an 8-digit id).</summary>
    private const int MinPlausibleYear = 1800;

    private const int MaxPlausibleYear = 2200;

    private const DateTimeStyles Styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;

    /// <summary>
    /// The formats detection tries, in order of preference. Where a value fits more than one (for example
    /// <c>04/05/2020</c>), the earlier format wins, so month-first is preferred over day-first. Declare the
    /// format when that is wrong.
    /// </summary>
    public static IReadOnlyList<string> Candidates { get; } =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd HH:mm:ss.fff",
        "yyyy-MM-dd HH:mm:ss.ffffff",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.fffK",
        "yyyy-MM-dd'T'HH:mm:ss.ffffffK",
        "yyyy-MM-dd'T'HH:mm:ss.fff",
        "yyyy/MM/dd",
        "yyyy/MM/dd HH:mm:ss",
        "dd.MM.yyyy",
        "dd.MM.yyyy HH:mm:ss",
        "d.M.yyyy",
        "MM/dd/yyyy",
        "dd/MM/yyyy",
        "M/d/yyyy",
        "d/M/yyyy",
        "MM/dd/yyyy HH:mm:ss",
        "dd/MM/yyyy HH:mm:ss",
        "M/d/yyyy H:mm",
        "dd-MMM-yyyy",
        "d MMM yyyy",
        "yyyyMMdd",
        "yyyyMMddHHmmss",
        "yyyyMMddHHmmssfff",
        "yyyyMMddHHmmssffffff",
    ];

    /// <summary>Parses a value with the first of <paramref name="formats"/> that fits and returns seconds since the Unix epoch.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, IReadOnlyList<string> formats, out double secondsSinceEpoch, out int formatIndex)
    {
        ArgumentNullException.ThrowIfNull(formats);
        ReadOnlySpan<char> trimmed = value.Trim();
        for (int i = 0; i < formats.Count; i++)
        {
            if (TryParseExact(trimmed, formats[i], out secondsSinceEpoch))
            {
                formatIndex = i;
                return true;
            }
        }

        secondsSinceEpoch = double.NaN;
        formatIndex = -1;
        return false;
    }

    /// <summary>Parses a value with exactly one format, rejecting implausible years, and returns seconds since the Unix epoch.</summary>
    public static bool TryParseExact(ReadOnlySpan<char> value, string format, out double secondsSinceEpoch)
    {
        if (DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, Styles, out DateTime parsed)
            && parsed.Year is >= MinPlausibleYear and <= MaxPlausibleYear)
        {
            secondsSinceEpoch = (parsed - DateTime.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond;
            return true;
        }

        secondsSinceEpoch = double.NaN;
        return false;
    }

    /// <summary>
    /// Converts a C/Python strftime format such as <c>%Y%m%d%H%M%S%f</c> into the .NET custom format
    /// (<c>yyyyMMddHHmmssffffff</c>). Supported: <c>%Y %y %m %d %H %I %M %S %f %b %B %p %%</c>. Other text is literal.
    /// </summary>
    /// <exception cref="ArgumentException">The format uses a directive with no .NET equivalent.</exception>
    public static string FromStrftime(string strftimeFormat)
    {
        ArgumentException.ThrowIfNullOrEmpty(strftimeFormat);
        var result = new StringBuilder();
        var literal = new StringBuilder();
        for (int i = 0; i < strftimeFormat.Length; i++)
        {
            char c = strftimeFormat[i];
            if (c != '%')
            {
                literal.Append(c);
                continue;
            }

            if (i + 1 >= strftimeFormat.Length)
            {
                throw new ArgumentException($"The strftime format '{strftimeFormat}' ends with a lone '%'.", nameof(strftimeFormat));
            }

            char directive = strftimeFormat[++i];
            if (directive == '%')
            {
                literal.Append('%');
                continue;
            }

            string mapped = directive switch
            {
                'Y' => "yyyy",
                'y' => "yy",
                'm' => "MM",
                'd' => "dd",
                'H' => "HH",
                'I' => "hh",
                'M' => "mm",
                'S' => "ss",
                'f' => "ffffff",
                'b' => "MMM",
                'B' => "MMMM",
                'p' => "tt",
                _ => throw new ArgumentException(
                    $"The strftime directive '%{directive}' in '{strftimeFormat}' has no .NET equivalent here; give a .NET format instead.",
                    nameof(strftimeFormat)),
            };
            FlushLiteral(result, literal);
            result.Append(mapped);
        }

        FlushLiteral(result, literal);
        return result.ToString();
    }

    private static void FlushLiteral(StringBuilder result, StringBuilder literal)
    {
        if (literal.Length == 0)
        {
            return;
        }

        // Quote every literal run, because letters such as 'T' or 'd' are specifiers in .NET formats.
        result.Append('\'').Append(literal.ToString().Replace("'", "\\'", StringComparison.Ordinal)).Append('\'');
        literal.Clear();
    }
}
