using System.Buffers;
using System.Text;

namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// Labels that announce a value in free text (<c>DOB</c>, <c>address:</c>), and the search for the value's start after
/// one. A label matches in any letter case, at a word start, and not followed by more letters.
/// </summary>
internal sealed class TextLabels
{
    private readonly string[] _labels;

    // ASCII labels are searched with vectorized ASCII case folding. The few with other letters (né le, 生年月日) need
    // Unicode case folding, which is far slower, so they are searched only in text that is not ASCII.
    private readonly SearchValues<string> _asciiStarts;
    private readonly SearchValues<string>? _otherStarts;
    private readonly string[] _joiningWords;
    private readonly int _maximumGap;

    /// <summary>Creates the search.</summary>
    /// <param name="labels">The labels; where two match at one position, the longer one is used.</param>
    /// <param name="joiningWords">Words that may stand between a label and its value, at most two of them (<c>is now</c>).</param>
    /// <param name="maximumGap">The most characters of separators and joining word between a label and its value.</param>
    public TextLabels(string[] labels, string[] joiningWords, int maximumGap)
    {
        _labels = [.. labels.OrderByDescending(label => label.Length)];
        _asciiStarts = SearchValues.Create([.. labels.Where(label => Ascii.IsValid(label))], StringComparison.OrdinalIgnoreCase);
        string[] others = [.. labels.Where(label => !Ascii.IsValid(label))];
        _otherStarts = others.Length == 0 ? null : SearchValues.Create(others, StringComparison.OrdinalIgnoreCase);
        _joiningWords = joiningWords;
        _maximumGap = maximumGap;
    }

    /// <summary>
    /// Finds the next label at or after <paramref name="position"/> and returns where its value would start, or -1 when
    /// no label follows. <paramref name="position"/> moves just past the label's first character, so the caller may move
    /// it further after reading a value.
    /// </summary>
    public int FindNext(ReadOnlySpan<char> text, ref int position) => FindNext(text, ref position, out _);

    /// <summary>Finds the next label as <see cref="FindNext(ReadOnlySpan{char}, ref int)"/> does, and returns it in <paramref name="label"/>.</summary>
    public int FindNext(ReadOnlySpan<char> text, ref int position, out string label)
    {
        label = string.Empty;
        bool ascii = Ascii.IsValid(text);
        while (position < text.Length)
        {
            int found = IndexOfLabel(text[position..], ascii);
            if (found < 0)
            {
                position = text.Length;
                return -1;
            }

            int labelStart = position + found;
            position = labelStart + 1;
            if (labelStart > 0 && char.IsLetterOrDigit(text[labelStart - 1]))
            {
                continue;
            }

            int valueStart = ValueStartAfter(text, labelStart, int.MaxValue, out label);
            if (valueStart >= 0)
            {
                return valueStart;
            }
        }

        return -1;
    }

    /// <summary>
    /// Returns where the value after the longest label shorter than <paramref name="shorterThan"/> characters that
    /// matches at <paramref name="labelStart"/> would start, or -1, so that a caller whose value did not read after one
    /// label can try a shorter one there. A label that ends with a digit is passed over when a digit follows it at once:
    /// <c>cvv211</c> reads as the label cvv and the code 211, not as cvv2 and 11.
    /// </summary>
    public int ValueStartAfter(ReadOnlySpan<char> text, int labelStart, int shorterThan, out string label)
    {
        foreach (string candidate in _labels)
        {
            int labelEnd = labelStart + candidate.Length;
            if (candidate.Length >= shorterThan || !text[labelStart..].StartsWith(candidate, StringComparison.OrdinalIgnoreCase)
                || (labelEnd < text.Length && char.IsLetter(text[labelEnd]) && IsAlphabetic(candidate[^1]))
                || (char.IsAsciiDigit(candidate[^1]) && labelEnd < text.Length && char.IsAsciiDigit(text[labelEnd])))
            {
                continue;
            }

            int valueStart = SkipGap(text, labelEnd);
            if (valueStart < text.Length)
            {
                label = candidate;
                return valueStart;
            }
        }

        label = string.Empty;
        return -1;
    }

    private int IndexOfLabel(ReadOnlySpan<char> text, bool ascii)
    {
        int found = text.IndexOfAny(_asciiStarts);
        if (ascii || _otherStarts is null)
        {
            return found;
        }

        int other = text.IndexOfAny(_otherStarts);
        if (found < 0 || other < 0)
        {
            return Math.Max(found, other);
        }

        return Math.Min(found, other);
    }

    // Ideographic labels (生年月日) have no word spaces, so letters may follow them.
    private static bool IsAlphabetic(char c) => char.IsLetter(c) && c < '\u3000';

    /// <summary>Skips separators and at most two joining words after a label; returns where the value would start.</summary>
    private int SkipGap(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        int joined = 0;
        while (i < text.Length && i - start <= _maximumGap)
        {
            char c = text[i];
            if (c is ' ' or ':' or '=' or '#' or '-' or '(' or '\t' or '\u00A0' or '\uFF1A' or ',' or '.')
            {
                i++;
                continue;
            }

            if (joined == 2 || !char.IsLetter(c))
            {
                return i;
            }

            int wordEnd = i;
            while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
            {
                wordEnd++;
            }

            if (!IsJoiningWord(text[i..wordEnd]))
            {
                return i;
            }

            joined++;
            i = wordEnd;
        }

        return i;
    }

    private bool IsJoiningWord(ReadOnlySpan<char> word)
    {
        foreach (string candidate in _joiningWords)
        {
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
