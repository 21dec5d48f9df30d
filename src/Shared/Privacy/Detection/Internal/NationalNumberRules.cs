using System.Text.RegularExpressions;
using PhoneNumbers;

namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// One region's test of a national significant number, as <c>PhoneNumberUtil.IsValidNumberForRegion</c> applies it
/// (libphonenumber-csharp 9.0.43): the number must match the general description and at least one number type, where
/// matching a description means one of its possible lengths (when it lists any) and its whole national number pattern.
/// </summary>
internal sealed class NationalNumberRules
{
    private readonly Description _general;
    private readonly Description[] _types;

    private NationalNumberRules(Description general, Description[] types)
    {
        _general = general;
        _types = types;
    }

    /// <summary>Returns the rules of a region, or null when its metadata lacks a general pattern and nothing can be ruled out.</summary>
    /// <param name="metadata">The region's metadata.</param>
    /// <param name="compiled">True to make the type patterns fast to match (<see cref="MetadataRegex"/>), for regions that most windows reach.</param>
    public static NationalNumberRules? Create(PhoneMetadata metadata, bool compiled)
    {
        PhoneNumberDesc general = metadata.GeneralDesc;
        if (general is null || string.IsNullOrEmpty(general.NationalNumberPattern))
        {
            return null;
        }

        // Any matching type makes the number valid, so the order only matters for speed, and the common types go first.
        PhoneNumberDesc?[] types =
        [
            metadata.FixedLine, metadata.Mobile, metadata.TollFree, metadata.PremiumRate, metadata.SharedCost,
            metadata.Voip, metadata.PersonalNumber, metadata.Pager, metadata.Uan, metadata.Voicemail,
        ];
        List<Description> described = [];
        foreach (PhoneNumberDesc? type in types)
        {
            if (type is not null && !string.IsNullOrEmpty(type.NationalNumberPattern))
            {
                described.Add(new Description(type, hot: compiled));
            }
        }

        return new NationalNumberRules(new Description(general, hot: true), [.. described]);
    }

    /// <summary>
    /// Returns false when no national number of this length can be valid here, because the general description lists
    /// possible lengths and this is not one of them. A cheap test before <see cref="IsValid"/>.
    /// </summary>
    public bool AllowsLength(int length) => _general.AllowsLength(length);

    /// <summary>Returns true when the ASCII digits form a valid national significant number of this region.</summary>
    public bool IsValid(ReadOnlySpan<char> nationalNumber)
    {
        if (!_general.Matches(nationalNumber))
        {
            return false;
        }

        foreach (Description type in _types)
        {
            if (type.Matches(nationalNumber))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A number description's possible lengths (null when it lists none) and anchored pattern.</summary>
    private sealed class Description
    {
        private readonly bool[]? _lengths;
        private readonly Regex _pattern;

        public Description(PhoneNumberDesc description, bool hot)
        {
            if (description.PossibleLengthCount > 0)
            {
                _lengths = new bool[PhoneNumberLimits.MaximumNationalLength + 1];
                foreach (int length in description.PossibleLengthList)
                {
                    if (length >= 0 && length < _lengths.Length)
                    {
                        _lengths[length] = true;
                    }
                }
            }

            _pattern = MetadataRegex.Create("^(?:" + description.NationalNumberPattern + ")\\z", hot);
        }

        public bool AllowsLength(int length) =>
            _lengths is null || (length >= 0 && length < _lengths.Length && _lengths[length]);

        public bool Matches(ReadOnlySpan<char> nationalNumber) =>
            AllowsLength(nationalNumber.Length) && _pattern.IsMatch(nationalNumber);
    }
}
