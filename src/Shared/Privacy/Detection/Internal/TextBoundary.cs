namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>Character tests shared by the free-text detectors.</summary>
internal static class TextBoundary
{
    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    public static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    /// <summary>
    /// Returns true when a match that starts at <paramref name="start"/> is not glued to a word before it.
    /// A letter or digit just before the match, or a '-' or '.' joining it to one, makes it part of a longer
    /// token (a UUID group, a version string), which is not reported.
    /// </summary>
    public static bool IsStartBoundary(ReadOnlySpan<char> text, int start)
    {
        if (start == 0)
        {
            return true;
        }

        char before = text[start - 1];
        if (char.IsLetterOrDigit(before))
        {
            return false;
        }

        if ((before == '-' || before == '.') && start >= 2 && char.IsLetterOrDigit(text[start - 2]))
        {
            return false;
        }

        return true;
    }

    /// <summary>Returns true when a match that ends just before <paramref name="end"/> is not glued to a word after it.</summary>
    public static bool IsEndBoundary(ReadOnlySpan<char> text, int end)
    {
        if (end >= text.Length)
        {
            return true;
        }

        char after = text[end];
        if (char.IsLetterOrDigit(after))
        {
            return false;
        }

        if ((after == '-' || after == '.') && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]))
        {
            return false;
        }

        return true;
    }
}
