using System.Globalization;

namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>Shape tests for single values that have no checksum: names, addresses, birth dates, barcodes, UUIDs.</summary>
internal static class ValueShapes
{
    private const int MaximumNameTokens = 6;
    private const int MaximumNameLength = 100;

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd", "dd.MM.yyyy", "d.M.yyyy", "MM/dd/yyyy", "M/d/yyyy", "dd/MM/yyyy",
        "dd-MM-yyyy", "MM-dd-yyyy", "yyyyMMdd", "d MMM yyyy", "dd MMM yyyy", "MMM d, yyyy", "d MMMM yyyy", "MMMM d, yyyy",
        "dd-MMM-yyyy", "d-MMM-yyyy", "yyyy-MMM-dd", "yyyy年M月d日",
    ];

    // Two-digit years are read as the latest such year up to today, as the date operators read them.
    private static readonly string[] TwoDigitYearFormats = ["M/d/yy", "d/M/yy", "d.M.yy", "d-M-yy"];

    /// <summary>
    /// Returns true for a full name written with capitals: two to four words of letters, each starting with a capital
    /// and going on in small letters (Κώστας Γεωργίου, O'Brien, Smith-Jones) or written all in capitals (JAMES JOHNSON).
    /// </summary>
    public static bool IsCapitalisedFullName(string value)
    {
        string[] words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 4)
        {
            return false;
        }

        foreach (string word in words)
        {
            if (word.Length < 2 || !char.IsUpper(word[0]))
            {
                return false;
            }

            bool allCapitals = true;
            bool restSmall = true;
            for (int i = 1; i < word.Length; i++)
            {
                char c = word[i];
                if (c is '-' or '\'' && i + 1 < word.Length)
                {
                    continue;
                }

                if (!char.IsLetter(c))
                {
                    return false;
                }

                allCapitals &= char.IsUpper(c);

                // A capital after a hyphen or apostrophe starts a new part of the name.
                restSmall &= char.IsLower(c) || word[i - 1] is '-' or '\'';
            }

            if (!allCapitals && !restSmall)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Returns true for a value shaped like a person's name in any script and any letter case: one to six words of
    /// letters, with hyphens, apostrophes, periods (initials) or a comma ("Rivera, Lena"), and no digits.
    /// </summary>
    public static bool IsPersonNameLike(ReadOnlySpan<char> value)
    {
        ReadOnlySpan<char> trimmed = value.Trim();
        if (trimmed.Length is 0 or > MaximumNameLength)
        {
            return false;
        }

        int letters = 0;
        int words = 1;
        bool previousSpace = false;
        foreach (char c in trimmed)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }
            else if (c == ' ')
            {
                if (!previousSpace)
                {
                    words++;
                }
            }
            else if (!(c is '-' or '\'' or '\u2019' or '.' or ',' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark))
            {
                return false;
            }

            previousSpace = c == ' ';
        }

        return letters > 0 && words <= MaximumNameTokens;
    }

    /// <summary>Returns true for a value that can be an address line: it has letters and either digits or two or more words.</summary>
    public static bool IsAddressLike(ReadOnlySpan<char> value)
    {
        ReadOnlySpan<char> trimmed = value.Trim();
        bool hasLetter = false;
        bool hasDigit = false;
        foreach (char c in trimmed)
        {
            hasLetter |= char.IsLetter(c);
            hasDigit |= char.IsDigit(c);
        }

        return hasLetter && (hasDigit || trimmed.Contains(' '));
    }

    /// <summary>
    /// Parses a calendar date written in one of the common day, month and year orders, ignoring a time of day after it.
    /// NOTE: 01/02/1990 parses as January 2 (US order), because both orders are tried and the US one is listed first.
    /// Classification only needs to tell that the value is a date.
    /// </summary>
    public static bool TryParseDate(ReadOnlySpan<char> value, out DateOnly date)
    {
        ReadOnlySpan<char> trimmed = value.Trim();
        // A time of day (T09:30, 9:30:00) is cut off. The space after a long month name (November 19, 1952) is followed by
        // the day, not by a time, so the hour's colon decides.
        int timeSeparator = trimmed.IndexOfAny('T', ' ');
        if (timeSeparator >= 8 && IsTimeOfDay(trimmed[(timeSeparator + 1)..]))
        {
            trimmed = trimmed[..timeSeparator];
        }

        if (DateOnly.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        return DateOnly.TryParseExact(trimmed, TwoDigitYearFormats, Operators.DateFormats.Culture, DateTimeStyles.None, out date);
    }

    private static bool IsTimeOfDay(ReadOnlySpan<char> text) =>
        text.Length >= 4 && char.IsAsciiDigit(text[0]) && (text[1] == ':' || (char.IsAsciiDigit(text[1]) && text[2] == ':'));

    /// <summary>Returns true for a GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN) or GTIN-14 with a valid GS1 check digit.</summary>
    public static bool IsGtin(ReadOnlySpan<char> value)
    {
        ReadOnlySpan<char> trimmed = value.Trim();
        if (trimmed.Length is not (8 or 12 or 13 or 14) || trimmed.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        // GS1: from the right, excluding the check digit, weights alternate 3, 1, 3, ...
        int sum = 0;
        for (int i = trimmed.Length - 2, weight = 3; i >= 0; i--, weight = 4 - weight)
        {
            sum += (trimmed[i] - '0') * weight;
        }

        int check = (10 - (sum % 10)) % 10;
        return check == trimmed[^1] - '0';
    }

    /// <summary>Returns true for the 8-4-4-4-12 hexadecimal UUID form, with or without braces.</summary>
    public static bool IsUuid(ReadOnlySpan<char> value)
    {
        ReadOnlySpan<char> trimmed = value.Trim().Trim("{}");
        return trimmed.Length == 36 && Guid.TryParseExact(trimmed, "D", out _);
    }

    /// <summary>Returns true for a hexadecimal string of 16 or more characters, such as a hash or a 32-digit token.</summary>
    public static bool IsLongHex(ReadOnlySpan<char> value)
    {
        ReadOnlySpan<char> trimmed = value.Trim();
        if (trimmed.Length < 16)
        {
            return false;
        }

        foreach (char c in trimmed)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
