using System.Buffers;
using System.Globalization;
using System.Text;

namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// Folds the characters that write digits, letters and separators in other forms onto ASCII, one character for one, so
/// that detectors written for ASCII also read full-width text (<c>４５３９</c>, <c>ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ</c>), other scripts'
/// decimal digits (Arabic-Indic, Devanagari) and typeset separators (no-break spaces, en dashes). Offsets in the folded
/// text are offsets in the original, so a span found in one replaces the same characters in the other.
/// </summary>
internal static class TextFolding
{
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int FullWidthOffset = 0xFEE0;

    private static readonly SearchValues<char> Spaces = SearchValues.Create("\u00A0\u2007\u202F\u3000");
    private static readonly SearchValues<char> Dashes = SearchValues.Create("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D");

    /// <summary>Returns true when <paramref name="text"/> contains a character that folding changes.</summary>
    public static bool NeedsFolding(ReadOnlySpan<char> text)
    {
        if (Ascii.IsValid(text))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c > '\u007F' && Folded(c) != c)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Points <paramref name="text"/> at its folded form in a buffer from the shared pool and returns that buffer, or returns
    /// null and leaves the text as it is when nothing folds. Pass the buffer to <see cref="Return"/> when done; one lost to an
    /// exception is only garbage.
    /// </summary>
    public static char[]? FoldIfNeeded(ref ReadOnlySpan<char> text)
    {
        if (!NeedsFolding(text))
        {
            return null;
        }

        char[] buffer = ArrayPool<char>.Shared.Rent(text.Length);
        Fold(text, buffer);
        text = buffer.AsSpan(0, text.Length);
        return buffer;
    }

    /// <summary>Gives a buffer from <see cref="FoldIfNeeded"/> back to the pool; null is ignored.</summary>
    public static void Return(char[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes the folded form of <paramref name="text"/> to <paramref name="destination"/>, which is at least as long.</summary>
    public static void Fold(ReadOnlySpan<char> text, Span<char> destination)
    {
        for (int i = 0; i < text.Length; i++)
        {
            destination[i] = Folded(text[i]);
        }
    }

    /// <summary>Returns the folded form of <paramref name="text"/>, or the text itself when nothing folds.</summary>
    public static string Fold(string text)
    {
        if (!NeedsFolding(text))
        {
            return text;
        }

        return string.Create(text.Length, text, static (destination, source) => Fold(source, destination));
    }

    private static char Folded(char c)
    {
        if (c <= '\u007F')
        {
            return c;
        }

        if (c is >= FullWidthFirst and <= FullWidthLast)
        {
            return (char)(c - FullWidthOffset);
        }

        if (char.IsDigit(c))
        {
            return (char)('0' + (int)CharUnicodeInfo.GetNumericValue(c));
        }

        if (Spaces.Contains(c))
        {
            return ' ';
        }

        return Dashes.Contains(c) ? '-' : c;
    }
}
