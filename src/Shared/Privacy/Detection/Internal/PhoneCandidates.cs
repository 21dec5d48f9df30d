using System.Runtime.CompilerServices;

namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// Finds the stretches of free text that may be phone numbers: digit groups joined by at most two of the
/// usual phone separators (space, '-', '.', '/', parentheses), optionally led by '+' or '('. Only these
/// stretches reach libphonenumber, which is far cheaper than its own text matcher on every cell.
/// </summary>
internal static class PhoneCandidates
{
    /// <summary>The fewest digits a candidate may have; shorter national numbers exist only in a few small territories.</summary>
    public const int MinimumDigits = 5;

    /// <summary>The most digits a candidate may have: 15 for E.164 plus an international prefix such as 00.</summary>
    public const int MaximumDigits = 17;

    /// <summary>How many windows are tried from one start group before moving on, which keeps the scan linear.</summary>
    private const int MaximumAttemptsPerStart = 4;

    // Words that may stand right before a phone number without a space.
    private static readonly string[] PhoneLabels =
    [
        "tel", "phone", "ph", "fax", "mob", "mobile", "cell", "call", "handy", "mobil", "telefon", "telefono", "teléfono", "tél",
        "telephone", "téléphone", "telefone", "whatsapp", "sms", "tlf", "tfno", "telefonnummer", "rufnummer", "mobilnummer",
        "handynummer", "portable", "celular", "movil", "móvil", "cellulare",
    ];

    /// <summary>Digit groups kept on the stack per run, and longer runs move to a pooled array.</summary>
    private const int GroupBufferLength = 32;

    /// <summary>
    /// Offers candidate windows to <paramref name="matcher"/>, longest first from each start, and skips past each
    /// window it accepts. Windows start and end on digit-group boundaries. The visit ends early once the matcher
    /// reports <see cref="IPhoneWindowMatcher.IsDone"/>.
    /// </summary>
    [SkipLocalsInit]
    public static void Visit<TMatcher>(ReadOnlySpan<char> text, ref TMatcher matcher)
        where TMatcher : struct, IPhoneWindowMatcher
    {
        DigitGroupList groups = new(stackalloc (int Start, int End)[GroupBufferLength]);
        try
        {
            int i = 0;
            while (i < text.Length && !matcher.IsDone)
            {
                if (!TextBoundary.IsAsciiDigit(text[i]))
                {
                    i++;
                    continue;
                }

                i = ReadRun(text, i, ref groups);

                // A run with too few digits offers no window, so its boundary tests are skipped.
                if (CountDigits(groups.AsSpan()) >= MinimumDigits)
                {
                    VisitRun(text, groups.AsSpan(), ref matcher);
                }
            }
        }
        finally
        {
            groups.Dispose();
        }
    }

    private static int CountDigits(ReadOnlySpan<(int Start, int End)> groups)
    {
        int digits = 0;
        foreach ((int start, int end) in groups)
        {
            digits += end - start;
        }

        return digits;
    }

    private static int ReadRun(ReadOnlySpan<char> text, int start, ref DigitGroupList groups)
    {
        groups.Clear();
        int i = start;
        while (true)
        {
            int groupStart = i;
            while (i < text.Length && TextBoundary.IsAsciiDigit(text[i]))
            {
                i++;
            }

            groups.Add(groupStart, i);
            int next = i;
            int separators = 0;
            while (next < text.Length && separators < 2 && IsSeparator(text[next]))
            {
                next++;
                separators++;
            }

            if (separators == 0 || next >= text.Length || !TextBoundary.IsAsciiDigit(text[next]))
            {
                return i;
            }

            i = next;
        }
    }

    private static void VisitRun<TMatcher>(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int End)> groups, ref TMatcher matcher)
        where TMatcher : struct, IPhoneWindowMatcher
    {
        int first = 0;
        bool afterNumber = false;
        while (first < groups.Length && !matcher.IsDone)
        {
            // A number may also start right after one that was just found, as in "202-456-1111/202.456.1111".
            int start = ExtendStart(text, groups[first].Start);
            char before = first == 0 ? ' ' : text[groups[first].Start - 1];
            bool startsCleanly = first == 0 || char.IsWhiteSpace(before) || before is '(' or '+' || (afterNumber && before == '/');
            int matchedLast = -1;
            bool glued = first == 0 && IsGluedToWord(text, start);
            if (startsCleanly && !glued && (TextBoundary.IsStartBoundary(text, start) || (afterNumber && before == '/')))
            {
                matchedLast = TryWindows(text, groups, first, start, ref matcher);
            }

            afterNumber = matchedLast >= 0;
            first = matchedLast >= 0 ? matchedLast + 1 : first + 1;
        }
    }

    /// <summary>
    /// Returns true when a group after the first one follows a '/' and starts with 0, as the second number of
    /// "030 901820/030 901821" does. A slash right after the first group still joins an area code to its subscriber
    /// number (030/901820).
    /// </summary>
    private static bool StartsAnotherNumber(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int End)> groups, int first, int last)
    {
        for (int group = first + 2; group <= last; group++)
        {
            (int start, _) = groups[group];
            if (text[start] == '0' && start > 0 && text[start - 1] == '/')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns true when a number at <paramref name="start"/> is glued to a word before it, directly or by one '-', '.' or
    /// '_' (AB1242886303, INV-2024-905036, SN_2025550147), so it is part of a code. A phone label such as tel or fax
    /// before the number does not count (tel.2025550147).
    /// </summary>
    private static bool IsGluedToWord(ReadOnlySpan<char> text, int start)
    {
        int end = start;
        if (end > 0 && text[end - 1] is '-' or '.' or '_')
        {
            end--;
        }

        if (end == 0 || !char.IsLetter(text[end - 1]))
        {
            return false;
        }

        int wordStart = end - 1;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        ReadOnlySpan<char> word = text[wordStart..end];
        foreach (string label in PhoneLabels)
        {
            if (word.Equals(label, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the index of the last group of the accepted window, or -1 when none was accepted.</summary>
    private static int TryWindows<TMatcher>(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int End)> groups, int first, int start, ref TMatcher matcher)
        where TMatcher : struct, IPhoneWindowMatcher
    {
        int digits = 0;
        int last = first - 1;
        while (last + 1 < groups.Length && digits + (groups[last + 1].End - groups[last + 1].Start) <= MaximumDigits)
        {
            last++;
            digits += groups[last].End - groups[last].Start;
        }

        int attempts = 0;
        for (; last >= first && attempts < MaximumAttemptsPerStart; last--)
        {
            ReadOnlySpan<char> window = text[start..groups[last].End];
            if (digits >= MinimumDigits && TextBoundary.IsEndBoundary(text, groups[last].End) && !ContainsDate(window) && !IsDecimal(window)
                && !StartsAnotherNumber(text, groups, first, last))
            {
                attempts++;
                if (matcher.TryMatch(text, start, groups[last].End))
                {
                    return last;
                }
            }

            digits -= groups[last].End - groups[last].Start;
        }

        return -1;
    }

    /// <summary>Moves a candidate's start back over a leading '+' or '(' (or both, as in "(+44)").</summary>
    private static int ExtendStart(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        while (i > 0 && start - i < 2 && text[i - 1] is '+' or '(')
        {
            i--;
        }

        return i;
    }

    /// <summary>
    /// Returns true when three consecutive digit groups of the candidate form a calendar date such as 2024-03-15,
    /// 15.03.2024 or 03/15/24 (one separator, year first or last), because dates have phone-like digit groups.
    /// </summary>
    [SkipLocalsInit]
    private static bool ContainsDate(ReadOnlySpan<char> candidate)
    {
        // Each entry is a digit group's length, its value (up to four digits) and the single character after it ('\0' when
        // more or none follow).
        Span<(int Length, int Value, char Separator)> groups = stackalloc (int, int, char)[MaximumDigits];
        int count = 0;
        int i = 0;
        while (i < candidate.Length && count < groups.Length)
        {
            if (!TextBoundary.IsAsciiDigit(candidate[i]))
            {
                i++;
                continue;
            }

            int groupStart = i;
            int value = 0;
            while (i < candidate.Length && TextBoundary.IsAsciiDigit(candidate[i]))
            {
                value = i - groupStart < 4 ? (value * 10) + (candidate[i] - '0') : value;
                i++;
            }

            bool singleSeparator = i + 1 < candidate.Length && TextBoundary.IsAsciiDigit(candidate[i + 1]);
            groups[count++] = (i - groupStart, value, singleSeparator ? candidate[i] : '\0');
        }

        for (int g = 0; g + 2 < count; g++)
        {
            char separator = groups[g].Separator;
            // A date has three groups: a fourth joined by the same separator (06.12.34.56.78) makes a number.
            bool sameSeparator = separator is '-' or '.' or '/' && groups[g + 1].Separator == separator
                && (g == 0 || groups[g - 1].Separator != separator) && groups[g + 2].Separator != separator;
            if (sameSeparator && IsDate(groups[g], groups[g + 1], groups[g + 2]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns true when three groups can be a calendar date: a four-digit year first with a month and a day, or a day and a
    /// month in either order before a year of two or four digits. The values decide, so 01.42.68.53.00 (a French number)
    /// and +44-20-7946-0958 are not dates, while 15.03.2024 and 03/15/24 are.
    /// </summary>
    private static bool IsDate((int Length, int Value, char Separator) first, (int Length, int Value, char Separator) second, (int Length, int Value, char Separator) third)
    {
        if (!IsDateShape(first.Length, second.Length, third.Length))
        {
            return false;
        }

        if (first.Length == 4)
        {
            return IsMonth(second.Value) && IsDay(third.Value);
        }

        return (IsDay(first.Value) && IsMonth(second.Value)) || (IsMonth(first.Value) && IsDay(second.Value));
    }

    private static bool IsMonth(int value) => value is >= 1 and <= 12;

    private static bool IsDay(int value) => value is >= 1 and <= 31;

    /// <summary>
    /// Returns true when the candidate is a decimal number: digits, one '.', digits. Numbers written with dots have
    /// three or more groups (415.555.0100, 06.12.34.56.78), while 310000.2, a bin edge, is an amount.
    /// </summary>
    public static bool IsDecimal(ReadOnlySpan<char> candidate) =>
        candidate.Count('.') == 1 && candidate.IndexOfAnyExcept("0123456789.") < 0;

    private static bool IsDateShape(int first, int second, int third) =>
        (first == 4 && second <= 2 && third <= 2) || (first <= 2 && second <= 2 && third is 2 or 4);

    // A line break or tab between groups is a number wrapped in a quoted field or a note, as card groups may be too.
    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '/' or '(' or ')' or '\u00A0' or '\u202F' or '\u2009' or '\n' or '\r' or '\t';
}
