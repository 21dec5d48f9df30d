namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>The Luhn (mod 10) check digit algorithm of ISO/IEC 7812-1.</summary>
internal static class Luhn
{
    /// <summary>Returns true when the ASCII digits in <paramref name="digits"/> pass the Luhn check.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        // The table gives each digit doubled, less 9 when that exceeds 9, so random digits cause no mispredicted
        // branch.
        ReadOnlySpan<byte> doubled = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
        int sum = 0;
        bool doubleIt = false;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int digit = digits[i] - '0';
            if (doubleIt)
            {
                digit = (uint)digit <= 9 ? doubled[digit] : DoubleOther(digit);
            }

            sum += digit;
            doubleIt = !doubleIt;
        }

        return digits.Length > 0 && sum % 10 == 0;
    }

    // Doubles a character that is not a digit with the same arithmetic as a digit, because callers may pass other text.
    private static int DoubleOther(int value) => value * 2 > 9 ? (value * 2) - 9 : value * 2;
}
