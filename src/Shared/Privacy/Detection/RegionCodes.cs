using PhoneNumbers;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Checks the region codes that phone parsing uses: ISO 3166-1 alpha-2 codes for which libphonenumber
/// has numbering metadata.
/// </summary>
public static class RegionCodes
{
    private static readonly HashSet<string> Supported =
        new(PhoneNumberUtil.GetInstance().GetSupportedRegions(), StringComparer.Ordinal);

    /// <summary>The fewest numbers with a country prefix from which <see cref="InferFromPrefixedNumbers"/> names a region.</summary>
    public const int MinimumPrefixedNumbers = 3;

    /// <summary>
    /// Returns the region of most of the phone numbers among <paramref name="values"/> that start with a country prefix
    /// (+ or 00), with how many of how many such numbers have it. A valid number counts for its region, and one of a
    /// possible length but in no assigned range for the main region of its calling code. The region is null when fewer
    /// than <see cref="MinimumPrefixedNumbers"/> numbers count or no region has more than half of them. An extract whose numbers
    /// are written +44 ... mostly has its national-format numbers from the same country.
    /// </summary>
    public static (string? Region, int Count, int Total) InferFromPrefixedNumbers(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        PhoneNumberUtil util = PhoneNumberUtil.GetInstance();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int total = 0;
        foreach (string? value in values)
        {
            string? trimmed = value?.Trim();
            if (trimmed is null || !(trimmed.StartsWith('+') || trimmed.StartsWith("00", StringComparison.Ordinal)))
            {
                continue;
            }

            string international = trimmed.StartsWith('+') ? trimmed : "+" + trimmed[2..];
            try
            {
                // A number of the right length in a range that is not assigned, such as the UK's +44 7700 900xxx kept for
                // fiction, still shows its country by its calling code.
                PhoneNumber number = util.Parse(international, "ZZ");
                string? numberRegion = util.IsValidNumber(number) ? util.GetRegionCodeForNumber(number)
                    : util.IsPossibleNumber(number) ? util.GetRegionCodeForCountryCode(number.CountryCode)
                    : null;
                if (numberRegion is { Length: 2 } && numberRegion != "ZZ")
                {
                    counts[numberRegion] = counts.GetValueOrDefault(numberRegion) + 1;
                    total++;
                }
            }
            catch (NumberParseException)
            {
                // Not a phone number after all; it does not count.
            }
        }

        if (total < MinimumPrefixedNumbers)
        {
            return (null, 0, total);
        }

        KeyValuePair<string, int> top = counts.MaxBy(pair => pair.Value);
        return (top.Value * 2 > total ? top.Key : null, top.Value, total);
    }

    /// <summary>Returns true when <paramref name="code"/> is a supported upper-case alpha-2 region code.</summary>
    public static bool IsValid(string? code) => code is { Length: 2 } && Supported.Contains(code);

    /// <summary>Returns the upper-case form of <paramref name="code"/> when it is a supported region code, or null.</summary>
    public static string? Normalize(ReadOnlySpan<char> code)
    {
        ReadOnlySpan<char> trimmed = code.Trim();
        if (trimmed.Length != 2)
        {
            return null;
        }

        string upper = string.Create(2, trimmed.ToString(), static (span, value) =>
        {
            span[0] = char.ToUpperInvariant(value[0]);
            span[1] = char.ToUpperInvariant(value[1]);
        });
        return Supported.Contains(upper) ? upper : null;
    }

    /// <summary>Returns an error message for an invalid code, or null when the code is valid.</summary>
    public static string? Describe(string? code)
    {
        if (IsValid(code))
        {
            return null;
        }

        if (code == "UK")
        {
            return "Region code 'UK' is invalid: the ISO 3166-1 alpha-2 code of the United Kingdom is 'GB'.";
        }

        return $"Region code '{code}' is invalid: expected an upper-case ISO 3166-1 alpha-2 code such as 'US', 'GB' or 'FR'.";
    }
}
