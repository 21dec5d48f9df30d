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

    /// <summary>
    /// Calls <paramref name="tryMatch"/> for candidate windows, longest first from each start, and skips past each
    /// window it accepts. Windows start and end on digit-group boundaries.
    /// </summary>
    public static void Visit(ReadOnlySpan<char> text, Func<int, int, bool> tryMatch)
    {
        List<(int Start, int End)> groups = [];
        int i = 0;
        while (i < text.Length)
        {
            if (!TextBoundary.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            i = ReadRun(text, i, groups);
            VisitRun(text, groups, tryMatch);
        }
    }

    private static int ReadRun(ReadOnlySpan<char> text, int start, List<(int Start, int End)> groups)
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

            groups.Add((groupStart, i));
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

    private static void VisitRun(ReadOnlySpan<char> text, List<(int Start, int End)> groups, Func<int, int, bool> tryMatch)
    {
        int first = 0;
        while (first < groups.Count)
        {
            int start = ExtendStart(text, groups[first].Start);
            bool startsCleanly = first == 0 || char.IsWhiteSpace(text[groups[first].Start - 1]) || text[groups[first].Start - 1] is '(' or '+';
            int matchedLast = -1;
            if (startsCleanly && TextBoundary.IsStartBoundary(text, start))
            {
                matchedLast = TryWindows(text, groups, first, start, tryMatch);
            }

            first = matchedLast >= 0 ? matchedLast + 1 : first + 1;
        }
    }

    /// <summary>Returns the index of the last group of the accepted window, or -1 when none was accepted.</summary>
    private static int TryWindows(ReadOnlySpan<char> text, List<(int Start, int End)> groups, int first, int start, Func<int, int, bool> tryMatch)
    {
        int digits = 0;
        int last = first - 1;
        while (last + 1 < groups.Count && digits + (groups[last + 1].End - groups[last + 1].Start) <= MaximumDigits)
        {
            last++;
            digits += groups[last].End - groups[last].Start;
        }

        int attempts = 0;
        for (; last >= first && attempts < MaximumAttemptsPerStart; last--)
        {
            if (digits >= MinimumDigits && TextBoundary.IsEndBoundary(text, groups[last].End) && !IsDate(text[start..groups[last].End]))
            {
                attempts++;
                if (tryMatch(start, groups[last].End))
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

    /// <summary>Returns true for calendar dates such as 2024-03-15, 15.03.2024 or 03/15/24, which have phone-like digit groups.</summary>
    private static bool IsDate(ReadOnlySpan<char> candidate)
    {
        Span<int> lengths = stackalloc int[4];
        int groups = 0;
        int length = 0;
        char separator = '\0';
        foreach (char c in candidate)
        {
            if (TextBoundary.IsAsciiDigit(c))
            {
                length++;
                continue;
            }

            if (groups == 3 || (separator != '\0' && c != separator) || c is not ('-' or '.' or '/'))
            {
                return false;
            }

            separator = c;
            lengths[groups++] = length;
            length = 0;
        }

        lengths[groups++] = length;
        return groups == 3
            && ((lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2) || (lengths[0] <= 2 && lengths[1] <= 2 && lengths[2] is 2 or 4));
    }

    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '/' or '(' or ')' or '\u00A0';
}
