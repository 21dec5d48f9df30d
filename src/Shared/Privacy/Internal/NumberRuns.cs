namespace SyntheticData.Privacy.Internal;

/// <summary>
/// Finds the numbers written in a cell: runs of ASCII digits in which up to <see cref="MaximumGap"/> separator characters
/// (space, tab, no-break and thin spaces, '-', '.', '/', '_') may separate digit groups, so <c>4000 0000 0000 0000 006</c>,
/// <c>4111.1111.1111.1111</c> and <c>4111 - 1111 - 1111 - 1111</c> are one run each. Any other character ends a run, so
/// <c>4111111111111111;5200000000000007</c> contains two.
/// </summary>
internal static class NumberRuns
{
    /// <summary>The most separator characters between two digit groups of one run.</summary>
    public const int MaximumGap = 3;

    /// <summary>Returns the start and end (exclusive) of every run.</summary>
    public static List<(int Start, int End)> Find(ReadOnlySpan<char> text)
    {
        var runs = new List<(int Start, int End)>();
        int from = 0;
        while (FindNext(text, from, out int start, out int end))
        {
            runs.Add((start, end));
            from = end;
        }

        return runs;
    }

    /// <summary>
    /// Finds the first run that starts at or after <paramref name="from"/>, or returns false when there is none.
    /// Calling it again from the previous <paramref name="end"/> walks the same runs as <see cref="Find"/>.
    /// </summary>
    public static bool FindNext(ReadOnlySpan<char> text, int from, out int start, out int end)
    {
        int i = from;
        while (i < text.Length && !char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i >= text.Length)
        {
            start = end = text.Length;
            return false;
        }

        start = i;
        end = i + 1;
        int j = i + 1;
        while (j < text.Length)
        {
            if (char.IsAsciiDigit(text[j]))
            {
                end = ++j;
            }
            else if (GapEnd(text, j) is int next && next > j)
            {
                j = next;
            }
            else
            {
                break;
            }
        }

        return true;
    }

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="destination"/> with the separators inside each run removed, so
    /// <c>3709 960308 24628</c> and <c>3709-960308-24628</c> both become <c>370996030824628</c>, and returns the length
    /// written. Everything outside the runs is copied as it is.
    /// </summary>
    /// <param name="text">The text to join.</param>
    /// <param name="destination">At least as long as <paramref name="text"/>.</param>
    public static int JoinGroups(ReadOnlySpan<char> text, Span<char> destination)
    {
        int written = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            destination[written++] = c;
            i++;
            if (char.IsAsciiDigit(c) && GapEnd(text, i) is int next && next > i)
            {
                i = next;
            }
        }

        return written;
    }

    /// <summary>
    /// Returns the index of the digit after the separators that start at <paramref name="position"/>, when there are one
    /// to <see cref="MaximumGap"/> of them and a digit follows; otherwise returns <paramref name="position"/>.
    /// </summary>
    private static int GapEnd(ReadOnlySpan<char> text, int position)
    {
        int end = position;
        while (end < text.Length && end - position < MaximumGap && IsSeparator(text[end]))
        {
            end++;
        }

        return end > position && end < text.Length && char.IsAsciiDigit(text[end]) ? end : position;
    }

    private static bool IsSeparator(char c) => c is ' ' or '\t' or '-' or '.' or '/' or '_' or '\u00A0' or '\u202F' or '\u2009';

    /// <summary>Counts the digits in <paramref name="text"/>.</summary>
    public static int CountDigits(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (char c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
        }

        return count;
    }
}
