using System.Text;

namespace SyntheticData.Privacy.Tests.Detection;

/// <summary>Generates card numbers for property tests.</summary>
internal static class CardNumbers
{
    private static readonly (string Prefix, int Length)[] Brands =
    [
        ("4", 13), ("4", 16), ("4", 19), ("51", 16), ("55", 16), ("2221", 16), ("2720", 16), ("34", 15), ("37", 15),
        ("36", 14), ("6011", 16), ("65", 19), ("3528", 16), ("62", 19), ("2200", 16),
    ];

    /// <summary>Returns a Luhn-valid number in a random brand's range.</summary>
    public static string RandomValid(Random random)
    {
        (string prefix, int length) = Brands[random.Next(Brands.Length)];
        StringBuilder digits = new(prefix);
        while (digits.Length < length - 1)
        {
            digits.Append((char)('0' + random.Next(10)));
        }

        digits.Append(CheckDigit(digits.ToString()));
        return digits.ToString();
    }

    /// <summary>Returns 13 to 19 random digits whose Luhn check fails.</summary>
    public static string RandomLuhnInvalid(Random random)
    {
        int length = random.Next(13, 20);
        StringBuilder digits = new();
        while (digits.Length < length - 1)
        {
            digits.Append((char)('0' + random.Next(10)));
        }

        char valid = CheckDigit(digits.ToString());
        char wrong = (char)('0' + ((valid - '0' + 1 + random.Next(9)) % 10));
        digits.Append(wrong);
        return digits.ToString();
    }

    /// <summary>Writes digits plain, or in random groups joined by single spaces or dashes.</summary>
    public static string Group(string digits, Random random)
    {
        if (random.Next(3) == 0)
        {
            return digits;
        }

        char separator = random.Next(2) == 0 ? ' ' : '-';
        StringBuilder written = new();
        int position = 0;
        while (position < digits.Length)
        {
            int size = Math.Min(random.Next(3, 7), digits.Length - position);
            if (written.Length > 0)
            {
                written.Append(separator);
            }

            written.Append(digits, position, size);
            position += size;
        }

        return written.ToString();
    }

    /// <summary>Returns the Luhn check digit that makes <paramref name="payload"/> plus the digit valid.</summary>
    public static char CheckDigit(string payload)
    {
        int sum = 0;
        bool doubleIt = true;
        for (int i = payload.Length - 1; i >= 0; i--)
        {
            int digit = payload[i] - '0';
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

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
