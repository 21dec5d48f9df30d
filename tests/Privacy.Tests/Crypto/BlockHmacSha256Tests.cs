using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SyntheticData.Privacy.Crypto;

namespace SyntheticData.Privacy.Tests.Crypto;

public sealed class BlockHmacSha256Tests
{
    /// <summary>The HMAC-SHA256 test cases of RFC 4231 without truncation (1 to 4, 6 and 7).</summary>
    public static TheoryData<string, string, string> Rfc4231Cases => new()
    {
        { string.Concat(Enumerable.Repeat("0b", 20)), Hex("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
        { Hex("Jefe"), Hex("what do ya want for nothing?"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
        { string.Concat(Enumerable.Repeat("aa", 20)), string.Concat(Enumerable.Repeat("dd", 50)), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
        { "0102030405060708090a0b0c0d0e0f10111213141516171819", string.Concat(Enumerable.Repeat("cd", 50)), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b" },
        { string.Concat(Enumerable.Repeat("aa", 131)), Hex("Test Using Larger Than Block-Size Key - Hash Key First"), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" },
        {
            string.Concat(Enumerable.Repeat("aa", 131)),
            Hex("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        },
    };

    [Fact]
    public void IsAvailable_OnLinuxWithOpenSsl3()
    {
        // .NET uses OpenSSL for its own cryptography on Linux. Debian 12 and Amazon Linux 2023 ship version 3.
        Assert.True(!OperatingSystem.IsLinux() || BlockHmacSha256.IsAvailable, "SHA256_Transform was not found in libcrypto.so.3.");
    }

    [Theory]
    [MemberData(nameof(Rfc4231Cases))]
    public void ComputeHash_MatchesRfc4231(string keyHex, string dataHex, string expectedHex)
    {
        BlockHmacSha256 hmac = Create(Convert.FromHexString(keyHex));
        byte[] actual = new byte[32];

        hmac.ComputeHash(Convert.FromHexString(dataHex), actual);

        Assert.Equal(expectedHex, Convert.ToHexStringLower(actual));
    }

    [Fact]
    public void ComputeHash_EachLength_MatchesDotNet()
    {
        // Lengths 55, 56, 63, 64, 119 and 120 change how many padding blocks follow the message.
        byte[] key = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray();
        BlockHmacSha256 hmac = Create(key);
        byte[] message = Enumerable.Range(0, 200).Select(i => (byte)(i * 13)).ToArray();
        byte[] actual = new byte[32];
        for (int length = 0; length <= message.Length; length++)
        {
            hmac.ComputeHash(message.AsSpan(0, length), actual);
            Assert.True(
                HMACSHA256.HashData(key, message.AsSpan(0, length)).AsSpan().SequenceEqual(actual),
                $"The HMAC of a {length}-byte message differs.");
        }
    }

    [Property(MaxTest = 300)]
    public Property ComputeHash_MatchesDotNetHmac() =>
        Prop.ForAll(Cases(), testCase =>
        {
            BlockHmacSha256 hmac = Create(testCase.Key);
            byte[] actual = new byte[32];

            hmac.ComputeHash(testCase.Message, actual);

            Assert.Equal(HMACSHA256.HashData(testCase.Key, testCase.Message), actual);
        });

    [Fact]
    public void ComputeHash_RejectsShortDestination()
    {
        BlockHmacSha256 hmac = Create(new byte[32]);

        Assert.Throws<ArgumentException>(() => hmac.ComputeHash("value"u8, new byte[31]));
    }

    [Fact]
    public void Pseudonymizer_GivesTheSameHashOnBothPaths()
    {
        KeyMaterial key = new("paths", 1, Enumerable.Range(3, 32).Select(i => (byte)i).ToArray());
        HmacPseudonymizer block = new(key, useBlockFunction: true);
        HmacPseudonymizer portable = new(key, useBlockFunction: false);
        for (int i = 0; i < 500; i++)
        {
            string text = new string('x', i % 90) + i;
            Assert.Equal(portable.Pseudonymize(text, 27), block.Pseudonymize(text, 27));
        }
    }

    private static BlockHmacSha256 Create(byte[] key) =>
        BlockHmacSha256.TryCreate(key) ?? throw new InvalidOperationException("SHA256_Transform was not found in libcrypto.so.3.");

    private static string Hex(string text) => Convert.ToHexString(Encoding.ASCII.GetBytes(text));

    private static Arbitrary<HmacCase> Cases()
    {
        // Keys of 0 to 140 bytes (longer than a block are hashed first) and messages of 0 to 300 bytes.
        Gen<HmacCase> generator =
            from keyLength in Gen.Choose(0, 140)
            from key in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), keyLength)
            from messageLength in Gen.Choose(0, 300)
            from message in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), messageLength)
            select new HmacCase(key, message);
        return generator.ToArbitrary();
    }

    public sealed record HmacCase(byte[] Key, byte[] Message);
}
