namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// Issuer identification number ranges of the card brands in circulation, with the PAN lengths
/// each brand issues. Ranges follow the brands' published IIN tables as summarised in ISO/IEC 7812
/// registrations; a PAN outside every range is not reported as a live card.
/// </summary>
internal static class CardIssuers
{
    private readonly record struct Range(int PrefixLength, int Low, int High, int MinLength, int MaxLength, bool[]? Lengths = null);

    private static readonly Range[] Ranges =
    [
        // Visa: 13, 16 and 19 digits.
        new(1, 4, 4, 13, 19, Lengths: LengthSet(13, 16, 19)),

        // Mastercard: 51-55 and the 2-series 2221-2720, 16 digits.
        new(2, 51, 55, 16, 16),
        new(4, 2221, 2720, 16, 16),

        // American Express: 34 and 37, 15 digits.
        new(2, 34, 34, 15, 15),
        new(2, 37, 37, 15, 15),

        // Diners Club International: 300-305, 3095, 36, 38-39, 14 to 19 digits.
        new(3, 300, 305, 14, 19),
        new(4, 3095, 3095, 14, 19),
        new(2, 36, 36, 14, 19),
        new(2, 38, 39, 14, 19),

        // JCB: 3528-3589 with 16 to 19 digits, and the older 15-digit 1800 and 2131.
        new(4, 3528, 3589, 16, 19),
        new(4, 1800, 1800, 15, 15),
        new(4, 2131, 2131, 15, 15),

        // Discover: 6011, 644-649, 65 and 622126-622925, 16 to 19 digits.
        new(4, 6011, 6011, 16, 19),
        new(3, 644, 649, 16, 19),
        new(2, 65, 65, 16, 19),
        new(6, 622126, 622925, 16, 19),

        // UnionPay: 62 and 81, 16 to 19 digits.
        new(2, 62, 62, 16, 19),
        new(2, 81, 81, 16, 19),

        // Maestro: 50 and 56-69, 12 to 19 digits.
        new(2, 50, 50, 12, 19),
        new(2, 56, 69, 12, 19),

        // Mir: 2200-2204, 16 to 19 digits.
        new(4, 2200, 2204, 16, 19),

        // RuPay: 60, 65, 81, 82 and 508, 16 digits.
        new(2, 60, 60, 16, 16),
        new(2, 82, 82, 16, 16),
        new(3, 508, 508, 16, 16),

        // UATP: 1, 15 digits.
        new(1, 1, 1, 15, 15),

        // Troy: 9792, 16 digits.
        new(4, 9792, 9792, 16, 16),
    ];

    /// <summary>The shortest PAN any brand issues (Maestro).</summary>
    public const int MinimumLength = 12;

    /// <summary>The longest PAN (ISO/IEC 7812-1).</summary>
    public const int MaximumLength = 19;

    /// <summary>Returns true when the ASCII digit string lies in a brand's range with one of its lengths.</summary>
    public static bool IsKnownIssuer(ReadOnlySpan<char> digits)
    {
        foreach (Range range in Ranges)
        {
            if (digits.Length < range.MinLength || digits.Length > range.MaxLength)
            {
                continue;
            }

            if (range.Lengths is not null && !range.Lengths[digits.Length])
            {
                continue;
            }

            int prefix = ParsePrefix(digits, range.PrefixLength);
            if (prefix >= range.Low && prefix <= range.High)
            {
                return true;
            }
        }

        return false;
    }

    private static int ParsePrefix(ReadOnlySpan<char> digits, int length)
    {
        int value = 0;
        for (int i = 0; i < length; i++)
        {
            value = (value * 10) + (digits[i] - '0');
        }

        return value;
    }

    private static bool[] LengthSet(params int[] lengths)
    {
        bool[] set = new bool[MaximumLength + 1];
        foreach (int length in lengths)
        {
            set[length] = true;
        }

        return set;
    }
}
