using PhoneNumbers;
using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Finds telephone numbers with libphonenumber. Numbers with an international prefix (<c>+44</c>, <c>0044</c>)
/// parse on their own; national formats parse with the row's region, or the default region when the row has none.
/// A value is valid when libphonenumber finds it valid for its region, and phone-shaped but failing when it is
/// only a possible number (right length, unassigned range).
/// </summary>
public sealed class PhoneDetector : IDetector
{
    private const int MinimumDigits = 5;
    private const int MaximumDigits = 17;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

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
        if (CountDigits(text) < MinimumDigits)
        {
            return;
        }

        foreach (PhoneNumberMatch match in Util.FindNumbers(text.ToString(), ResolveRegion(region), PhoneNumberUtil.Leniency.VALID, long.MaxValue))
        {
            findings.Add(new PiiFinding(PiiKind.Phone, match.Start, match.Length, IsValidated: true));
        }
    }

    /// <inheritdoc />
    public ValueCheck Validate(ReadOnlySpan<char> cell) => Validate(cell, null);

    /// <summary>Checks a whole cell as one phone number, parsing a national format with <paramref name="region"/>.</summary>
    public ValueCheck Validate(ReadOnlySpan<char> cell, string? region)
    {
        ReadOnlySpan<char> value = cell.Trim();
        if (!HasPhoneShape(value))
        {
            return ValueCheck.NoMatch;
        }

        try
        {
            PhoneNumber number = Util.Parse(value.ToString(), ResolveRegion(region));
            if (Util.IsValidNumber(number))
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
}
