namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>Character tests shared by the free-text detectors.</summary>
internal static class TextBoundary
{
    /// <summary>How far on each side of a match the hexadecimal test reads; longer than a SHA-256 digest in hex.</summary>
    private const int HexWindow = 80;

    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    public static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    /// <summary>
    /// Returns true when every character is an ASCII digit (true for an empty span). A plain loop, because
    /// <c>ContainsAnyExceptInRange('0', '9')</c> allocated 96 bytes per call on short spans in .NET 10.
    /// </summary>
    public static bool AreAsciiDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Returns true when a match that starts at <paramref name="start"/> is not part of a longer token before it.
    /// A digit just before the match, or a '-' or '.' joining it to a digit, makes it part of a longer token (a version
    /// string, a number range), which is not reported. Letters glued to the match, directly or by a '-' or '.', count
    /// only when the glued token is all hexadecimal, so hashes, hex pseudonyms and UUID groups are skipped, but
    /// "ipsum4111..." and "no.4111..." are not.
    /// </summary>
    public static bool IsStartBoundary(ReadOnlySpan<char> text, int start)
    {
        if (start == 0)
        {
            return true;
        }

        char before = text[start - 1];
        if (char.IsDigit(before))
        {
            return false;
        }

        if (char.IsLetter(before))
        {
            return !IsHexToken(text, start - 1);
        }

        if ((before == '-' || before == '.') && start >= 2 && char.IsLetterOrDigit(text[start - 2]))
        {
            return char.IsLetter(text[start - 2]) && !IsHexToken(text, start - 2);
        }

        return true;
    }

    /// <summary>
    /// Returns true when a match that ends just before <paramref name="end"/> is not part of a longer token after it, by
    /// the rules of <see cref="IsStartBoundary"/> mirrored.
    /// </summary>
    public static bool IsEndBoundary(ReadOnlySpan<char> text, int end)
    {
        if (end >= text.Length)
        {
            return true;
        }

        char after = text[end];
        if (char.IsDigit(after))
        {
            return false;
        }

        if (char.IsLetter(after))
        {
            return !IsHexToken(text, end);
        }

        if ((after == '-' || after == '.') && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]))
        {
            return char.IsLetter(text[end + 1]) && !IsHexToken(text, end + 1);
        }

        return true;
    }

    /// <summary>
    /// Returns true when the letters-and-digits token around <paramref name="index"/> is all ASCII hexadecimal.
    /// Only <see cref="HexWindow"/> characters on each side are read, which keeps every scan linear in the text length.
    /// </summary>
    private static bool IsHexToken(ReadOnlySpan<char> text, int index)
    {
        // Each side stops at the token's end or at the first character that is not hexadecimal, so the letters of most
        // words and country codes end the test at once.
        int rightEnd = Math.Min(text.Length, index + HexWindow);
        for (int right = index; right < rightEnd && char.IsLetterOrDigit(text[right]); right++)
        {
            if (!char.IsAsciiHexDigit(text[right]))
            {
                return false;
            }
        }

        int leftEnd = Math.Max(0, index - HexWindow);
        for (int left = index - 1; left >= leftEnd && char.IsLetterOrDigit(text[left]); left--)
        {
            if (!char.IsAsciiHexDigit(text[left]))
            {
                return false;
            }
        }

        return true;
    }
}
