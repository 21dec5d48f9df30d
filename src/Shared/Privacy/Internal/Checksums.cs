namespace SyntheticData.Privacy.Internal;

/// <summary>The Luhn (ISO/IEC 7812-1) and IBAN mod-97 (ISO 13616) checks the token operators must defeat.</summary>
internal static class Checksums
{
    /// <summary>Returns the Luhn check digit (0 to 9) that would complete <paramref name="payload"/>.</summary>
    public static int LuhnCheckDigit(ReadOnlySpan<byte> payload)
    {
        int sum = 0;
        bool doubleIt = true;
        for (int i = payload.Length - 1; i >= 0; i--)
        {
            int digit = payload[i];
            if (doubleIt)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubleIt = !doubleIt;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>True when the digit string passes the Luhn check.</summary>
    public static bool IsLuhnValid(ReadOnlySpan<byte> digits) =>
        digits.Length >= 2 && LuhnCheckDigit(digits[..^1]) == digits[^1];

    /// <summary>Returns the ISO 13616 remainder of an IBAN given as upper-case letters and digits; 1 means valid.</summary>
    public static int IbanRemainder(ReadOnlySpan<char> iban)
    {
        int remainder = 0;
        for (int i = 0; i < iban.Length; i++)
        {
            // The first four characters move to the end before the number is read.
            char c = iban[(i + 4) % iban.Length];
            int value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }

        return remainder;
    }
}
