namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>Length limits of libphonenumber's <c>PhoneNumberUtil.Parse</c> (libphonenumber-csharp 9.0.43).</summary>
internal static class PhoneNumberLimits
{
    /// <summary>The shortest national significant number that parses (MIN_LENGTH_FOR_NSN).</summary>
    public const int MinimumNationalLength = 2;

    /// <summary>The longest national significant number that parses (MAX_LENGTH_FOR_NSN).</summary>
    public const int MaximumNationalLength = 17;
}
