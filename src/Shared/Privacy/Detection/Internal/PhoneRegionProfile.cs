using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// What phone parsing needs from one region's libphonenumber metadata to rule out a candidate window without parsing it.
/// <see cref="MayBeValid"/> follows the steps of <c>PhoneNumberUtil.Parse</c> (libphonenumber-csharp 9.0.43) that can
/// change the digits: a '+' or the region's international prefix switches to another country, the country calling
/// code and the national prefix may be stripped. Each national significant number that these steps can leave must
/// then have one of the possible lengths (<c>PossibleLengthLocalOnly</c> lengths never pass <c>IsValidNumber</c>) and
/// match the general pattern of a region that shares the calling code. A window that no step can make valid is skipped.
/// </summary>
internal sealed class PhoneRegionProfile
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly ConcurrentDictionary<string, PhoneRegionProfile> Profiles = new(StringComparer.Ordinal);

    private readonly string _countryCode;
    private readonly bool[] _validLengths;
    private readonly Regex[] _nationalPatterns;
    private readonly string? _plainNationalPrefix;
    private readonly Regex? _nationalPrefixPattern;
    private readonly string? _plainInternationalPrefix;
    private readonly Regex? _internationalPrefixPattern;
    private readonly bool _acceptsAll;

    private PhoneRegionProfile(string region)
    {
        PhoneMetadata? metadata = Util.GetMetadataForRegion(region);
        _validLengths = new bool[PhoneNumberLimits.MaximumNationalLength + 1];
        _countryCode = string.Empty;
        _nationalPatterns = [];
        if (metadata is null)
        {
            _acceptsAll = true;
            return;
        }

        _countryCode = metadata.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        List<Regex> patterns = [];
        foreach (string sharing in Util.GetRegionCodesForCountryCode(metadata.CountryCode))
        {
            PhoneNumberDesc? general = Util.GetMetadataForRegion(sharing)?.GeneralDesc;
            if (general is null || string.IsNullOrEmpty(general.NationalNumberPattern) || general.PossibleLengthCount == 0)
            {
                // Without a pattern or lengths nothing here can rule a number out.
                _acceptsAll = true;
                return;
            }

            foreach (int length in general.PossibleLengthList)
            {
                if (length < _validLengths.Length)
                {
                    _validLengths[length] = true;
                }
            }

            patterns.Add(Anchored("^(?:", general.NationalNumberPattern, ")\\z"));
        }

        _nationalPatterns = [.. patterns];
        string? nationalPrefix = metadata.NationalPrefixForParsing;
        if (!string.IsNullOrEmpty(nationalPrefix))
        {
            if (IsDigits(nationalPrefix) && string.IsNullOrEmpty(metadata.NationalPrefixTransformRule))
            {
                _plainNationalPrefix = nationalPrefix;
            }
            else
            {
                _nationalPrefixPattern = Anchored("^(?:", nationalPrefix, ")");
            }
        }

        string? internationalPrefix = metadata.InternationalPrefix;
        if (!string.IsNullOrEmpty(internationalPrefix))
        {
            if (IsDigits(internationalPrefix))
            {
                _plainInternationalPrefix = internationalPrefix;
            }
            else
            {
                _internationalPrefixPattern = Anchored("^(?:", internationalPrefix, ")");
            }
        }
    }

    /// <summary>Returns the profile of a supported region code, built on first use.</summary>
    public static PhoneRegionProfile For(string region) => Profiles.GetOrAdd(region, static code => new PhoneRegionProfile(code));

    /// <summary>
    /// Returns false only when <c>PhoneNumberUtil.Parse(window, region)</c> followed by <c>IsValidNumber</c> cannot
    /// return true; true means the window must be parsed. Reads only ASCII digits, '+' and separators.
    /// </summary>
    public bool MayBeValid(ReadOnlySpan<char> window)
    {
        if (_acceptsAll)
        {
            return true;
        }

        Span<char> buffer = stackalloc char[PhoneNumberLimits.MaximumNationalLength + 1];
        int count = 0;
        foreach (char c in window)
        {
            if (TextBoundary.IsAsciiDigit(c))
            {
                if (count == buffer.Length)
                {
                    return true;
                }

                buffer[count++] = c;
            }
            else if (c == '+' && count == 0)
            {
                // An international number: its country and rules are only known after parsing.
                return true;
            }
        }

        ReadOnlySpan<char> digits = buffer[..count];
        if (StartsWithInternationalPrefix(digits) || (_nationalPrefixPattern?.IsMatch(digits) ?? false))
        {
            return true;
        }

        if (MayBeNationalNumber(digits) || MayBeNationalNumber(StripPlainNationalPrefix(digits)))
        {
            return true;
        }

        // Parse also strips the region's own calling code when that leaves a better national number.
        if (!digits.StartsWith(_countryCode, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> afterCode = digits[_countryCode.Length..];
        if (_nationalPrefixPattern?.IsMatch(afterCode) ?? false)
        {
            return true;
        }

        ReadOnlySpan<char> once = StripPlainNationalPrefix(afterCode);
        return MayBeNationalNumber(afterCode) || MayBeNationalNumber(once) || MayBeNationalNumber(StripPlainNationalPrefix(once));
    }

    private bool StartsWithInternationalPrefix(ReadOnlySpan<char> digits) =>
        (_plainInternationalPrefix is not null && digits.StartsWith(_plainInternationalPrefix, StringComparison.Ordinal))
        || (_internationalPrefixPattern?.IsMatch(digits) ?? false);

    /// <summary>Returns the digits after a plain national prefix, or an empty span when they do not start with one.</summary>
    private ReadOnlySpan<char> StripPlainNationalPrefix(ReadOnlySpan<char> digits) =>
        _plainNationalPrefix is not null && digits.StartsWith(_plainNationalPrefix, StringComparison.Ordinal)
            ? digits[_plainNationalPrefix.Length..]
            : [];

    private bool MayBeNationalNumber(ReadOnlySpan<char> nationalNumber)
    {
        if (nationalNumber.Length < PhoneNumberLimits.MinimumNationalLength || nationalNumber.Length >= _validLengths.Length
            || !_validLengths[nationalNumber.Length])
        {
            return false;
        }

        foreach (Regex pattern in _nationalPatterns)
        {
            if (pattern.IsMatch(nationalNumber))
            {
                return true;
            }
        }

        return false;
    }

    private static Regex Anchored(string before, string pattern, string after) =>
        new(before + pattern + after, RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static bool IsDigits(string value) => value.Length > 0 && !value.AsSpan().ContainsAnyExceptInRange('0', '9');
}
