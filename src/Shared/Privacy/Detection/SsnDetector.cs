using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Finds US social security numbers and individual taxpayer identification numbers (ITIN). A whole cell may be written as <c>123-45-6789</c>, <c>123 45 6789</c>,
/// <c>123.45.6789</c>, <c>123/45/6789</c> or nine bare digits. Free text requires the grouped forms, because nine bare digits there are
/// more often something else, unless a label such as <c>SSN</c> or <c>social security number</c> comes just before
/// them. Validation applies the Social Security Administration's rules: the area is not 000, 666 or 900-999, the group
/// is not 00 and the serial is not 0000. An area of 900-999 passes with the groups that the IRS gives ITINs.
/// </summary>
public sealed class SsnDetector : IDetector
{
    // Words that, just before nine bare digits, make them a social security number in free text.
    private static readonly string[] Labels = ["ssn", "ss#", "ss no", "social security number", "social security no", "social security", "itin", "tin", "taxpayer id"];

    /// <inheritdoc />
    public PiiKind Kind => PiiKind.Ssn;

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
        for (int i = 0; i + 9 <= text.Length; i++)
        {
            // The cheap shape tests run first, because the boundary tests may read the surrounding token.
            if (i + 11 <= text.Length && IsGroupedShape(text.Slice(i, 11))
                && TextBoundary.IsStartBoundary(text, i) && TextBoundary.IsEndBoundary(text, i + 11))
            {
                ReadOnlySpan<char> candidate = text.Slice(i, 11);
                if (!sink.Add(new PiiFinding(PiiKind.Ssn, i, 11, PassesRules(candidate[0..3], candidate[4..6], candidate[7..11]))))
                {
                    return false;
                }

                i += 10;
                continue;
            }

            // Nine bare digits count only as a whole run of digits, so the test runs once per run, at its first digit.
            if (!TextBoundary.IsAsciiDigit(text[i]) || (i > 0 && TextBoundary.IsAsciiDigit(text[i - 1])))
            {
                continue;
            }

            int runEnd = i + 1;
            while (runEnd < text.Length && TextBoundary.IsAsciiDigit(text[runEnd]))
            {
                runEnd++;
            }

            ReadOnlySpan<char> bare = text[i..runEnd];
            if (bare.Length == 9 && TextBoundary.IsEndBoundary(text, runEnd) && HasLabelBefore(text, i)
                && PassesRules(bare[0..3], bare[3..5], bare[5..9])
                && !sink.Add(new PiiFinding(PiiKind.Ssn, i, 9, IsValidated: true)))
            {
                return false;
            }

            i = runEnd - 1;
        }

        return true;
    }

    /// <summary>
    /// True when the digits at <paramref name="start"/> follow an SSN label: <c>SSN</c>, <c>SS#</c> or
    /// <c>social security number</c> (any case), then at most three characters such as <c>: </c>, <c>=</c> or <c>#</c>.
    /// </summary>
    private static bool HasLabelBefore(ReadOnlySpan<char> text, int start)
    {
        // The label may end where the digits start, or up to three separator characters before them.
        for (int end = start; end >= 0 && start - end <= 3; end--)
        {
            if (end < start && text[end] is not (' ' or ':' or '=' or '#' or '.' or '-' or '\t' or '\u00A0'))
            {
                return false;
            }

            ReadOnlySpan<char> before = text[..end];
            foreach (string label in Labels)
            {
                if (before.EndsWith(label, StringComparison.OrdinalIgnoreCase)
                    && (before.Length == label.Length || !char.IsLetterOrDigit(before[^(label.Length + 1)])))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <inheritdoc />
    public ValueCheck Validate(ReadOnlySpan<char> cell)
    {
        ReadOnlySpan<char> value = cell.Trim();
        if (value.Length == 9 && TextBoundary.AreAsciiDigits(value))
        {
            return PassesRules(value[0..3], value[3..5], value[5..9]) ? ValueCheck.Valid : ValueCheck.FailedCheck;
        }

        if (value.Length == 11 && IsGroupedShape(value))
        {
            return PassesRules(value[0..3], value[4..6], value[7..11]) ? ValueCheck.Valid : ValueCheck.FailedCheck;
        }

        return CellCoverage.Check(value, this);
    }

    /// <summary>
    /// Returns true for <c>ddd-dd-dddd</c>, <c>ddd dd dddd</c>, <c>ddd.dd.dddd</c> or <c>ddd/dd/dddd</c> with the same
    /// separator twice. No date has a three-digit first part, so the slashed form is not a date.
    /// </summary>
    private static bool IsGroupedShape(ReadOnlySpan<char> candidate)
    {
        char separator = candidate[3];
        if (separator is not ('-' or ' ' or '.' or '/') || candidate[6] != separator)
        {
            return false;
        }

        return TextBoundary.AreAsciiDigits(candidate[0..3])
            && TextBoundary.AreAsciiDigits(candidate[4..6])
            && TextBoundary.AreAsciiDigits(candidate[7..11]);
    }

    private static bool PassesRules(ReadOnlySpan<char> area, ReadOnlySpan<char> group, ReadOnlySpan<char> serial)
    {
        int areaNumber = int.Parse(area, provider: System.Globalization.CultureInfo.InvariantCulture);
        int groupNumber = int.Parse(group, provider: System.Globalization.CultureInfo.InvariantCulture);

        // Areas 900 to 999 are never social security numbers, but the IRS issues individual taxpayer identification
        // numbers (ITIN) there, with the groups 50 to 65, 70 to 88, 90 to 92 and 94 to 99.
        bool areaValid = areaNumber is not (0 or 666) && (areaNumber < 900 || groupNumber is (>= 50 and <= 65) or (>= 70 and <= 88) or (>= 90 and <= 92) or (>= 94 and <= 99));
        return areaValid && groupNumber != 0 && !serial.SequenceEqual("0000");
    }
}
