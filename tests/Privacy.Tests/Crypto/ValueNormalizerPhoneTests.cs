using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Internal.Unicode;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Tests.Crypto;

public sealed class ValueNormalizerPhoneTests
{
    [Property(MaxTest = 3000)]
    public Property Phone_FastPath_MatchesLibphonenumber() =>
        Prop.ForAll(Cases(), testCase =>
        {
            // Every kind is read in Unicode form KC first (a no-break space becomes a space), and only then parsed.
            string expected = ValueNormalizer.NormalizePhoneWithLibphonenumber(UnicodeNfkc.Normalize(testCase.Text), testCase.Region);

            string actual = ValueNormalizer.Normalize(testCase.Text, ValueKind.Phone, testCase.Region);

            Assert.Equal(expected, actual);
        });

    [Theory]
    [InlineData("2125550147")]
    [InlineData("(212) 555-0147")]
    [InlineData("(212)555-0147")]
    [InlineData("212-555-0147")]
    [InlineData("212.555.0147")]
    [InlineData("212 555 0147")]
    [InlineData("+1 212 555 0147")]
    [InlineData("+1 (212) 555-0147")]
    [InlineData("+12125550147")]
    public void Phone_UsTenDigitForms_GiveE164(string text)
    {
        Assert.Equal("+12125550147", ValueNormalizer.Normalize(text, ValueKind.Phone, "US"));
        Assert.Equal("+12125550147", ValueNormalizer.NormalizePhoneWithLibphonenumber(text, "US"));
    }

    private static Arbitrary<PhoneCase> Cases()
    {
        // Digit strings of 7 to 12 digits, often ten digits starting 2 to 9 (the fast path's domain),
        // written with the separators, prefixes and suffixes extracts use, and some they should not.
        Gen<char> digit = Gen.Choose('0', '9').Select(c => (char)c);
        Gen<string> tenDigits =
            from first in Gen.Choose('2', '9').Select(c => (char)c)
            from rest in Gen.ArrayOf(digit, 9)
            select first + new string(rest);
        Gen<string> otherDigits =
            from length in Gen.Choose(7, 12)
            from all in Gen.ArrayOf(digit, length)
            select new string(all);
        Gen<string> digits = Gen.Frequency((3, tenDigits), (1, otherDigits));
        Gen<string> separator = Gen.Frequency(
            (8, Gen.Elements("", " ", "-", ".")),
            (2, Gen.Elements("  ", "/", " - ", "_", "\u00A0", ")")));
        Gen<string> prefix = Gen.Frequency(
            (6, Gen.Constant("")),
            (1, Gen.Elements("+1 ", "+1", "+1-", "+1.", "+1  ", "+11 ", "1-", "1 ", "+", "011 ", "001 ", " ", "tel:", "+44 ", "0")));
        Gen<string> suffix = Gen.Frequency(
            (6, Gen.Constant("")),
            (1, Gen.Elements(" ", " x12", " ext. 7", "#", "a", ")", ";")));
        Gen<string> region = Gen.Frequency((6, Gen.Constant("US")), (1, Gen.Elements("CA", "GB", "DE", "ZZ")));
        Gen<bool> parentheses = Gen.Elements(true, false, false);

        Gen<PhoneCase> generator =
            from number in digits
            from leading in prefix
            from trailing in suffix
            from first in separator
            from second in separator
            from wrapArea in parentheses
            from openOnly in Gen.Elements(false, false, false, true)
            from phoneRegion in region
            select new PhoneCase(
                leading + Format(number, first, second, wrapArea, openOnly) + trailing,
                phoneRegion);
        return generator.ToArbitrary();
    }

    // Writes the digits as area code, exchange and line (3, 3, rest) when there are at least seven.
    private static string Format(string digits, string first, string second, bool wrapArea, bool openOnly)
    {
        if (digits.Length < 7)
        {
            return digits;
        }

        string area = digits[..3];
        string exchange = digits[3..6];
        string line = digits[6..];
        string writtenArea = area;
        if (wrapArea)
        {
            writtenArea = "(" + area + ")";
        }
        else if (openOnly)
        {
            writtenArea = "(" + area;
        }

        return writtenArea + first + exchange + second + line;
    }

    public sealed record PhoneCase(string Text, string Region);
}
