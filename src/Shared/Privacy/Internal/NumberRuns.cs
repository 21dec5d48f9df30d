namespace SyntheticData.Privacy.Internal;

/// <summary>
/// Finds the numbers written in a cell: runs of ASCII digits in which single spaces or dashes may separate
/// digit groups (<c>4000 0000 0000 0000 006</c> is one run). Any other character ends a run, so
/// <c>4111111111111111;5200000000000007</c> holds two.
/// </summary>
internal static class NumberRuns
{
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
            else if ((text[j] == ' ' || text[j] == '-') && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1]))
            {
                j++;
            }
            else
            {
                break;
            }
        }

        return true;
    }

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
