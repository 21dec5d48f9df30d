using System.Runtime.CompilerServices;
using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Finds payment card numbers of 13 to 19 digits in free text, or 12 to 19 digits in a whole cell (Maestro).
/// Numbers may be written plain or in groups separated by single spaces or dashes. A number is valid when it
/// passes the Luhn check and lies in a known issuer range, the Mastercard 2-series and 19-digit Visa included.
/// </summary>
public sealed class CardNumberDetector : IDetector
{
    private const int MinimumFreeTextLength = 13;

    /// <summary>Digit groups kept on the stack per run, and longer runs move to a pooled array.</summary>
    private const int GroupBufferLength = 32;

    private readonly string[] _excludedPrefixes;

    /// <summary>Creates a detector that treats numbers starting with any of <paramref name="excludedPrefixes"/> as test tokens, not live cards.</summary>
    /// <param name="excludedPrefixes">Digit prefixes of documented test or token ranges that a rescan accepts; null or empty for none.</param>
    public CardNumberDetector(IEnumerable<string>? excludedPrefixes = null)
    {
        _excludedPrefixes = excludedPrefixes?.ToArray() ?? [];
        foreach (string prefix in _excludedPrefixes)
        {
            if (prefix.Length == 0 || !prefix.All(TextBoundary.IsAsciiDigit))
            {
                throw new ArgumentException($"Excluded card prefix '{prefix}' is invalid: it must be one or more ASCII digits.", nameof(excludedPrefixes));
            }
        }
    }

    /// <inheritdoc />
    public PiiKind Kind => PiiKind.CardNumber;

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
        DigitGroupList groups = new(stackalloc (int Start, int End)[GroupBufferLength]);
        try
        {
            int i = 0;
            while (i < text.Length)
            {
                if (!TextBoundary.IsAsciiDigit(text[i]))
                {
                    i++;
                    continue;
                }

                i = ReadRun(text, i, ref groups);
                ReadOnlySpan<(int Start, int End)> run = groups.AsSpan();

                // A run with fewer digits than a card in free text is skipped before its boundary tests, which may read 80
                // characters each way.
                if (CountDigits(run) < MinimumFreeTextLength)
                {
                    continue;
                }

                // An end group glued to more digits ("4539... 2024-01-15", "19.99 4539...") is part of a date or an amount.
                // The groups inside still start and end at separators, so they are tried without it.
                if (!TextBoundary.IsStartBoundary(text, run[0].Start))
                {
                    run = run[1..];
                }

                if (run.Length > 0 && !TextBoundary.IsEndBoundary(text, run[^1].End))
                {
                    run = run[..^1];
                }

                if (run.Length > 0 && CountDigits(run) >= MinimumFreeTextLength && !FindInRun(text, run, ref sink))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            groups.Dispose();
        }
    }

    /// <inheritdoc />
    public ValueCheck Validate(ReadOnlySpan<char> cell)
    {
        ReadOnlySpan<char> value = cell.Trim();
        Span<char> digits = stackalloc char[CardIssuers.MaximumLength];
        int count = 0;
        bool onlyDigitsAndSeparators = value.Length > 0;
        foreach (char c in value)
        {
            if (TextBoundary.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    onlyDigitsAndSeparators = false;
                    break;
                }

                digits[count++] = c;
            }
            else if (!IsGroupSeparator(c))
            {
                onlyDigitsAndSeparators = false;
                break;
            }
        }

        if (onlyDigitsAndSeparators)
        {
            return CheckDigits(digits[..count], CardIssuers.MinimumLength);
        }

        return CellCoverage.Check(value, this);
    }

    private ValueCheck CheckDigits(ReadOnlySpan<char> digits, int minimumLength)
    {
        if (digits.Length < minimumLength || digits.Length > CardIssuers.MaximumLength)
        {
            return ValueCheck.NoMatch;
        }

        bool valid = Luhn.IsValid(digits) && CardIssuers.IsKnownIssuer(digits) && !IsExcluded(digits);
        if (valid)
        {
            return ValueCheck.Valid;
        }

        // A 12-digit number is card-shaped only when it is a valid Maestro number; otherwise it is just a number.
        return digits.Length >= MinimumFreeTextLength ? ValueCheck.FailedCheck : ValueCheck.NoMatch;
    }

    private bool IsExcluded(ReadOnlySpan<char> digits)
    {
        foreach (string prefix in _excludedPrefixes)
        {
            if (digits.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads one run of digit groups joined by single separators ('-', '.', '/', '_', '|', ':'), by one of '-', '/', '|'
    /// and ':' between single spaces, or by up to three blanks (spaces, no-break spaces, tabs, line breaks), starting at
    /// <paramref name="start"/>, into <paramref name="groups"/> and returns the index after the run. One run uses one
    /// separator throughout, because a number followed by a date ("634772 2024-04-22") is not a card written in groups.
    /// Spaces and dashes may still mix while every group has four to six digits, as in 4929 7315-2601 8155, which no
    /// date has. The other separators join only groups of three or more digits, as card groups are, so a decimal such as
    /// 12.50, an address such as 10.0.0.1 or a time such as 12:30 is not read as one run. The exception is a last group of
    /// one or two digits after three or more card groups, as a 13-digit number written in fours ends.
    /// </summary>
    private static int ReadRun(ReadOnlySpan<char> text, int start, ref DigitGroupList groups)
    {
        groups.Clear();
        char separator = '\0';
        bool cardGroups = true;
        int i = start;
        while (true)
        {
            int groupStart = i;
            while (i < text.Length && TextBoundary.IsAsciiDigit(text[i]))
            {
                i++;
            }

            groups.Add(groupStart, i);

            (char between, int gap) = ReadGap(text, i);
            int nextLength = i + gap < text.Length ? CountDigitsFrom(text, i + gap) : 0;
            if (nextLength == 0)
            {
                return i;
            }

            cardGroups &= i - groupStart is >= 4 and <= 6;
            bool mixes = separator != '\0' && IsSpaceOrDash(separator) && IsSpaceOrDash(between) && cardGroups && nextLength is >= 3 and <= 6;

            // A 13-digit Visa number written in fours ends with a single digit ("4222.2222.2222.2").
            bool lastOfCardGroups = cardGroups && groups.Count >= 3 && between == separator;
            bool joined = IsGroupSeparator(between)
                && (separator == '\0' || between == separator || mixes)
                && (IsSpaceOrDash(between) || (i - groupStart >= 3 && (nextLength >= 3 || lastOfCardGroups)));
            if (!joined)
            {
                return i;
            }

            separator = between;
            i += gap;
        }
    }

    /// <summary>
    /// Reads the separator between two digit groups at <paramref name="index"/> and returns it with its length in
    /// characters. Blanks may be doubled, or a line break where a quoted field wrapped, and count as one space. A
    /// separator set off by single spaces (<c>4111 - 1111</c>, <c>4111 / 1111</c>, <c>4111 | 1111</c>) counts as that
    /// separator.
    /// </summary>
    private static (char Separator, int Length) ReadGap(ReadOnlySpan<char> text, int index)
    {
        if (index >= text.Length)
        {
            return ('\0', 1);
        }

        if (!IsBlank(text[index]))
        {
            return (text[index], 1);
        }

        if (text[index] == ' ' && At(text, index + 2) == ' ' && At(text, index + 1) is '-' or '/' or '|' or ':')
        {
            return (text[index + 1], 3);
        }

        return (' ', BlankLength(text, index));
    }

    private static char At(ReadOnlySpan<char> text, int index) => index < text.Length ? text[index] : '\0';

    /// <summary>
    /// Returns the length of the blanks at <paramref name="index"/>: up to <see cref="MaximumBlankLength"/> spaces, tabs,
    /// no-break or thin spaces and line breaks, or 0 where none starts there.
    /// </summary>
    private static int BlankLength(ReadOnlySpan<char> text, int index)
    {
        int end = index;
        while (end < text.Length && end - index < MaximumBlankLength && IsBlank(text[end]))
        {
            end++;
        }

        return end - index;
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\r' or '\n' or '\u00A0' or '\u202F' or '\u2009';

    /// <summary>
    /// Reports the card numbers in one run. A run of 13 to 19 digits is one candidate, reported as validated or, when
    /// none of its groups makes a card, as a look-alike. A longer run is split at group boundaries, so two numbers
    /// written side by side are found separately.
    /// From each group the longest valid candidate wins, so a 19-digit number is not cut after 16. Each start tries at
    /// most 19 digits, which keeps the scan linear. Returns false when the sink stopped the scan.
    /// </summary>
    [SkipLocalsInit]
    private bool FindInRun<TSink>(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int End)> groups, ref TSink sink)
        where TSink : struct, IFindingSink
    {
        Span<char> digits = stackalloc char[CardIssuers.MaximumLength];
        int totalDigits = CountDigits(groups);

        if (totalDigits <= CardIssuers.MaximumLength)
        {
            int count = CopyDigits(text, groups, digits);
            ValueCheck check = CheckDigits(digits[..count], MinimumFreeTextLength);
            if (check == ValueCheck.NoMatch)
            {
                return true;
            }

            // A card followed by another number ("4539... 12/27", "paid 4539... 100 USD") makes a run that fails as a whole,
            // so its groups are tried as well. Only when none of them is a card does the run count as one look-alike.
            if (check == ValueCheck.FailedCheck && groups.Length > 1)
            {
                bool more = FindInGroups(text, groups, digits, ref sink, out int added);
                if (!more || added > 0)
                {
                    return more;
                }
            }

            int start = groups[0].Start;
            return sink.Add(new PiiFinding(PiiKind.CardNumber, start, groups[^1].End - start, check == ValueCheck.Valid));
        }

        return FindInGroups(text, groups, digits, ref sink, out _);
    }

    /// <summary>
    /// Reports the valid card numbers that start and end on group boundaries, the longest from each start group, counts
    /// them in <paramref name="added"/>, and returns false when the sink stopped the scan.
    /// </summary>
    private bool FindInGroups<TSink>(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int End)> groups, Span<char> digits, ref TSink sink, out int added)
        where TSink : struct, IFindingSink
    {
        added = 0;
        int first = 0;
        while (first < groups.Length)
        {
            int count = 0;
            int bestLast = -1;
            for (int last = first; last < groups.Length; last++)
            {
                (int start, int end) = groups[last];
                if (count + (end - start) > digits.Length)
                {
                    break;
                }

                text[start..end].CopyTo(digits[count..]);
                count += end - start;
                if (count >= MinimumFreeTextLength && CheckDigits(digits[..count], MinimumFreeTextLength) == ValueCheck.Valid)
                {
                    bestLast = last;
                }
            }

            if (bestLast >= 0)
            {
                int start = groups[first].Start;
                added++;
                if (!sink.Add(new PiiFinding(PiiKind.CardNumber, start, groups[bestLast].End - start, IsValidated: true)))
                {
                    return false;
                }

                first = bestLast + 1;
            }
            else
            {
                first++;
            }
        }

        return true;
    }

    // At most this many blanks join two groups: a doubled space, or a line break written as CR and LF with a space.
    private const int MaximumBlankLength = 3;

    private static bool IsGroupSeparator(char c) => IsSpaceOrDash(c) || c is '.' or '/' or '_' or '|' or ':' or '\t' or '\r' or '\n';

    private static bool IsSpaceOrDash(char c) => c is ' ' or '-' or '\u00A0' or '\u202F' or '\u2009';

    private static int CountDigitsFrom(ReadOnlySpan<char> text, int start)
    {
        int end = start;
        while (end < text.Length && TextBoundary.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - start;
    }

    private static int CountDigits(ReadOnlySpan<(int Start, int End)> groups)
    {
        int count = 0;
        foreach ((int start, int end) in groups)
        {
            count += end - start;
        }

        return count;
    }

    private static int CopyDigits(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int End)> groups, Span<char> digits)
    {
        int count = 0;
        foreach ((int start, int end) in groups)
        {
            text[start..end].CopyTo(digits[count..]);
            count += end - start;
        }

        return count;
    }
}
