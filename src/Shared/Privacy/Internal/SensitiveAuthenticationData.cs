using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Internal;

/// <summary>
/// Recognises headers of card security codes, PIN blocks and magnetic-stripe track data, which PCI DSS forbids
/// keeping after authorisation. Such columns are dropped whatever operator a policy names. A header counts when it
/// matches the compact names below or any header phrase that <c>scan</c> reads as one of these kinds, so a column that
/// <c>scan</c> reports as a security code is never kept.
/// </summary>
internal static class SensitiveAuthenticationData
{
    private static readonly string[] ExactNames =
    [
        "cvv", "cvv2", "cvc", "cvc2", "cid", "csc", "cvn", "cav2", "cid2", "pin", "pinblock", "magstripe",
    ];

    private static readonly string[] NameParts =
    [
        "cvv", "cvc", "securitycode", "verificationcode", "verificationvalue", "trackdata", "track1",
        "track2", "magneticstripe", "prüfziffer", "prüfnummer",
    ];

    /// <summary>True when the header names a card security code or track data column.</summary>
    public static bool IsSensitiveHeader(string header)
    {
        // Compare on letters and digits only, lower case, so "Card Security-Code" matches "securitycode".
        // The outcome of a check (cvv_result, pin_verified) is a flag such as M or Y, not the code.
        string compact = new string(header.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        return !HeaderHints.NamesCheckOutcome(header)
            && (ExactNames.Contains(compact)
                || NameParts.Any(part => compact.Contains(part, StringComparison.Ordinal))
                || HeaderHints.Suggests(header, PiiKind.CardSecurityCode)
                || HeaderHints.Suggests(header, PiiKind.TrackData));
    }
}
