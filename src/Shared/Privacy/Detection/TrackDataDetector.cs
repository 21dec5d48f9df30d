using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Finds magnetic-stripe track data (ISO/IEC 7813): track 1 as <c>%B</c>, a PAN, <c>^</c>, the holder's name,
/// <c>^</c> and the expiry date; track 2 as <c>;</c>, a PAN, <c>=</c> and the expiry date. The start sentinels
/// are optional because exports often drop them. A match is validated when its PAN passes the Luhn check.
/// </summary>
public sealed class TrackDataDetector : IDetector
{
    private const int MaximumNameLength = 26;

    /// <inheritdoc />
    public PiiKind Kind => PiiKind.TrackData;

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        FindingListSink sink = new(findings);
        Find(text, ref sink);
    }

    /// <summary>Reports the matches in <paramref name="text"/> to <paramref name="sink"/> and returns false when the sink stopped the scan.</summary>
    internal bool Find<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IFindingSink
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!TextBoundary.IsAsciiDigit(text[i]) || (i > 0 && TextBoundary.IsAsciiDigit(text[i - 1])))
            {
                i++;
                continue;
            }

            int panEnd = i;
            while (panEnd < text.Length && TextBoundary.IsAsciiDigit(text[panEnd]))
            {
                panEnd++;
            }

            int panLength = panEnd - i;
            int end = panLength is >= 12 and <= 19 ? MatchAfterPan(text, panEnd) : -1;
            if (end < 0)
            {
                i = panEnd;
                continue;
            }

            int start = i;
            if (start >= 2 && text[start - 1] == 'B' && text[start - 2] == '%')
            {
                start -= 2;
            }
            else if (start >= 1 && text[start - 1] is ';' or 'B')
            {
                start -= 1;
            }

            if (!sink.Add(new PiiFinding(PiiKind.TrackData, start, end - start, Luhn.IsValid(text[i..panEnd]))))
            {
                return false;
            }

            i = end;
        }

        return true;
    }

    /// <inheritdoc />
    public ValueCheck Validate(ReadOnlySpan<char> cell) => CellCoverage.Check(cell.Trim(), this);

    /// <summary>
    /// Returns the index after the track's expiry date and the discretionary data up to the end sentinel,
    /// or -1 when the text after the PAN is not track 1 or track 2.
    /// </summary>
    private static int MatchAfterPan(ReadOnlySpan<char> text, int panEnd)
    {
        if (panEnd >= text.Length)
        {
            return -1;
        }

        int i;
        if (text[panEnd] == '^')
        {
            int nameEnd = text[(panEnd + 1)..].IndexOf('^');
            if (nameEnd < 0 || nameEnd > MaximumNameLength)
            {
                return -1;
            }

            i = panEnd + 1 + nameEnd + 1;
        }
        else if (text[panEnd] == '=')
        {
            i = panEnd + 1;
        }
        else
        {
            return -1;
        }

        // Expiry YYMM, then service code and discretionary data up to the end sentinel '?' or a separator.
        if (i + 4 > text.Length || !TextBoundary.AreAsciiDigits(text.Slice(i, 4)))
        {
            return -1;
        }

        i += 4;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is ' ' or '/'))
        {
            if (text[i] == ' ' && (i + 1 >= text.Length || !char.IsAsciiDigit(text[i + 1])))
            {
                break;
            }

            i++;
        }

        if (i < text.Length && text[i] == '?')
        {
            i++;
        }

        return i;
    }
}
