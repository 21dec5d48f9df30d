using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Tests.Detection;

/// <summary>The small checks that the detectors share: Luhn, word boundaries and IBAN lengths.</summary>
public sealed class TextCheckTests
{
    [Property(MaxTest = 1000)]
    public Property Luhn_MatchesTextbookSum() =>
        Prop.ForAll(DigitStrings(), digits =>
        {
            Assert.Equal(TextbookLuhn(digits), Luhn.IsValid(digits));
        });

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("79927398713", true)]
    [InlineData("0", true)]
    [InlineData("", false)]
    public void Luhn_KnownNumbers(string digits, bool valid)
    {
        Assert.Equal(valid, Luhn.IsValid(digits));
    }

    [Property(MaxTest = 1000)]
    public Property Boundaries_NextToLetter_MatchWholeTokenHexTest() =>
        Prop.ForAll(BoundaryTexts(), text =>
        {
            // A letter just before a start, or just after an end, makes a boundary unless its token is all hexadecimal.
            for (int index = 0; index <= text.Length; index++)
            {
                if (index > 0 && char.IsLetter(text[index - 1]))
                {
                    Assert.Equal(!ReferenceHexToken(text, index - 1), TextBoundary.IsStartBoundary(text, index));
                }

                if (index < text.Length && char.IsLetter(text[index]))
                {
                    Assert.Equal(!ReferenceHexToken(text, index), TextBoundary.IsEndBoundary(text, index));
                }
            }
        });

    [Theory]
    [InlineData("DE", 22)]
    [InlineData("GB", 22)]
    [InlineData("NL", 18)]
    [InlineData("FR", 27)]
    [InlineData("LC", 32)]
    [InlineData("US", 0)]
    [InlineData("de", 0)]
    [InlineData("D", 0)]
    [InlineData("DEU", 0)]
    [InlineData("1E", 0)]
    [InlineData("\u00C4E", 0)]
    public void IbanRegistry_LengthOf(string code, int expected)
    {
        Assert.Equal(expected, IbanRegistry.LengthOf(code));
    }

    // The textbook Luhn sum: from the right, every second digit is doubled and the digits of the products are
    // added.
    private static bool TextbookLuhn(string digits)
    {
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int digit = digits[digits.Length - 1 - i] - '0';
            int term = i % 2 == 1 ? digit * 2 : digit;
            sum += (term / 10) + (term % 10);
        }

        return digits.Length > 0 && sum % 10 == 0;
    }

    // The hexadecimal test written plainly: find the whole letters-and-digits token (at most 80 characters each side),
    // then test every character of it.
    private static bool ReferenceHexToken(string text, int index)
    {
        int left = index;
        while (left > 0 && index - left < 80 && char.IsLetterOrDigit(text[left - 1]))
        {
            left--;
        }

        int right = index;
        while (right < text.Length && right - index < 80 && char.IsLetterOrDigit(text[right]))
        {
            right++;
        }

        return text[left..right].All(char.IsAsciiHexDigit);
    }

    private static Arbitrary<string> DigitStrings() =>
        Gen.Choose(0, 24).SelectMany(length => Gen.ArrayOf(Gen.Choose('0', '9').Select(c => (char)c), length))
            .Select(c => new string(c)).ToArbitrary();

    // Hex letters, other letters, digits, separators and a non-ASCII letter, in tokens up to about 200 characters,
    // so that the 80-character limit on each side is reached.
    private static Arbitrary<string> BoundaryTexts()
    {
        Gen<char> characters = Gen.Elements("abcdefABCDEF0123456789xyzXYZ -._é".ToCharArray());
        return Gen.Choose(0, 200)
            .SelectMany(length => Gen.ArrayOf(characters, length))
            .Select(c => new string(c))
            .ToArbitrary();
    }
}
