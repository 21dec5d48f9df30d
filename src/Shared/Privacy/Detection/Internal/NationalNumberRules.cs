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
    /// <summary>
    /// The maximum number of states a region's digit automaton keeps. Beyond it, matches that need a new state follow the
    /// nondeterministic automaton, which is slower. Every region of libphonenumber-csharp 9.0.43 fits whole, as a test
    /// checks, so the limit only bounds memory with new metadata.
    /// </summary>
    internal const int MaximumAutomatonStates = 100_000;

    private readonly Description _general;
    private readonly Description[] _types;

    // Matches the general pattern (bit 0) and every type pattern (bit i + 1) in one pass. It is null when the patterns
    // stay regular expressions.
    private readonly DigitAutomaton? _automaton;

    private NationalNumberRules(Description general, Description[] types, DigitAutomaton? automaton)
    {
        _general = general;
        _types = types;
        _automaton = automaton;
    }

    /// <summary>True when the patterns run as one digit automaton rather than as regular expressions.</summary>
    internal bool UsesAutomaton => _automaton is not null;

    /// <summary>Builds every state of the digit automaton, which matches otherwise build on demand, and returns how many there are.</summary>
    internal int BuildAllAutomatonStates() => _automaton?.BuildAll() ?? 0;

    /// <summary>Returns the rules of a region, or null when its metadata lacks a general pattern and nothing can be ruled out.</summary>
    /// <param name="metadata">The region's metadata.</param>
    /// <param name="compiled">
    /// True to make the type patterns fast to match (<see cref="MetadataRegex"/>), for regions that most windows reach,
    /// when they cannot run as a digit automaton.
    /// </param>
    /// <param name="useAutomaton">False to keep every pattern a regular expression, so that tests can compare the two.</param>
    public static NationalNumberRules? Create(PhoneMetadata metadata, bool compiled, bool useAutomaton = true)
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
        PhoneNumberDesc[] described = [.. types.Where(type => type is not null && !string.IsNullOrEmpty(type.NationalNumberPattern))!];

        DigitAutomaton? automaton = useAutomaton
            ? DigitAutomaton.TryCreate(
                [general.NationalNumberPattern, .. described.Select(type => type.NationalNumberPattern)], MaximumAutomatonStates)
            : null;
        bool regex = automaton is null;
        return new NationalNumberRules(
            new Description(general, regex, hot: true),
            [.. described.Select(type => new Description(type, regex, hot: compiled))],
            automaton);
    }

    /// <summary>
    /// Returns false when no national number of this length can be valid here, because the general description lists
    /// possible lengths and this is not one of them. A cheap test before <see cref="IsValid"/>.
    /// </summary>
    public bool AllowsLength(int length) => _general.AllowsLength(length);

    /// <summary>Returns true when the ASCII digits form a valid national significant number of this region.</summary>
    public bool IsValid(ReadOnlySpan<char> nationalNumber)
    {
        if (_automaton is not null)
        {
            return IsValidMatch(_automaton.Match(nationalNumber), nationalNumber.Length);
        }

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

    // The automaton's matches count only where the description also allows the length, as with the patterns.
    private bool IsValidMatch(uint matches, int length)
    {
        if ((matches & 1) == 0 || !_general.AllowsLength(length))
        {
            return false;
        }

        for (int i = 0; i < _types.Length; i++)
        {
            if ((matches & (1u << (i + 1))) != 0 && _types[i].AllowsLength(length))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A number description's possible lengths (null when it lists none) and, without an automaton, anchored pattern.</summary>
    private sealed class Description
    {
        private readonly bool[]? _lengths;
        private readonly Regex? _pattern;

        public Description(PhoneNumberDesc description, bool regex, bool hot)
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

            if (regex)
            {
                _pattern = MetadataRegex.Create("^(?:" + description.NationalNumberPattern + ")\\z", hot);
            }
        }

        public bool AllowsLength(int length) =>
            _lengths is null || (length >= 0 && length < _lengths.Length && _lengths[length]);

        public bool Matches(ReadOnlySpan<char> nationalNumber) =>
            AllowsLength(nationalNumber.Length) && _pattern!.IsMatch(nationalNumber);
    }
}
