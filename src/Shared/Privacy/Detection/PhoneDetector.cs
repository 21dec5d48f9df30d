using System.Collections.Concurrent;
using PhoneNumbers;
using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Finds telephone numbers with libphonenumber. In free text, digit groups joined by phone separators are parsed;
/// dates are skipped. Numbers with an international prefix (<c>+44</c>, <c>0044</c>)
/// parse on their own; national formats parse with the row's region, or the default region when the row has none.
/// A value is valid when libphonenumber finds it valid for its region, and phone-shaped but failing when it is
/// only a possible number (right length, unassigned range).
/// </summary>
public sealed class PhoneDetector : IDetector
{
    private const int MinimumDigits = PhoneCandidates.MinimumDigits;
    private const int MaximumDigits = PhoneCandidates.MaximumDigits;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Per region, which digit counts a national-format number may have; filled on first use.</summary>
    private static readonly ConcurrentDictionary<string, bool[]> NationalLengths = new(StringComparer.Ordinal);

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
        if (CountDigits(text) < PhoneCandidates.MinimumDigits)
        {
            return;
        }

        string regionCode = ResolveRegion(region);
        bool[] nationalLengths = NationalLengths.GetOrAdd(regionCode, ComputeNationalLengths);
        string copy = text.ToString();
        PhoneCandidates.Visit(copy, (start, end) =>
        {
            if (!HasPlausibleLength(copy.AsSpan(start, end - start), nationalLengths) || !IsValid(copy[start..end], regionCode))
            {
                return false;
            }

            findings.Add(new PiiFinding(PiiKind.Phone, start, end - start, IsValidated: true));
            return true;
        });
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

    /// <summary>
    /// Returns true when a candidate has an international prefix, or as many digits as a national number of the
    /// region may have (with or without its national prefix). Most digit runs in text fail this cheap test, so
    /// libphonenumber parses only the plausible ones.
    /// </summary>
    private static bool HasPlausibleLength(ReadOnlySpan<char> candidate, bool[] nationalLengths)
    {
        if (candidate.Length > 0 && candidate[0] == '+')
        {
            return true;
        }

        int digits = 0;
        int firstDigit = -1;
        for (int i = 0; i < candidate.Length; i++)
        {
            if (TextBoundary.IsAsciiDigit(candidate[i]))
            {
                firstDigit = firstDigit < 0 ? i : firstDigit;
                digits++;
            }
        }

        bool internationalPrefix = firstDigit >= 0 && candidate[firstDigit] == '0' && firstDigit + 1 < candidate.Length && candidate[firstDigit + 1] == '0';
        return internationalPrefix || (digits < nationalLengths.Length && nationalLengths[digits]);
    }

    /// <summary>Returns a lookup of the digit counts a national number of the region may have, with and without its national prefix.</summary>
    private static bool[] ComputeNationalLengths(string region)
    {
        bool[] lengths = new bool[MaximumDigits + 1];
        PhoneMetadata? metadata = Util.GetMetadataForRegion(region);
        if (metadata is null)
        {
            Array.Fill(lengths, true);
            return lengths;
        }

        int prefixLength = metadata.NationalPrefix?.Length ?? 0;
        IEnumerable<int> possible = metadata.GeneralDesc.PossibleLengthList.Concat(metadata.GeneralDesc.PossibleLengthLocalOnlyList);
        foreach (int length in possible)
        {
            foreach (int withPrefix in new[] { length, length + prefixLength })
            {
                if (withPrefix < lengths.Length)
                {
                    lengths[withPrefix] = true;
                }
            }
        }

        return lengths;
    }

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
