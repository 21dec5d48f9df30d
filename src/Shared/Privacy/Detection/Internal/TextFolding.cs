using System.Buffers;
using System.Globalization;
using System.Text;

namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// Folds the characters that write digits, letters and separators in other forms onto ASCII, one character for one, so
/// that detectors written for ASCII also read full-width text (<c>４５３９</c>, <c>ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ</c>), other scripts'
/// decimal digits (Arabic-Indic, Devanagari) and typeset separators (no-break spaces, en dashes). Default-ignorable
/// characters (soft hyphens, zero-width spaces and joiners, directional marks, byte order marks, variation selectors) are
/// removed, because text copied from web pages and word processors carries them inside numbers and addresses. Where nothing was removed,
/// offsets in the folded text are offsets in the original; otherwise <see cref="FoldIfNeeded(ref ReadOnlySpan{char}, out int[])"/>
/// returns the map back to the original.
/// </summary>
internal static class TextFolding
{
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int FullWidthOffset = 0xFEE0;

    private static readonly SearchValues<char> Spaces = SearchValues.Create("\u00A0\u2007\u202F\u3000");
    private static readonly SearchValues<char> Dashes = SearchValues.Create("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D");

    // The default-ignorable code points of the Basic Multilingual Plane (Unicode's DerivedCoreProperties.txt): format
    // characters, the combining grapheme joiner, variation selectors and fillers, which render as nothing between letters
    // or digits.
    private static readonly SearchValues<char> Invisible = SearchValues.Create(
        "\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B\u180C\u180D\u180E\u180F\u200B\u200C\u200D\u200E\u200F"
        + "\u202A\u202B\u202C\u202D\u202E\u2060\u2061\u2062\u2063\u2064\u2065\u2066\u2067\u2068\u2069\u206A\u206B"
        + "\u206C\u206D\u206E\u206F\u3164\uFE00\uFE01\uFE02\uFE03\uFE04\uFE05\uFE06\uFE07\uFE08\uFE09\uFE0A\uFE0B"
        + "\uFE0C\uFE0D\uFE0E\uFE0F\uFEFF\uFFA0\uFFF0\uFFF1\uFFF2\uFFF3\uFFF4\uFFF5\uFFF6\uFFF7\uFFF8");

    /// <summary>Returns true when <paramref name="text"/> contains a character that folding changes.</summary>
    public static bool NeedsFolding(ReadOnlySpan<char> text)
    {
        if (Ascii.IsValid(text))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c > '\u007F' && (Folded(c) != c || Invisible.Contains(c)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Points <paramref name="text"/> at its folded form in a buffer from the shared pool and returns that buffer, or returns
    /// null and leaves the text as it is when nothing folds. Pass the buffer to <see cref="Return"/> when done; one lost to an
    /// exception is only garbage. Offsets in the folded form may differ from the original's; use the overload with a map
    /// where they matter.
    /// </summary>
    public static char[]? FoldIfNeeded(ref ReadOnlySpan<char> text) => FoldIfNeeded(ref text, mapOffsets: false, out _);

    /// <summary>
    /// Folds like <see cref="FoldIfNeeded(ref ReadOnlySpan{char})"/> and sets <paramref name="originalOffsets"/> to the
    /// original index of each folded character, or to null when no character was removed and the offsets are the same.
    /// </summary>
    public static char[]? FoldIfNeeded(ref ReadOnlySpan<char> text, out int[]? originalOffsets) =>
        FoldIfNeeded(ref text, mapOffsets: true, out originalOffsets);

    private static char[]? FoldIfNeeded(ref ReadOnlySpan<char> text, bool mapOffsets, out int[]? originalOffsets)
    {
        originalOffsets = null;
        if (!NeedsFolding(text))
        {
            return null;
        }

        char[] buffer = ArrayPool<char>.Shared.Rent(text.Length);
        int length = Fold(text, buffer);
        if (mapOffsets && length < text.Length)
        {
            originalOffsets = MapOffsets(text, length);
        }

        text = buffer.AsSpan(0, length);
        return buffer;
    }

    /// <summary>
    /// Returns where the span from <paramref name="start"/> of <paramref name="length"/> folded characters lies in the
    /// original, invisible characters inside it included.
    /// </summary>
    public static (int Start, int Length) ToOriginal(int[] originalOffsets, int start, int length)
    {
        int originalStart = originalOffsets[start];
        int originalEnd = length == 0 ? originalStart : originalOffsets[start + length - 1] + 1;
        return (originalStart, originalEnd - originalStart);
    }

    private static int[] MapOffsets(ReadOnlySpan<char> text, int foldedLength)
    {
        int[] offsets = new int[foldedLength];
        int written = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (!Invisible.Contains(text[i]))
            {
                offsets[written++] = i;
            }
        }

        return offsets;
    }

    /// <summary>Gives a buffer from <c>FoldIfNeeded</c> back to the pool; null is ignored.</summary>
    public static void Return(char[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Returns true for a default-ignorable character, which folding removes.</summary>
    public static bool IsInvisible(int point) => point is > '\u007F' and <= char.MaxValue && Invisible.Contains((char)point);

    /// <summary>
    /// Writes the folded form of <paramref name="text"/> to <paramref name="destination"/>, which is at least as long, and
    /// returns its length.
    /// </summary>
    public static int Fold(ReadOnlySpan<char> text, Span<char> destination)
    {
        int written = 0;
        foreach (char c in text)
        {
            if (c <= '\u007F' || !Invisible.Contains(c))
            {
                destination[written++] = Folded(c);
            }
        }

        return written;
    }

    /// <summary>Returns the folded form of <paramref name="text"/>, or the text itself when nothing folds.</summary>
    public static string Fold(string text)
    {
        ReadOnlySpan<char> span = text;
        char[]? buffer = FoldIfNeeded(ref span);
        if (buffer is null)
        {
            return text;
        }

        string folded = span.ToString();
        Return(buffer);
        return folded;
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
