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

    /// <summary>
    /// Returns the ISO 13616 remainder of an IBAN given as upper-case letters and digits (1 means valid), or -1 when it
    /// has another character. The first four characters count last, and letters count as 10 to 35.
    /// </summary>
    public static int IbanRemainder(ReadOnlySpan<char> iban)
    {
        if (iban.IsEmpty)
        {
            return 0;
        }

        int moved = Math.Min(4, iban.Length);
        ulong value = 0;
        if (!AppendIbanCharacters(iban[moved..], ref value) || !AppendIbanCharacters(iban[..moved], ref value))
        {
            return -1;
        }

        return (int)(value % 97);
    }

    // Appends the characters' decimal digits to value. The value is reduced modulo 97 only when the next character
    // could overflow it, because a reduction per character costs a division each.
    private static bool AppendIbanCharacters(ReadOnlySpan<char> characters, ref ulong value)
    {
        const ulong ReduceFrom = 100_000_000_000_000_000;
        foreach (char c in characters)
        {
            if (value >= ReduceFrom)
            {
                value %= 97;
            }

            if (char.IsAsciiDigit(c))
            {
                value = (value * 10) + (uint)(c - '0');
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                value = (value * 100) + (uint)(c - 'A' + 10);
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
