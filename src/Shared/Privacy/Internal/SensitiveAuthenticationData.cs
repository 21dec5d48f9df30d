namespace SyntheticData.Privacy.Internal;

/// <summary>
/// Recognises headers of card security codes and magnetic-stripe track data, which PCI DSS forbids
/// keeping after authorisation. Such columns are dropped whatever operator a policy names.
/// </summary>
internal static class SensitiveAuthenticationData
{
    private static readonly string[] ExactNames =
    [
        "cvv", "cvv2", "cvc", "cvc2", "cid", "csc", "cvn", "cav2", "cid2", "pinblock", "magstripe",
    ];

    private static readonly string[] NameParts =
    [
        "cvv", "cvc", "securitycode", "verificationcode", "verificationvalue", "trackdata", "track1",
        "track2", "magneticstripe",
    ];

    /// <summary>True when the header names a card security code or track data column.</summary>
    public static bool IsSensitiveHeader(string header)
    {
        // Compare on letters and digits only, lower case, so "Card Security-Code" matches "securitycode".
        string compact = new string(header.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        return ExactNames.Contains(compact) || NameParts.Any(part => compact.Contains(part, StringComparison.Ordinal));
    }
}
