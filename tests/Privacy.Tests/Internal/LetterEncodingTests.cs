using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SyntheticData.Privacy.Internal;

namespace SyntheticData.Privacy.Tests.Internal;

public sealed class LetterEncodingTests
{
    [Property(MaxTest = 500)]
    public Property Encode_MatchesBigIntegerDigits() =>
        Prop.ForAll(Hashes(), Gen.Choose(1, LetterEncoding.MaximumLength).ToArbitrary(), (hash, length) =>
        {
            // The reference: the 128-bit number with bytes 0 to 7 as its upper half and bytes 8 to 15 as its lower
            // half, each read in the machine's byte order, written in base 26 with the least significant digit first.
            BigInteger number = (new BigInteger(BitConverter.ToUInt64(hash, 0)) << 64) + BitConverter.ToUInt64(hash, 8);
            char[] expected = new char[length];
            for (int i = 0; i < length; i++)
            {
                expected[i] = (char)('a' + (int)(number % 26));
                number /= 26;
            }

            char[] actual = new char[length];
            LetterEncoding.Encode(hash, actual);

            Assert.Equal(new string(expected), new string(actual));
        });

    [Fact]
    public void Encode_AllOnes_GivesKnownLetters()
    {
        byte[] hash = Enumerable.Repeat((byte)0xFF, 16).ToArray();
        char[] letters = new char[LetterEncoding.MaximumLength];

        LetterEncoding.Encode(hash, letters);

        // 2^128 - 1 in base 26, least significant digit first.
        BigInteger number = (BigInteger.One << 128) - 1;
        string expected = string.Concat(
            Enumerable.Range(0, letters.Length).Select(i => (char)('a' + (int)(number / BigInteger.Pow(26, i) % 26))));
        Assert.Equal(expected, new string(letters));
    }

    [Fact]
    public void Encode_TooManyLetters_Throws()
    {
        byte[] hash = new byte[16];
        char[] tooMany = new char[LetterEncoding.MaximumLength + 1];

        Assert.Throws<ArgumentOutOfRangeException>(() => LetterEncoding.Encode(hash, tooMany));
    }

    private static Arbitrary<byte[]> Hashes() =>
        Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 16).ToArbitrary();
}
