namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>The Luhn (mod 10) check digit algorithm of ISO/IEC 7812-1.</summary>
internal static class Luhn
{
    /// <summary>Returns true when the ASCII digits in <paramref name="digits"/> pass the Luhn check.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        int sum = 0;
        bool doubleIt = false;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int digit = digits[i] - '0';
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

        return digits.Length > 0 && sum % 10 == 0;
    }
}
