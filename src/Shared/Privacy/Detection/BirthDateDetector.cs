using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Finds dates of birth in free text, where a label names the date: <c>DOB 12/03/1985</c>,
/// <c>born on 12 March 1985</c>, <c>geb. 12.03.1985</c>, <c>née le 3 mars 1985</c>, <c>fecha de nacimiento: 1985-03-12</c>,
/// <c>生年月日 1985年3月12日</c>. Labels are read in English, German, French, Spanish, Italian, Portuguese, Dutch and
/// Japanese, in any letter case. A date without a label is not reported, since notes mention many other dates.
/// A numeric date has day, month and year in either order of day and month, or the year first. Its parts are joined by
/// '/', '-', '.' or a space, or written as six or eight digits. A date may also have a month name in one of those
/// languages, or the Japanese year-month-day form. It is validated when it is a real calendar date; a two-digit year
/// counts as any century.
/// </summary>
public sealed class BirthDateDetector : LabelledValueDetector
{
    /// <summary>How many characters of separators and joining words may stand between a label and its date.</summary>
    private const int MaximumGap = 8;

    private static readonly string[] Labels =
    [
        "date of birth", "birth date", "birth-date", "birthdate", "birthday", "bday", "b-day", "b'day", "b.", "d.o.b.", "d.o.b",
        "dob", "born on", "born",
        "geburtsdatum", "geburtstag", "geb.-datum", "geb.datum", "geboren am", "geboren op", "geboren", "geb.",
        "geboortedatum",
        "date de naissance", "né(e) le", "née le", "né le", "nee le", "ne le",
        "fecha de nacimiento", "fecha nacimiento", "fecha de nac.", "fecha nac.", "fecha nac", "f. nac.", "f. nacimiento",
        "nacido el", "nacida el", "nació el",
        "data di nascita", "nato il", "nata il",
        "data de nascimento", "nascido em", "nascida em", "dt. nasc.", "dt nasc",
        "生年月日", "誕生日",
    ];

    // Words that may join a label to its date: "DOB is ...", "born on ...", "geboren am ...".
    private static readonly TextLabels Search = new(Labels, ["is", "was", "on", "am", "le", "el", "il", "em", "op", "de"], MaximumGap);

    private static readonly Dictionary<string, int> Months = BuildMonths();

    // Labels that also abbreviate other words: b. for booked or before, geb. for Gebühr (fee).
    private static readonly HashSet<string> ShortLabels = new(StringComparer.OrdinalIgnoreCase) { "b.", "geb." };

    /// <summary>How many years back a date after a short label must lie to be read as a date of birth.</summary>
    private const int MinimumAgeAfterShortLabel = 14;

    /// <summary>Creates the detector.</summary>
    public BirthDateDetector()
        : base(Search)
    {
    }

    /// <inheritdoc />
    public override PiiKind Kind => PiiKind.DateOfBirth;

    /// <summary>
    /// Reads a date at <paramref name="start"/>: numeric, with a month name, or in the Japanese form. After the short
    /// labels b. and geb., which also abbreviate other words (booked, before, Gebühr), only a date at least
    /// <see cref="MinimumAgeAfterShortLabel"/> years back counts, since an account holder's birth date lies that far back.
    /// </summary>
    private protected override bool TryReadValue(ReadOnlySpan<char> text, int start, string label, out int end, out bool valid)
    {
        bool read = TextBoundary.IsAsciiDigit(text[start])
            ? TryReadJapanese(text, start, out end, out valid)
                || TryReadNumeric(text, start, out end, out valid)
                || TryReadCompact(text, start, out end, out valid)
                || TryReadDayMonthName(text, start, out end, out valid)
            : TryReadMonthNameDay(text, start, out end, out valid);
        if (read && ShortLabels.Contains(label) && YearOf(text[start..end]) is int year
            && year > DateTime.UtcNow.Year - MinimumAgeAfterShortLabel)
        {
            return false;
        }

        return read;
    }

    /// <summary>Returns the year of a date read by this detector: its run of four digits, or its last two-digit run.</summary>
    private static int? YearOf(ReadOnlySpan<char> date)
    {
        int? twoDigits = null;
        int i = 0;
        while (i < date.Length)
        {
            int runEnd = i;
            while (runEnd < date.Length && TextBoundary.IsAsciiDigit(date[runEnd]))
            {
                runEnd++;
            }

            if (runEnd - i == 4)
            {
                return ParseNumber(date[i..runEnd]);
            }

            if (runEnd - i == 2)
            {
                int value = ParseNumber(date[i..runEnd]);
                twoDigits = value <= DateTime.UtcNow.Year % 100 ? 2000 + value : 1900 + value;
            }

            i = Math.Max(runEnd, i + 1);
        }

        return twoDigits;
    }

    /// <summary>
    /// Reads six or eight digits with no separator: <c>031285</c> with a two-digit year, <c>06181995</c> month or day
    /// first, or <c>19950618</c> year first.
    /// </summary>
    private static bool TryReadCompact(ReadOnlySpan<char> text, int start, out int end, out bool valid)
    {
        end = start;
        valid = false;
        if (start + 6 <= text.Length && TextBoundary.AreAsciiDigits(text.Slice(start, 6)) && EndsWord(text, start + 6))
        {
            // 031285: day, month and two-digit year, either order.
            int a = ParseNumber(text.Slice(start, 2));
            int b = ParseNumber(text.Slice(start + 2, 2));
            int shortYear = Year(ParseNumber(text.Slice(start + 4, 2)), 2);
            end = start + 6;
            valid = IsDate(shortYear, a, b) || IsDate(shortYear, b, a);
            return true;
        }

        if (start + 8 > text.Length || !TextBoundary.AreAsciiDigits(text.Slice(start, 8)) || !EndsWord(text, start + 8))
        {
            return false;
        }

        int first = ParseNumber(text.Slice(start, 2));
        int second = ParseNumber(text.Slice(start + 2, 2));
        int year = ParseNumber(text.Slice(start + 4, 4));
        int leadingYear = ParseNumber(text.Slice(start, 4));
        int month = ParseNumber(text.Slice(start + 4, 2));
        int day = ParseNumber(text.Slice(start + 6, 2));
        end = start + 8;
        valid = (year is >= 1900 and <= 2099 && (IsDate(year, first, second) || IsDate(year, second, first)))
            || (leadingYear is >= 1900 and <= 2099 && IsDate(leadingYear, month, day));
        return true;
    }

    /// <summary>Reads <c>d/m/y</c>, <c>m/d/y</c> or <c>y-m-d</c> with one separator used twice, a space included.</summary>
    private static bool TryReadNumeric(ReadOnlySpan<char> text, int start, out int end, out bool valid)
    {
        end = start;
        valid = false;
        int firstEnd = ReadDigits(text, start, 4);
        int first = firstEnd - start;
        if (first is not (1 or 2 or 4) || firstEnd >= text.Length || text[firstEnd] is not ('/' or '-' or '.' or ' '))
        {
            return false;
        }

        char separator = text[firstEnd];
        int secondEnd = ReadDigits(text, firstEnd + 1, 2);
        if (secondEnd == firstEnd + 1 || secondEnd >= text.Length || text[secondEnd] != separator)
        {
            return false;
        }

        int thirdEnd = ReadDigits(text, secondEnd + 1, 4);
        int third = thirdEnd - (secondEnd + 1);
        bool yearFirst = first == 4;
        if ((yearFirst && third is not (1 or 2)) || (!yearFirst && third is not (2 or 4)) || !EndsWord(text, thirdEnd))
        {
            return false;
        }

        int a = ParseNumber(text[start..firstEnd]);
        int b = ParseNumber(text[(firstEnd + 1)..secondEnd]);
        int c = ParseNumber(text[(secondEnd + 1)..thirdEnd]);
        end = thirdEnd;
        valid = yearFirst
            ? IsDate(a, b, c)
            : IsDate(Year(c, third), b, a) || IsDate(Year(c, third), a, b);
        return true;
    }

    /// <summary>Reads <c>12 March 1985</c>, <c>12th of March, 1985</c>, <c>12. März 1985</c> or <c>12 de marzo de 1985</c>.</summary>
    private static bool TryReadDayMonthName(ReadOnlySpan<char> text, int start, out int end, out bool valid)
    {
        end = start;
        valid = false;
        int dayEnd = ReadDigits(text, start, 2);
        int day = ParseNumber(text[start..dayEnd]);
        int i = SkipOrdinalSuffix(text, dayEnd);

        // 12-Mar-1985 and 12-MAR-85 join the parts with dashes.
        bool dashed = i < text.Length && text[i] == '-';
        i = dashed ? i + 1 : SkipSpacesAndWord(text, i, "of", "de");
        if (!TryReadMonth(text, i, out int month, out int monthEnd))
        {
            return false;
        }

        int yearStart = dashed
            ? (monthEnd < text.Length && text[monthEnd] == '-' ? monthEnd + 1 : -1)
            : SkipSpacesAndWord(text, monthEnd, "de", "del");
        return yearStart >= 0 && TryReadYear(text, yearStart, month, day, out end, out valid);
    }

    /// <summary>Reads <c>March 12, 1985</c>, <c>Mar 12th 1985</c> or <c>March 12 1985</c>.</summary>
    private static bool TryReadMonthNameDay(ReadOnlySpan<char> text, int start, out int end, out bool valid)
    {
        end = start;
        valid = false;
        if (!TryReadMonth(text, start, out int month, out int monthEnd))
        {
            return false;
        }

        int i = SkipSeparators(text, monthEnd);
        int dayEnd = ReadDigits(text, i, 2);
        if (dayEnd == i)
        {
            return false;
        }

        int day = ParseNumber(text[i..dayEnd]);
        return TryReadYear(text, SkipSeparators(text, SkipOrdinalSuffix(text, dayEnd)), month, day, out end, out valid);
    }

    /// <summary>Reads the year of two or four digits that ends a date with a month name, and checks the whole date.</summary>
    private static bool TryReadYear(ReadOnlySpan<char> text, int start, int month, int day, out int end, out bool valid)
    {
        end = start;
        valid = false;
        int yearEnd = ReadDigits(text, start, 4);
        if (yearEnd - start is not (2 or 4) || !EndsWord(text, yearEnd))
        {
            return false;
        }

        end = yearEnd;
        valid = IsDate(Year(ParseNumber(text[start..yearEnd]), yearEnd - start), month, day);
        return true;
    }

    /// <summary>Reads <c>1985年3月12日</c>.</summary>
    private static bool TryReadJapanese(ReadOnlySpan<char> text, int start, out int end, out bool valid)
    {
        end = start;
        valid = false;
        int yearEnd = ReadDigits(text, start, 4);
        if (yearEnd - start != 4 || yearEnd >= text.Length || text[yearEnd] != '年')
        {
            return false;
        }

        int monthEnd = ReadDigits(text, yearEnd + 1, 2);
        if (monthEnd == yearEnd + 1 || monthEnd >= text.Length || text[monthEnd] != '月')
        {
            return false;
        }

        int dayEnd = ReadDigits(text, monthEnd + 1, 2);
        if (dayEnd == monthEnd + 1 || dayEnd >= text.Length || text[dayEnd] != '日')
        {
            return false;
        }

        end = dayEnd + 1;
        valid = IsDate(ParseNumber(text[start..yearEnd]), ParseNumber(text[(yearEnd + 1)..monthEnd]), ParseNumber(text[(monthEnd + 1)..dayEnd]));
        return true;
    }

    private static bool TryReadMonth(ReadOnlySpan<char> text, int start, out int month, out int end)
    {
        month = 0;
        end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        if (end == start || !Months.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text[start..end], out month))
        {
            return false;
        }

        // An abbreviation may end with a dot: "Mar. 12", "12. Okt. 1985".
        if (end < text.Length && text[end] == '.')
        {
            end++;
        }

        return true;
    }

    private static int SkipOrdinalSuffix(ReadOnlySpan<char> text, int i)
    {
        if (i < text.Length && text[i] == '.')
        {
            return i + 1;
        }

        foreach (string suffix in (ReadOnlySpan<string>)["st", "nd", "rd", "th", "er", "º", "°"])
        {
            if (text[i..].StartsWith(suffix, StringComparison.OrdinalIgnoreCase) && (i + suffix.Length == text.Length || !char.IsLetter(text[i + suffix.Length])))
            {
                return i + suffix.Length;
            }
        }

        return i;
    }

    private static int SkipSeparators(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] is ' ' or ',' or '\u00A0')
        {
            i++;
        }

        return i;
    }

    /// <summary>Skips spaces, then one of the given words with the spaces after it, when the word is there.</summary>
    private static int SkipSpacesAndWord(ReadOnlySpan<char> text, int i, params ReadOnlySpan<string> words)
    {
        i = SkipSeparators(text, i);
        foreach (string word in words)
        {
            int wordEnd = i + word.Length;
            if (text[i..].StartsWith(word, StringComparison.OrdinalIgnoreCase) && wordEnd < text.Length && text[wordEnd] == ' ')
            {
                return SkipSeparators(text, wordEnd);
            }
        }

        return i;
    }

    private static int ReadDigits(ReadOnlySpan<char> text, int start, int maximum)
    {
        int i = start;
        while (i < text.Length && i - start < maximum && TextBoundary.IsAsciiDigit(text[i]))
        {
            i++;
        }

        // A longer run of digits is another number.
        return i < text.Length && TextBoundary.IsAsciiDigit(text[i]) ? start : i;
    }

    private static int ParseNumber(ReadOnlySpan<char> digits)
    {
        int value = 0;
        foreach (char c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }

    private static bool EndsWord(ReadOnlySpan<char> text, int end) => end == text.Length || !char.IsLetterOrDigit(text[end]);

    // A two-digit year is read as 20yy, whose leap years are those of 19yy except 00, so any century's date passes.
    private static int Year(int value, int digits) => digits == 2 ? 2000 + value : value;

    private static bool IsDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static Dictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari"],
            ["february", "feb", "febr", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro", "fev", "februari"],
            ["march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart", "mrt"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
            ["may", "mai", "mayo", "maggio", "mag", "maio", "mei"],
            ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho"],
            ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"],
            ["august", "aug", "août", "aout", "agosto", "ago"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out"],
            ["november", "nov", "novembre", "noviembre", "novembro"],
            ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "december"],
        ];

        var months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < names.Length; i++)
        {
            foreach (string name in names[i])
            {
                months[name] = i + 1;
            }
        }

        return months;
    }
}
