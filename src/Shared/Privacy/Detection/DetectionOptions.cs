namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Settings shared by <see cref="TextScanner"/> and <see cref="ColumnClassifier"/>. Call <see cref="Validate"/>
/// (the scanner and classifier do) before use.
/// </summary>
public sealed record DetectionOptions
{
    /// <summary>The region (ISO 3166-1 alpha-2) for national-format phone numbers when a row has no country column. Default "US".</summary>
    public string DefaultRegion { get; init; } = "US";

    /// <summary>Digit prefixes of test or token card ranges that a rescan accepts as not live. Default none.</summary>
    public IReadOnlyList<string> ExcludedCardPrefixes { get; init; } = [];

    /// <summary>The share of checked values (0 to 1) that must validate before a column without a header hint gets a kind. Default 0.8.</summary>
    public double MinimumValidatedShare { get; init; } = 0.8;

    /// <summary>The share of checked values (0 to 1) that must have the kind's shape when the header hints that kind. Default 0.5.</summary>
    public double MinimumHintedShare { get; init; } = 0.5;

    /// <summary>Throws <see cref="ArgumentException"/> listing every invalid setting at once.</summary>
    public void Validate()
    {
        List<string> errors = [];
        string? regionError = RegionCodes.Describe(DefaultRegion);
        if (regionError is not null)
        {
            errors.Add($"{nameof(DefaultRegion)}: {regionError}");
        }

        foreach (string prefix in ExcludedCardPrefixes ?? [])
        {
            if (string.IsNullOrEmpty(prefix) || !prefix.All(char.IsAsciiDigit))
            {
                errors.Add($"{nameof(ExcludedCardPrefixes)}: prefix '{prefix}' is invalid; expected one or more ASCII digits.");
            }
        }

        if (MinimumValidatedShare is <= 0 or > 1 || double.IsNaN(MinimumValidatedShare))
        {
            errors.Add($"{nameof(MinimumValidatedShare)}: {MinimumValidatedShare} is out of range; expected a share in (0, 1].");
        }

        if (MinimumHintedShare is <= 0 or > 1 || double.IsNaN(MinimumHintedShare))
        {
            errors.Add($"{nameof(MinimumHintedShare)}: {MinimumHintedShare} is out of range; expected a share in (0, 1].");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid detection options: " + string.Join(" ", errors));
        }
    }
}
