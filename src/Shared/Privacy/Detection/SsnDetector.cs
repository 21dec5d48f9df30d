using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Finds US social security numbers. A whole cell may be written as <c>123-45-6789</c>, <c>123 45 6789</c>
/// or nine bare digits; free text requires the grouped forms, because nine bare digits there are more often
/// something else. Validation applies the Social Security Administration's rules: the area is not 000, 666 or
/// 900-999, the group is not 00 and the serial is not 0000.
/// </summary>
public sealed class SsnDetector : IDetector
{
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
        for (int i = 0; i + 11 <= text.Length; i++)
        {
            // The cheap shape test runs first, because the boundary tests may read the surrounding token.
            ReadOnlySpan<char> candidate = text.Slice(i, 11);
            if (!IsGroupedShape(candidate) || !TextBoundary.IsStartBoundary(text, i) || !TextBoundary.IsEndBoundary(text, i + 11))
            {
                continue;
            }

            if (!sink.Add(new PiiFinding(PiiKind.Ssn, i, 11, PassesRules(candidate[0..3], candidate[4..6], candidate[7..11]))))
            {
                return false;
            }

            i += 10;
        }

        return true;
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

    /// <summary>Returns true for <c>ddd-dd-dddd</c> or <c>ddd dd dddd</c> with the same separator twice.</summary>
    private static bool IsGroupedShape(ReadOnlySpan<char> candidate)
    {
        char separator = candidate[3];
        if (separator is not ('-' or ' ') || candidate[6] != separator)
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
        bool areaValid = areaNumber is not (0 or 666) && areaNumber < 900;
        return areaValid && !group.SequenceEqual("00") && !serial.SequenceEqual("0000");
    }
}
