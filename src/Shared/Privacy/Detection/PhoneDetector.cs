using PhoneNumbers;
using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Finds telephone numbers with libphonenumber. In free text, digit groups joined by phone separators are parsed,
/// and dates are skipped. Numbers with a '+' or the region's international prefix (<c>0044</c> in France, <c>011 44</c>
/// in the US) parse on their own. National formats parse with the row's region, or the default region when the row has
/// none. Windows whose digits cannot form a valid number of the region (by length and number pattern, after the
/// prefixes that parsing strips) are skipped without parsing.
/// A value is valid when libphonenumber finds it valid for its region, and phone-shaped but failing when it is
/// only a possible number (right length, unassigned range).
/// </summary>
public sealed class PhoneDetector : IDetector
{
    // Réunion, Guadeloupe, Martinique, French Guiana, Mayotte, Saint Pierre and Miquelon, Saint Barthélemy and Saint
    // Martin, whose numbers are dialled from France like French ones, after the trunk prefix 0.
    private static readonly string[] FrenchOverseasRegions = ["RE", "GP", "MQ", "GF", "YT", "PM", "BL", "MF"];

    private const int MinimumDigits = PhoneCandidates.MinimumDigits;
    private const int MaximumDigits = PhoneCandidates.MaximumDigits;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // The default region's profile, fetched on first use, because most calls come without a row region.
    private PhoneRegionProfile? _defaultProfile;

    /// <summary>Creates a detector for national numbers of <paramref name="defaultRegion"/>.</summary>
    /// <exception cref="ArgumentException">The region is not a supported ISO 3166-1 alpha-2 code.</exception>
    public PhoneDetector(string defaultRegion = "US")
    {
        string? error = RegionCodes.Describe(defaultRegion);
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(defaultRegion));
        }

        DefaultRegion = defaultRegion;
    }

    /// <summary>The region used for national-format numbers when no row region is given.</summary>
    public string DefaultRegion { get; }

    /// <inheritdoc />
    public PiiKind Kind => PiiKind.Phone;

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiFinding> findings) => Detect(text, null, findings);

    /// <summary>Appends the phone numbers in <paramref name="text"/>, parsing national formats with <paramref name="region"/>.</summary>
    /// <param name="text">The text to scan.</param>
    /// <param name="region">The row's region code; null or invalid falls back to <see cref="DefaultRegion"/>.</param>
    /// <param name="findings">The list to append to.</param>
    public void Detect(ReadOnlySpan<char> text, string? region, List<PiiFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        FindingListSink sink = new(findings);
        Find(text, region, ref sink);
    }

    /// <summary>
    /// Reports the phone numbers in <paramref name="text"/> to <paramref name="sink"/>, all validated, and returns false
    /// when the sink stopped the scan. Only windows that <see cref="PhoneRegionProfile.Classify"/> cannot decide are parsed.
    /// </summary>
    internal bool Find<TSink>(ReadOnlySpan<char> text, string? region, ref TSink sink)
        where TSink : struct, IFindingSink
    {
        if (CountDigits(text) < PhoneCandidates.MinimumDigits)
        {
            return true;
        }

        string regionCode = ResolveRegion(region);
        PhoneRegionProfile profile = ReferenceEquals(regionCode, DefaultRegion)
            ? _defaultProfile ??= PhoneRegionProfile.For(DefaultRegion)
            : PhoneRegionProfile.For(regionCode);
        WindowMatcher<TSink> matcher = new(profile, regionCode, sink);
        PhoneCandidates.Visit(text, ref matcher);
        sink = matcher.Sink;
        return !matcher.IsDone;
    }

    /// <inheritdoc />
    public ValueCheck Validate(ReadOnlySpan<char> cell) => Validate(cell, null);

    /// <summary>Checks a whole cell as one phone number, parsing a national format with <paramref name="region"/>.</summary>
    public ValueCheck Validate(ReadOnlySpan<char> cell, string? region)
    {
        ReadOnlySpan<char> value = cell.Trim();
        if (!HasPhoneShape(value) || PhoneCandidates.IsDecimal(value))
        {
            return ValueCheck.NoMatch;
        }

        string resolved = ResolveRegion(region);
        if (IsValidAfterDoubleZero(value, resolved))
        {
            return ValueCheck.Valid;
        }

        // Where national numbers are written after the trunk prefix 0, digits without it are a code or another country's
        // number, such as a sort code 56-31-95 or a Spanish 612 34 56 78 read with DE.
        bool lacksTrunkPrefix = PhoneRegionProfile.For(resolved).LacksTrunkPrefix(value);
        try
        {
            PhoneNumber number = Util.Parse(value.ToString(), resolved);
            if ((Util.IsValidNumber(number) || IsValidInDialledRegion(value, resolved)) && !lacksTrunkPrefix)
            {
                return ValueCheck.Valid;
            }

            return Util.IsPossibleNumber(number) ? ValueCheck.FailedCheck : ValueCheck.NoMatch;
        }
        catch (NumberParseException)
        {
            return ValueCheck.NoMatch;
        }
    }

    // The shortest international numbers have a one-digit country code and six more digits.
    private const int MinimumDigitsAfterDoubleZero = 7;

    private static bool IsValid(string candidate, string region)
    {
        try
        {
            return Util.IsValidNumber(Util.Parse(candidate, region));
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when <paramref name="window"/> starts with 00, then at least seven more digits, and reads as a valid number
    /// with '+' in place of the 00. Most of the world dials 00 before a country code, so 0049 30 901820 in a note is a
    /// German number even where the default region, such as US with its 011, has another international prefix.
    /// </summary>
    internal static bool IsValidAfterDoubleZero(ReadOnlySpan<char> window, string region)
    {
        int first = window.StartsWith("(") ? 1 : 0;
        ReadOnlySpan<char> rest = window[first..];
        if (!rest.StartsWith("00") || rest.Length < 3 || rest[2] == '0')
        {
            return false;
        }

        int digits = 0;
        foreach (char c in rest[2..])
        {
            digits += TextBoundary.IsAsciiDigit(c) ? 1 : 0;
        }

        return digits >= MinimumDigitsAfterDoubleZero && IsValid("+" + rest[2..].ToString(), region);
    }

    /// <summary>
    /// Returns true when <paramref name="window"/>, written without a country prefix, is a valid number of a region that
    /// <paramref name="region"/> dials as national numbers although it has its own country code. France dials its overseas
    /// departments that way: 06 92 12 34 56 from Paris is a Réunion mobile, +262 692 12 34 56.
    /// </summary>
    private static bool IsValidInDialledRegion(ReadOnlySpan<char> window, string region)
    {
        // Ofcom keeps some UK ranges for drama, and libphonenumber rejects part of them (07700 900xxx). Sample extracts
        // use them, so they are found where the region reads them.
        if (region == "GB" && NationalNumbers.IsBritishDramaNumber(window))
        {
            return true;
        }

        if (region != "FR" || window.Length == 0 || window[0] == '+')
        {
            return false;
        }

        foreach (string overseas in FrenchOverseasRegions)
        {
            WindowVerdict verdict = PhoneRegionProfile.For(overseas).Classify(window);
            if (verdict == WindowVerdict.Valid || (verdict == WindowVerdict.NeedsParse && IsValid(window.ToString(), overseas)))
            {
                return true;
            }
        }

        return false;
    }

    private string ResolveRegion(string? region) => RegionCodes.IsValid(region) ? region! : DefaultRegion;

    /// <summary>
    /// Accepts digits with the usual phone punctuation and an optional extension, and nothing else, so that
    /// sentences, UUIDs and decimal amounts never reach the parser.
    /// </summary>
    private static bool HasPhoneShape(ReadOnlySpan<char> value)
    {
        int digits = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (TextBoundary.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == '+' && i == 0)
            {
                continue;
            }
            else if (c is ' ' or '-' or '(' or ')' or '/' or '.' or '\u00A0')
            {
                continue;
            }
            else if (IsExtensionMarker(value[i..]))
            {
                return digits is >= MinimumDigits and <= MaximumDigits;
            }
            else
            {
                return false;
            }
        }

        return digits is >= MinimumDigits and <= MaximumDigits;
    }

    private static bool IsExtensionMarker(ReadOnlySpan<char> rest) =>
        rest.StartsWith("ext", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("x", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("#", StringComparison.Ordinal);

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (char c in text)
        {
            if (TextBoundary.IsAsciiDigit(c))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Accepts the windows that parse as valid numbers and reports each to the sink.</summary>
    private struct WindowMatcher<TSink>(PhoneRegionProfile profile, string region, TSink sink) : IPhoneWindowMatcher
        where TSink : struct, IFindingSink
    {
        public TSink Sink = sink;

        public bool IsDone { get; private set; }

        public bool TryMatch(ReadOnlySpan<char> text, int start, int end)
        {
            // A line break or tab between groups reads as a space, because the parser accepts only phone punctuation.
            ReadOnlySpan<char> window = text[start..end];
            if (window.ContainsAny('\n', '\r', '\t'))
            {
                window = window.ToString().Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
            }

            if (profile.LacksTrunkPrefix(window))
            {
                return false;
            }

            WindowVerdict verdict = profile.Classify(window);
            // The 00 reading is tried only for a window that can start with 00, which few windows do.
            if ((verdict == WindowVerdict.Invalid || (verdict == WindowVerdict.NeedsParse && !IsValid(window.ToString(), region)))
                && (window.Length < 3 || window[0] is not ('0' or '(') || !IsValidAfterDoubleZero(window, region))
                && !IsValidInDialledRegion(window, region))
            {
                return false;
            }

            // An opening bracket without its closing one in the window wraps the whole number, as in "call (+1 ...)",
            // so it stays outside the finding with the closing bracket.
            int from = text[start] == '(' && !window.Contains(')') ? start + 1 : start;
            IsDone = !Sink.Add(new PiiFinding(PiiKind.Phone, from, end - from, IsValidated: true));
            return true;
        }
    }
}
