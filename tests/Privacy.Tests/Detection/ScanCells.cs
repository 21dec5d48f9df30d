using System.Globalization;
using System.Text;
using PhoneNumbers;

namespace SyntheticData.Privacy.Tests.Detection;

/// <summary>
/// Generates the cells that anonymized output and raw extracts contain: FF1-like card and IBAN tokens, base32
/// pseudonyms, phone numbers in many formats, e-mail and IP addresses, SSN shapes and prose with numbers.
/// Some are live identifiers and most are look-alikes, so a detection check meets both results.
/// </summary>
internal static class ScanCells
{
    /// <summary>
    /// Regions whose phone formats the generated cells use. They differ in prefixes, lengths and parsing rules, and CA,
    /// JM, GG and KZ share their calling codes with US, GB and RU.
    /// </summary>
    public static readonly string[] Regions = ["US", "GB", "FR", "DE", "NL", "ES", "IT", "CH", "IN", "BR", "AR", "MX", "AU", "JP", "RU", "CN", "CA", "JM", "GG", "KZ"];

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Words = "lorem ipsum order shipped on day total paid ref room floor batch lot qty";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly string[] IbanCountries = ["NL", "ES", "DE", "GB", "FR", "IT", "BE", "CH", "PL", "NO"];

    private static readonly PhoneNumberType[] PhoneTypes =
        [PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE, PhoneNumberType.VOIP];

    /// <summary>Returns one generated cell: one to three parts joined by a space, a comma or a semicolon.</summary>
    public static string Cell(Random random)
    {
        int parts = random.Next(4) == 0 ? random.Next(2, 4) : 1;
        StringBuilder cell = new();
        for (int i = 0; i < parts; i++)
        {
            if (i > 0)
            {
                cell.Append(random.Next(3) switch { 0 => " ", 1 => ", ", _ => "; " });
            }

            cell.Append(Part(random));
        }

        return cell.ToString();
    }

    /// <summary>Returns one value of a random shape.</summary>
    public static string Part(Random random) => random.Next(12) switch
    {
        0 or 1 => CardToken(random),
        2 => CardNumbers.Group(CardNumbers.RandomValid(random), random),
        3 or 4 => IbanToken(random, valid: random.Next(5) == 0),
        5 => Pseudonym(random),
        6 or 7 => Phone(random, Regions[random.Next(Regions.Length)]),
        8 => $"user{random.Next(1000)}@example.{(random.Next(2) == 0 ? "org" : "com")}",
        9 => IpAddress(random),
        10 => SsnShape(random),
        _ => Prose(random),
    };

    /// <summary>Returns 16 random digits, plain or in groups of four, as a format-preserving card token.</summary>
    public static string CardToken(Random random)
    {
        string digits = Digits(random, 16);
        return random.Next(3) switch
        {
            0 => digits,
            1 => string.Join(' ', digits.Chunk(4).Select(chunk => new string(chunk))),
            _ => string.Join('-', digits.Chunk(4).Select(chunk => new string(chunk))),
        };
    }

    /// <summary>Returns an IBAN-shaped token in groups of four: a country, two check digits and a letters-and-digits body.</summary>
    public static string IbanToken(Random random, bool valid)
    {
        string country = IbanCountries[random.Next(IbanCountries.Length)];
        int length = country switch { "NL" => 18, "ES" => 24, "DE" => 22, "GB" => 22, "FR" => 27, "IT" => 27, "BE" => 16, "CH" => 21, "PL" => 28, _ => 15 };
        StringBuilder body = new();
        int letters = country is "NL" or "GB" ? 4 : 0;
        for (int i = 0; i < length - 4; i++)
        {
            body.Append(i < letters ? (char)('A' + random.Next(26)) : (char)('0' + random.Next(10)));
        }

        string check = valid ? CheckDigits(country, body.ToString()) : random.Next(2, 99).ToString("00", CultureInfo.InvariantCulture);
        string iban = country + check + body;
        return string.Join(' ', iban.Chunk(4).Select(chunk => new string(chunk)));
    }

    /// <summary>Returns a base32 pseudonym (letters and the digits 2 to 7), sometimes with a prefix.</summary>
    public static string Pseudonym(Random random)
    {
        StringBuilder pseudonym = new(random.Next(2) == 0 ? string.Empty : "cus_");
        int length = random.Next(16, 33);
        for (int i = 0; i < length; i++)
        {
            pseudonym.Append(Base32Alphabet[random.Next(Base32Alphabet.Length)]);
        }

        return pseudonym.ToString();
    }

    /// <summary>Returns a phone number of the region, formatted nationally, internationally, as E.164 or regrouped by hand.</summary>
    public static string Phone(Random random, string region)
    {
        PhoneNumber number = RandomNumber(random, region);
        return random.Next(6) switch
        {
            0 => Util.Format(number, PhoneNumberFormat.NATIONAL),
            1 => Util.Format(number, PhoneNumberFormat.INTERNATIONAL),
            2 => Util.Format(number, PhoneNumberFormat.E164),
            3 => Util.FormatOutOfCountryCallingNumber(number, "US"),
            4 => Util.FormatOutOfCountryCallingNumber(number, "GB"),
            _ => Regroup(Util.Format(number, PhoneNumberFormat.NATIONAL), random),
        };
    }

    /// <summary>
    /// Returns a number of a random region as dialled from <paramref name="callingRegion"/>: with that region's
    /// international prefix, or as the calling code written before the national format ("44 020 7946 0123").
    /// </summary>
    public static string PhoneDialledFrom(Random random, string callingRegion)
    {
        PhoneNumber number = RandomNumber(random, Regions[random.Next(Regions.Length)]);
        if (random.Next(2) == 0)
        {
            return Util.FormatOutOfCountryCallingNumber(number, callingRegion);
        }

        return number.CountryCode.ToString(CultureInfo.InvariantCulture) + " " + Util.Format(number, PhoneNumberFormat.NATIONAL);
    }

    /// <summary>Returns libphonenumber's example number of a random type for the region, with its last three digits changed.</summary>
    private static PhoneNumber RandomNumber(Random random, string region)
    {
        PhoneNumber? example = Util.GetExampleNumberForType(region, PhoneTypes[random.Next(PhoneTypes.Length)])
            ?? Util.GetExampleNumber(region);
        char[] digits = Util.GetNationalSignificantNumber(example).ToCharArray();
        for (int i = Math.Max(0, digits.Length - 3); i < digits.Length; i++)
        {
            digits[i] = (char)('0' + random.Next(10));
        }

        return Util.Parse("+" + example.CountryCode.ToString(CultureInfo.InvariantCulture) + new string(digits), "ZZ");
    }

    /// <summary>Returns random digits of the given count in random groups of one to five, with phone separators.</summary>
    public static string DigitGroups(Random random, int count)
    {
        string digits = Digits(random, count);
        return Regroup(digits, random);
    }

    private static string Regroup(string formatted, Random random)
    {
        string digits = new([.. formatted.Where(char.IsAsciiDigit)]);
        string separator = random.Next(5) switch { 0 => " ", 1 => "-", 2 => ".", 3 => "/", _ => " - " };
        StringBuilder written = new();
        if (random.Next(4) == 0)
        {
            written.Append(random.Next(3) switch { 0 => "+", 1 => "(", _ => "00" });
        }

        int position = 0;
        while (position < digits.Length)
        {
            int size = Math.Min(random.Next(1, 6), digits.Length - position);
            if (position > 0)
            {
                written.Append(separator);
            }

            written.Append(digits, position, size);
            position += size;
        }

        return written.ToString();
    }

    private static string IpAddress(Random random) => random.Next(3) switch
    {
        0 => $"{random.Next(1, 256)}.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}",
        1 => $"fe80::{random.Next(0x10000):x}:{random.Next(0x10000):x}",
        _ => $"{random.Next(1, 300)}.{random.Next(300)}.{random.Next(300)}",
    };

    private static string SsnShape(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"{random.Next(0, 1000):000}-{random.Next(0, 100):00}-{random.Next(0, 10000):0000}");

    private static string Prose(Random random)
    {
        string[] words = Words.Split(' ');
        StringBuilder prose = new();
        int count = random.Next(3, 10);
        for (int i = 0; i < count; i++)
        {
            prose.Append(words[random.Next(words.Length)]).Append(' ');
            if (random.Next(3) == 0)
            {
                prose.Append(random.Next(4) switch
                {
                    0 => random.Next(100_000_000).ToString(CultureInfo.InvariantCulture),
                    1 => string.Create(CultureInfo.InvariantCulture, $"2024-{random.Next(1, 13):00}-{random.Next(1, 29):00}"),
                    2 => string.Create(CultureInfo.InvariantCulture, $"{random.Next(1000)}.{random.Next(100):00}"),
                    _ => DigitGroups(random, random.Next(5, 14)),
                }).Append(' ');
            }
        }

        return prose.ToString().TrimEnd();
    }

    internal static string Digits(Random random, int count)
    {
        StringBuilder digits = new(count);
        for (int i = 0; i < count; i++)
        {
            digits.Append((char)('0' + random.Next(10)));
        }

        return digits.ToString();
    }

    /// <summary>Returns the two ISO 7064 mod 97-10 check digits that make the IBAN valid.</summary>
    private static string CheckDigits(string country, string body)
    {
        string rearranged = body + country + "00";
        int remainder = 0;
        foreach (char c in rearranged)
        {
            remainder = char.IsAsciiDigit(c) ? ((remainder * 10) + (c - '0')) % 97 : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return (98 - remainder).ToString("00", CultureInfo.InvariantCulture);
    }
}
