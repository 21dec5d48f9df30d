using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// What phone parsing needs from one region's libphonenumber metadata to rule out a candidate window without parsing it.
/// <see cref="MayBeValid"/> follows the steps of <c>PhoneNumberUtil.Parse</c> (libphonenumber-csharp 9.0.43) that can
/// change the digits: a '+' or the region's international prefix switches to another country, and the country calling
/// code and the national prefix may be stripped. A window is skipped only when no national significant number that these
/// steps can leave passes <see cref="NationalNumberRules"/> for a region that shares the calling code.
/// </summary>
internal sealed class PhoneRegionProfile
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly ConcurrentDictionary<string, PhoneRegionProfile> Profiles = new(StringComparer.Ordinal);

    private readonly bool _acceptsAll;
    private readonly string _countryCode = string.Empty;
    private readonly NationalNumberRules[] _unclaimedRegions = [];
    private readonly (Regex LeadingDigits, NationalNumberRules Rules)[] _claimedRegions = [];

    // Every region of the calling code in libphonenumber's order, with its leading digits where it has them, for the
    // exact verdict on a window that parsing leaves unchanged.
    private readonly (Regex? LeadingDigits, NationalNumberRules Rules)[] _orderedRegions = [];
    private readonly Regex? _anyLeadingDigits;
    private readonly bool[] _possibleLengths = new bool[PhoneNumberLimits.MaximumNationalLength + 1];

    // The national number lengths that at least one region sharing the calling code allows, so a window of another
    // length is ruled out before any pattern runs.
    private readonly bool[] _sharedCodeLengths = new bool[PhoneNumberLimits.MaximumNationalLength + 1];
    private readonly bool[] _localOnlyLengths = new bool[PhoneNumberLimits.MaximumNationalLength + 1];
    private readonly int _maximumLength;
    private readonly string[] _plainNationalPrefixes = [];
    private readonly Regex? _nationalPrefixPattern;
    private readonly string? _plainInternationalPrefix;
    private readonly Regex? _internationalPrefixPattern;
    private readonly bool _trunkPrefixZero;

    private PhoneRegionProfile(string region)
    {
        PhoneMetadata? metadata = Util.GetMetadataForRegion(region);
        List<NationalNumberRules> unclaimed = [];
        List<(Regex LeadingDigits, NationalNumberRules Rules)> claimed = [];
        List<(Regex? LeadingDigits, NationalNumberRules Rules)> ordered = [];
        List<string> leadingDigitPatterns = [];
        bool complete = metadata is not null;
        foreach (string code in metadata is null ? [] : Util.GetRegionCodesForCountryCode(metadata.CountryCode))
        {
            PhoneMetadata? other = Util.GetMetadataForRegion(code);
            bool hasLeadingDigits = !string.IsNullOrEmpty(other?.LeadingDigits);
            NationalNumberRules? rules = other is null ? null : NationalNumberRules.Create(other, compiled: !hasLeadingDigits);
            if (rules is null)
            {
                complete = false;
                break;
            }

            if (hasLeadingDigits)
            {
                Regex leadingDigits = new("^(?:" + other!.LeadingDigits + ")", RegexOptions.CultureInvariant);
                claimed.Add((leadingDigits, rules));
                ordered.Add((leadingDigits, rules));
                leadingDigitPatterns.Add("(?:" + other.LeadingDigits + ")");
            }
            else
            {
                unclaimed.Add(rules);
                ordered.Add((null, rules));
            }
        }

        if (!complete || metadata!.GeneralDesc.PossibleLengthCount == 0)
        {
            // Without metadata, lengths or a general pattern nothing here can rule a number out.
            _acceptsAll = true;
            return;
        }

        // IsValidNumber gives a number of a shared calling code (25 regions share +1) to the first region whose leading
        // digits match it or, for a region without leading digits, that finds it valid. So a number is valid only when
        // a region without leading digits, or one whose leading digits match, finds it valid. One compiled alternation of
        // all leading digits rules out most of the second kind at once.
        _countryCode = metadata.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _unclaimedRegions = [.. unclaimed];
        _claimedRegions = [.. claimed];
        _orderedRegions = [.. ordered];
        if (claimed.Count > 0)
        {
            _anyLeadingDigits = MetadataRegex.Create("^(?:" + string.Join('|', leadingDigitPatterns) + ")", hot: true);
        }

        Mark(_possibleLengths, metadata.GeneralDesc.PossibleLengthList);
        for (int length = 0; length < _sharedCodeLengths.Length; length++)
        {
            _sharedCodeLengths[length] = unclaimed.Any(rules => rules.AllowsLength(length))
                || claimed.Any(region => region.Rules.AllowsLength(length));
        }

        Mark(_localOnlyLengths, metadata.GeneralDesc.PossibleLengthLocalOnlyList);
        _maximumLength = metadata.GeneralDesc.PossibleLengthList.Max();

        _trunkPrefixZero = metadata.NationalPrefix == "0";
        string? nationalPrefix = metadata.NationalPrefixForParsing;
        if (!string.IsNullOrEmpty(nationalPrefix))
        {
            string[] alternatives = nationalPrefix.Split('|');
            if (alternatives.All(IsDigits) && string.IsNullOrEmpty(metadata.NationalPrefixTransformRule))
            {
                _plainNationalPrefixes = alternatives;
            }
            else
            {
                _nationalPrefixPattern = new Regex("^(?:" + nationalPrefix + ")", RegexOptions.CultureInvariant);
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
                _internationalPrefixPattern = new Regex("^(?:" + internationalPrefix + ")", RegexOptions.CultureInvariant);
            }
        }
    }

    /// <summary>
    /// Returns true when the region writes national numbers after the trunk prefix 0 (DE, FR, GB and most of Europe) and
    /// <paramref name="window"/> starts with neither 0 nor '+'. In free text such digits are a year range, an invoice or an
    /// order number far more often than a subscriber number written without its area code.
    /// </summary>
    public bool LacksTrunkPrefix(ReadOnlySpan<char> window)
    {
        ReadOnlySpan<char> number = window.TrimStart('(');
        return _trunkPrefixZero && number.Length > 0 && number[0] is not ('0' or '+');
    }

    /// <summary>
    /// Returns the profile of a supported region code, built on first use. Building compiles the region's patterns,
    /// which took about 40 ms for US and 160 ms for GB on the 2-core build machine.
    /// </summary>
    public static PhoneRegionProfile For(string region) => Profiles.GetOrAdd(region, static code => new PhoneRegionProfile(code));

    /// <summary>
    /// Returns false only when <c>PhoneNumberUtil.Parse(window, region)</c> followed by <c>IsValidNumber</c> cannot
    /// return true. True means the window must be parsed. Reads only ASCII digits and a leading '+'.
    /// </summary>
    public bool MayBeValid(ReadOnlySpan<char> window) => Classify(window) != WindowVerdict.Invalid;

    /// <summary>
    /// Returns what <c>PhoneNumberUtil.Parse(window, region)</c> followed by <c>IsValidNumber</c> would return, where
    /// that is known without parsing, and <see cref="WindowVerdict.NeedsParse"/> otherwise. The verdict is exact for a
    /// window of digits and the separators space, '-', '.', '(' and ')' that starts with no international prefix,
    /// national prefix or the calling code, because Parse then keeps its digits as the national number.
    /// </summary>
    [SkipLocalsInit]
    public WindowVerdict Classify(ReadOnlySpan<char> window)
    {
        if (_acceptsAll)
        {
            return WindowVerdict.NeedsParse;
        }

        Span<char> buffer = stackalloc char[PhoneNumberLimits.MaximumNationalLength + 1];
        int count = 0;
        bool plain = true;
        foreach (char c in window)
        {
            if (TextBoundary.IsAsciiDigit(c))
            {
                if (count == buffer.Length)
                {
                    return WindowVerdict.NeedsParse;
                }

                buffer[count++] = c;
            }
            else if (c == '+' && count == 0)
            {
                // An international number: its country and rules are only known after parsing.
                return WindowVerdict.NeedsParse;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                plain = false;
            }
        }

        ReadOnlySpan<char> digits = buffer[..count];
        if (StartsWithInternationalPrefix(digits) || (_nationalPrefixPattern?.IsMatch(digits) ?? false))
        {
            return WindowVerdict.NeedsParse;
        }

        bool startsWithNationalPrefix = StartsWithPlainNationalPrefix(digits);
        bool startsWithCountryCode = digits.StartsWith(_countryCode, StringComparison.Ordinal);
        if (plain && !startsWithNationalPrefix && !startsWithCountryCode)
        {
            // Parsing keeps these digits as the national number, and no prefix can be stripped from them, so the exact
            // verdict is the result whether or not some region could accept them.
            return ExactVerdict(digits);
        }

        if (MayBeNationalNumber(digits))
        {
            return WindowVerdict.NeedsParse;
        }

        // Parse keeps a number without its national prefix only when the rest has a possible, not local-only, length
        // of the region or is longer than all of them.
        foreach (string prefix in _plainNationalPrefixes)
        {
            if (digits.StartsWith(prefix, StringComparison.Ordinal) && KeepsStrippedLength(digits.Length - prefix.Length)
                && MayBeNationalNumber(digits[prefix.Length..]))
            {
                return WindowVerdict.NeedsParse;
            }
        }

        return startsWithCountryCode && MayBeValidAfterCountryCode(digits[_countryCode.Length..])
            ? WindowVerdict.NeedsParse
            : WindowVerdict.Invalid;
    }

    /// <summary>
    /// Returns IsValidNumber's verdict on a national number that parsing leaves as it is. IsValidNumber gives the
    /// number to the first region of the calling code, in libphonenumber's order, whose leading digits match it or
    /// that has none and finds it valid, and the number is valid only when that region finds it valid.
    /// </summary>
    private WindowVerdict ExactVerdict(ReadOnlySpan<char> nationalNumber)
    {
        if (nationalNumber.Length is < PhoneNumberLimits.MinimumNationalLength or > PhoneNumberLimits.MaximumNationalLength
            || !_sharedCodeLengths[nationalNumber.Length])
        {
            return WindowVerdict.Invalid;
        }

        // The alternation of all leading digits runs once, when the walk first reaches a region that has them. When it
        // fails, no region's own leading digits can match, so their patterns are skipped.
        bool? anyLeadingDigits = null;
        foreach ((Regex? leadingDigits, NationalNumberRules rules) in _orderedRegions)
        {
            if (leadingDigits is null)
            {
                if (rules.IsValid(nationalNumber))
                {
                    return WindowVerdict.Valid;
                }

                continue;
            }

            anyLeadingDigits ??= _anyLeadingDigits!.IsMatch(nationalNumber);
            if (anyLeadingDigits.Value && leadingDigits.IsMatch(nationalNumber))
            {
                return rules.IsValid(nationalNumber) ? WindowVerdict.Valid : WindowVerdict.Invalid;
            }
        }

        return WindowVerdict.Invalid;
    }

    private bool StartsWithPlainNationalPrefix(ReadOnlySpan<char> digits)
    {
        foreach (string prefix in _plainNationalPrefixes)
        {
            if (digits.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Checks the digits after the region's own calling code, which Parse strips when that leaves a better national
    /// number. The national prefix may then be stripped twice, once while testing the calling code and once after.
    /// </summary>
    private bool MayBeValidAfterCountryCode(ReadOnlySpan<char> rest)
    {
        if ((_nationalPrefixPattern?.IsMatch(rest) ?? false) || MayBeNationalNumber(rest))
        {
            return true;
        }

        foreach (string first in _plainNationalPrefixes)
        {
            if (!rest.StartsWith(first, StringComparison.Ordinal))
            {
                continue;
            }

            ReadOnlySpan<char> once = rest[first.Length..];
            if (MayBeNationalNumber(once))
            {
                return true;
            }

            foreach (string second in _plainNationalPrefixes)
            {
                if (once.StartsWith(second, StringComparison.Ordinal) && MayBeNationalNumber(once[second.Length..]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool StartsWithInternationalPrefix(ReadOnlySpan<char> digits) =>
        (_plainInternationalPrefix is not null && digits.StartsWith(_plainInternationalPrefix, StringComparison.Ordinal))
        || (_internationalPrefixPattern?.IsMatch(digits) ?? false);

    /// <summary>Returns true when Parse's length test of the region lets a number of this length replace the unstripped one.</summary>
    private bool KeepsStrippedLength(int length) =>
        length >= 0 && length < _localOnlyLengths.Length && !_localOnlyLengths[length] && (_possibleLengths[length] || length > _maximumLength);

    private bool MayBeNationalNumber(ReadOnlySpan<char> nationalNumber)
    {
        if (nationalNumber.Length is < PhoneNumberLimits.MinimumNationalLength or > PhoneNumberLimits.MaximumNationalLength
            || !_sharedCodeLengths[nationalNumber.Length])
        {
            return false;
        }

        foreach (NationalNumberRules rules in _unclaimedRegions)
        {
            if (rules.IsValid(nationalNumber))
            {
                return true;
            }
        }

        if (_anyLeadingDigits is null || !_anyLeadingDigits.IsMatch(nationalNumber))
        {
            return false;
        }

        foreach ((Regex leadingDigits, NationalNumberRules rules) in _claimedRegions)
        {
            if (leadingDigits.IsMatch(nationalNumber) && rules.IsValid(nationalNumber))
            {
                return true;
            }
        }

        return false;
    }

    private static void Mark(bool[] lengths, IEnumerable<int> values)
    {
        foreach (int length in values)
        {
            if (length >= 0 && length < lengths.Length)
            {
                lengths[length] = true;
            }
        }
    }

    private static bool IsDigits(string value) => value.Length > 0 && TextBoundary.AreAsciiDigits(value);
}

/// <summary>The decision of <see cref="PhoneRegionProfile.Classify"/> on a candidate window.</summary>
internal enum WindowVerdict
{
    /// <summary>Parsing and validation would fail.</summary>
    Invalid,

    /// <summary>Parsing and validation would succeed.</summary>
    Valid,

    /// <summary>Only parsing can tell.</summary>
    NeedsParse,
}
