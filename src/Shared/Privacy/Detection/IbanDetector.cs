using System.Runtime.CompilerServices;
using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Finds IBANs, written plain or in groups separated by single spaces (of any width), dashes, dots, slashes or
/// underscores, in any letter case.
/// Validation removes the separators, converts to upper case, checks the country's length and requires
/// mod 97 = 1 (ISO 13616).
/// </summary>
public sealed class IbanDetector : IDetector
{
    /// <inheritdoc />
    public PiiKind Kind => PiiKind.Iban;

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        FindingListSink sink = new(findings);
        Find(text, ref sink);
    }

    /// <summary>Reports the matches in <paramref name="text"/> to <paramref name="sink"/> and returns false when the sink stopped the scan.</summary>
    [SkipLocalsInit]
    internal bool Find<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IFindingSink
    {
        Span<char> buffer = stackalloc char[IbanRegistry.MaximumLength];
        int i = 0;
        while (i + 4 <= text.Length)
        {
            if (!StartsCandidate(text, i))
            {
                i++;
                continue;
            }

            int end = ReadCandidate(text, i, buffer, out _, out ValueCheck check);
            if (check != ValueCheck.NoMatch)
            {
                if (!sink.Add(new PiiFinding(PiiKind.Iban, i, end - i, check == ValueCheck.Valid)))
                {
                    return false;
                }

                i = end;
            }
            else
            {
                i++;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public ValueCheck Validate(ReadOnlySpan<char> cell)
    {
        ReadOnlySpan<char> value = cell.Trim();
        if (value.Length < 4 || !StartsCandidate(value, 0))
        {
            return CellCoverage.Check(value, this);
        }

        Span<char> buffer = stackalloc char[IbanRegistry.MaximumLength];
        int end = ReadCandidate(value, 0, buffer, out _, out ValueCheck check);
        return end == value.Length ? check : CellCoverage.Check(value, this);
    }

    /// <summary>A candidate starts with two letters and two digits at a word boundary.</summary>
    private static bool StartsCandidate(ReadOnlySpan<char> text, int i) =>
        TextBoundary.IsAsciiLetter(text[i]) && TextBoundary.IsAsciiLetter(text[i + 1])
        && TextBoundary.IsAsciiDigit(text[i + 2]) && TextBoundary.IsAsciiDigit(text[i + 3])
        && (i == 0 || !char.IsLetterOrDigit(text[i - 1]));

    /// <summary>
    /// Reads the country's number of alphanumeric characters from <paramref name="start"/>, allowing one separator or one
    /// line break between characters, and returns the index after the last one read.
    /// </summary>
    private static int ReadCandidate(ReadOnlySpan<char> text, int start, Span<char> buffer, out int count, out ValueCheck check)
    {
        Span<char> country = [char.ToUpperInvariant(text[start]), char.ToUpperInvariant(text[start + 1])];
        int expected = IbanRegistry.LengthOf(country);
        count = 0;
        check = ValueCheck.NoMatch;
        if (expected == 0)
        {
            return start;
        }

        int i = start;
        while (i < text.Length && count < expected)
        {
            char c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[count++] = char.ToUpperInvariant(c);
                i++;
            }
            else if (IsSeparator(c) && count > 0 && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]))
            {
                i++;
            }
            else if (c == ' ' && count > 0 && i + 2 < text.Length && text[i + 1] == ' ' && char.IsAsciiLetterOrDigit(text[i + 2]))
            {
                // Groups set apart by a doubled space, as justified or pasted text may have them.
                i += 2;
            }
            else if (count > 0 && LineBreakLength(text, i) is > 0 and int lineBreak
                && i + lineBreak < text.Length && char.IsAsciiLetterOrDigit(text[i + lineBreak]))
            {
                // A quoted field may wrap an IBAN over two lines.
                i += lineBreak;
            }
            else
            {
                break;
            }
        }

        // Too short, or more characters glued on, means a different token; a wrong length is still not an IBAN.
        if (count < expected || (i < text.Length && char.IsLetterOrDigit(text[i])))
        {
            return start;
        }

        check = IbanRegistry.HasValidChecksum(buffer[..count]) ? ValueCheck.Valid : ValueCheck.FailedCheck;
        return i;
    }

    // Spaces of any width, dashes, dots, slashes and underscores, as IBANs are written in groups of four. The country
    // code, the exact length and the mod-97 check keep other text from matching.
    // Returns the length of a line break at index, with a space on either side: LF, CR LF, " LF" or "LF ", or 0.
    private static int LineBreakLength(ReadOnlySpan<char> text, int index)
    {
        int i = index;
        if (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i < text.Length && text[i] == '\r')
        {
            i++;
        }

        if (i >= text.Length || text[i] != '\n')
        {
            return 0;
        }

        i++;
        if (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i - index;
    }

    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '/' or '_' or '\u00A0' or '\u202F' or '\u2009';
}
