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
