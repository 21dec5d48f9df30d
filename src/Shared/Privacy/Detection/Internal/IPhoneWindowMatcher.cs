namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>Decides on the candidate windows that <see cref="PhoneCandidates"/> visits.</summary>
internal interface IPhoneWindowMatcher
{
    /// <summary>True when the caller needs no further windows, which ends the visit.</summary>
    bool IsDone { get; }

    /// <summary>Returns true when the window from <paramref name="start"/> to <paramref name="end"/> is a phone number.</summary>
    bool TryMatch(ReadOnlySpan<char> text, int start, int end);
}
