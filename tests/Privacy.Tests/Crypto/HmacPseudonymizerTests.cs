using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SyntheticData.Privacy.Crypto;

namespace SyntheticData.Privacy.Tests.Crypto;

public sealed class HmacPseudonymizerTests
{
    [Property(MaxTest = 300)]
    public Property ComputeHash_MatchesOneShotHmac() =>
        Prop.ForAll(Cases(), testCase =>
        {
            KeyMaterial key = new("property", 1, testCase.Key);
            byte[] subkey = KeyDerivation.Derive(key, KeyPurpose.Pseudonym);
            byte[] expected = HMACSHA256.HashData(subkey, Encoding.UTF8.GetBytes(testCase.Text));
            HmacPseudonymizer pseudonymizer = new(key);
            byte[] actual = new byte[32];

            // Twice, so the second call runs on the reused HMAC state.
            pseudonymizer.ComputeHash(testCase.Text, actual);
            Assert.Equal(expected, actual);
            pseudonymizer.ComputeHash(testCase.Text, actual);
            Assert.Equal(expected, actual);
        });

    [Fact]
    public void ComputeHash_SharedAcrossThreads_MatchesOneShot()
    {
        KeyMaterial key = new("threads", 1, Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
        byte[] subkey = KeyDerivation.Derive(key, KeyPurpose.Pseudonym);
        HmacPseudonymizer pseudonymizer = new(key);
        int mismatches = 0;

        Parallel.For(0, 4, worker =>
        {
            byte[] actual = new byte[32];
            for (int i = 0; i < 20_000; i++)
            {
                string text = $"worker {worker} value {i}";
                pseudonymizer.ComputeHash(text, actual);
                if (!actual.AsSpan().SequenceEqual(HMACSHA256.HashData(subkey, Encoding.UTF8.GetBytes(text))))
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        });

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void ComputeHash_RejectsShortDestination()
    {
        HmacPseudonymizer pseudonymizer = new(new KeyMaterial("short", 1, new byte[32]));

        Assert.Throws<ArgumentException>(() => pseudonymizer.ComputeHash("value", new byte[31]));
    }

    [Fact]
    public void Pseudonymize_EncodesFirstSixteenBytesInBase26()
    {
        // Reference: the letters are the base-26 digits, least significant first, of the 128-bit number
        // whose upper half is hash bytes 0 to 7 and lower half bytes 8 to 15.
        KeyMaterial key = new("letters", 1, Enumerable.Range(7, 40).Select(i => (byte)i).ToArray());
        HmacPseudonymizer pseudonymizer = new(key);
        byte[] hash = new byte[32];
        for (int i = 0; i < 200; i++)
        {
            string text = "value " + i;
            pseudonymizer.ComputeHash(text, hash);
            UInt128 number = new(BitConverter.ToUInt64(hash, 0), BitConverter.ToUInt64(hash, 8));
            var expected = new StringBuilder();
            for (int letter = 0; letter < 27; letter++)
            {
                expected.Append((char)('a' + (int)(number % 26)));
                number /= 26;
            }

            for (int length = 1; length <= 27; length++)
            {
                Assert.Equal(expected.ToString(0, length), pseudonymizer.Pseudonymize(text, length));
            }
        }
    }

    private static Arbitrary<HmacCase> Cases()
    {
        // Text of 0 to 300 characters, ASCII and beyond, so the UTF-8 input crosses one and several
        // SHA-256 blocks and also the 512-byte stack buffer.
        Gen<char> characters = Gen.OneOf(
            Gen.Choose(32, 126).Select(c => (char)c),
            Gen.Choose(0xA0, 0x7FF).Select(c => (char)c),
            Gen.Choose(0x4E00, 0x9FFF).Select(c => (char)c));
        Gen<HmacCase> generator =
            from keyLength in Gen.Choose(32, 80)
            from key in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), keyLength)
            from textLength in Gen.Choose(0, 300)
            from text in Gen.ArrayOf(characters, textLength)
            select new HmacCase(key, new string(text));
        return generator.ToArbitrary();
    }

    public sealed record HmacCase(byte[] Key, string Text);
}
