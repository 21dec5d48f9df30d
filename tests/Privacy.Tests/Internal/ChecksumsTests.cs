using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SyntheticData.Privacy.Internal;

namespace SyntheticData.Privacy.Tests.Internal;

public sealed class ChecksumsTests
{
    [Theory]
    [InlineData("GB82WEST12345698765432", 1)]
    [InlineData("DE89370400440532013000", 1)]
    [InlineData("NL91ABNA0417164300", 1)]
    [InlineData("DE89370400440532013001", 28)]
    [InlineData("", 0)]
    public void IbanRemainder_KnownIbans(string iban, int expected)
    {
        Assert.Equal(expected, Checksums.IbanRemainder(iban));
    }

    [Theory]
    [InlineData("gb82WEST12345698765432")]
    [InlineData("GB82 WEST12345698765432")]
    [InlineData("GB82WEST1234569876543-")]
    public void IbanRemainder_OtherCharacter_IsMinusOne(string iban)
    {
        Assert.Equal(-1, Checksums.IbanRemainder(iban));
    }

    [Property(MaxTest = 500)]
    public Property IbanRemainder_MatchesBigInteger() =>
        Prop.ForAll(Ibans(), iban =>
        {
            // The reference: move the first four characters to the end, write letters as 10 to 35 and
            // take the whole decimal number modulo 97.
            int moved = Math.Min(4, iban.Length);
            string rearranged = iban[moved..] + iban[..moved];
            string digits = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString()));
            int expected = digits.Length == 0 ? 0 : (int)(BigInteger.Parse(digits) % 97);

            Assert.Equal(expected, Checksums.IbanRemainder(iban));
        });

    private static Arbitrary<string> Ibans()
    {
        // Up to 40 characters, so the running value is reduced several times, with letters and digits mixed.
        Gen<char> characters = Gen.OneOf(Gen.Choose('0', '9'), Gen.Choose('A', 'Z')).Select(c => (char)c);
        return Gen.Choose(0, 40).SelectMany(length => Gen.ArrayOf(characters, length)).Select(c => new string(c)).ToArbitrary();
    }
}
