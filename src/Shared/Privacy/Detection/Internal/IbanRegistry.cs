using SyntheticData.Privacy.Internal;

namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// IBAN lengths per country code, from the SWIFT IBAN Registry. A code missing here is not an IBAN country.
/// </summary>
internal static class IbanRegistry
{
    private static readonly Dictionary<string, int> Lengths = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24,
        ["DE"] = 22, ["DJ"] = 27, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18,
        ["FK"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27,
        ["GT"] = 28, ["HN"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26,
        ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20,
        ["LU"] = 20, ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MN"] = 20,
        ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23, ["PK"] = 24,
        ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24,
        ["SC"] = 31, ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25,
        ["SV"] = 28, ["TL"] = 23, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
        ["YE"] = 30,
    };

    // The lengths indexed by the two letters of the code, 26 * first + second, so a lookup reads one byte.
    private static readonly byte[] LengthByCode = CreateLengthTable();

    /// <summary>The longest IBAN of any country (ISO 13616 allows up to 34 characters).</summary>
    public const int MaximumLength = 34;

    /// <summary>Returns the IBAN length of an upper-case country code, or 0 when the code has no IBAN.</summary>
    public static int LengthOf(ReadOnlySpan<char> countryCode)
    {
        if (countryCode.Length != 2)
        {
            return 0;
        }

        uint first = (uint)(countryCode[0] - 'A');
        uint second = (uint)(countryCode[1] - 'A');
        return first < 26 && second < 26 ? LengthByCode[(26 * first) + second] : 0;
    }

    /// <summary>
    /// Returns true when the upper-case alphanumeric IBAN passes the ISO 7064 mod 97-10 check: the first
    /// four characters move to the end, letters become 10 to 35, and the number modulo 97 must be 1.
    /// </summary>
    public static bool HasValidChecksum(ReadOnlySpan<char> iban) => Checksums.IbanRemainder(iban) == 1;

    private static byte[] CreateLengthTable()
    {
        byte[] table = new byte[26 * 26];
        foreach ((string code, int length) in Lengths)
        {
            table[(26 * (code[0] - 'A')) + (code[1] - 'A')] = (byte)length;
        }

        return table;
    }
}
