using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Org.BouncyCastle.Crypto.Fpe;
using Org.BouncyCastle.Crypto.Parameters;
using SyntheticData.Privacy.Crypto;

namespace SyntheticData.Privacy.Tests.Crypto;

public sealed class FastFf1Tests
{
    private const string Key128 = "2B7E151628AED2A6ABF7158809CF4F3C";
    private const string Key192 = "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F";
    private const string Key256 = "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94";
    private const string Digits = "0123456789";
    private const string Base36 = "0123456789abcdefghi";

    /// <summary>The nine FF1-AES samples published with NIST SP 800-38G.</summary>
    public static TheoryData<string, int, string, string, string> NistSamples => new()
    {
        { Key128, 10, "", Digits, "2433477484" },
        { Key128, 10, "39383736353433323130", Digits, "6124200773" },
        { Key128, 36, "3737373770717273373737", Base36, "a9tv40mll9kdu509eum" },
        { Key192, 10, "", Digits, "2830668132" },
        { Key192, 10, "39383736353433323130", Digits, "2496655549" },
        { Key192, 36, "3737373770717273373737", Base36, "xbj3kv35jrawxv32ysr" },
        { Key256, 10, "", Digits, "6657667009" },
        { Key256, 10, "39383736353433323130", Digits, "1001623463" },
        { Key256, 36, "3737373770717273373737", Base36, "xs8a0azh2avyalyzuwd" },
    };

    [Theory]
    [MemberData(nameof(NistSamples))]
    public void Encrypt_MatchesNistSample(string keyHex, int radix, string tweakHex, string plaintext, string expected)
    {
        byte[] key = Convert.FromHexString(keyHex);
        byte[] tweak = Convert.FromHexString(tweakHex);
        byte[] symbols = ToSymbols(plaintext);
        byte[] portableSymbols = ToSymbols(plaintext);
        using FastFf1 cipher = new(key, radix, tweak);
        using FastFf1 portableCipher = new(key, radix, tweak, useAesNi: false);

        cipher.Encrypt(symbols);
        portableCipher.Encrypt(portableSymbols);

        Assert.Equal(expected, FromSymbols(symbols));
        Assert.Equal(expected, FromSymbols(portableSymbols));
        Assert.Equal(expected, FromSymbols(EncryptWithBouncyCastle(key, radix, tweak, ToSymbols(plaintext))));
    }

    [Theory]
    [MemberData(nameof(NistSamples))]
    public void Decrypt_InvertsNistSample(string keyHex, int radix, string tweakHex, string plaintext, string ciphertext)
    {
        byte[] symbols = ToSymbols(ciphertext);
        using FastFf1 cipher = new(Convert.FromHexString(keyHex), radix, Convert.FromHexString(tweakHex));

        cipher.Decrypt(symbols);

        Assert.Equal(plaintext, FromSymbols(symbols));
    }

    [Property(MaxTest = 200)]
    public Property Encrypt_MatchesBouncyCastle() =>
        Prop.ForAll(Cases(), testCase =>
        {
            byte[] expected = EncryptWithBouncyCastle(testCase.Key, testCase.Radix, testCase.Tweak, testCase.Symbols);
            foreach (bool useAesNi in new[] { true, false })
            {
                byte[] actual = (byte[])testCase.Symbols.Clone();
                using FastFf1 cipher = new(testCase.Key, testCase.Radix, testCase.Tweak, useAesNi);

                cipher.Encrypt(actual);
                Assert.Equal(expected, actual);

                cipher.Decrypt(actual);
                Assert.Equal(testCase.Symbols, actual);
            }
        });

    [Fact]
    public void Encrypt_ReusesInstanceAcrossLengths()
    {
        byte[] key = Convert.FromHexString(Key128);
        byte[] tweak = [1, 2, 3];
        using FastFf1 cipher = new(key, 10, tweak);

        foreach (int length in new[] { 16, 7, 16, 40, 16 })
        {
            byte[] symbols = Enumerable.Range(0, length).Select(i => (byte)(i * 7 % 10)).ToArray();
            byte[] expected = EncryptWithBouncyCastle(key, 10, tweak, symbols);

            cipher.Encrypt(symbols);

            Assert.Equal(expected, symbols);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Encrypt_InterleavedLengths_MatchBouncyCastle(bool useAesNi)
    {
        // One instance encrypts lengths 6 to 40 in a shuffled order twice, so each length's cached PRF
        // prefix is reused after other lengths. The 4-byte tweak puts tweak bytes in the last PRF block.
        byte[] key = Convert.FromHexString(Key256);
        byte[] tweak = "Card"u8.ToArray();
        using FastFf1 cipher = new(key, 10, tweak, useAesNi);
        Random random = new(5);
        int[] lengths = Enumerable.Range(6, 35).Concat(Enumerable.Range(6, 35)).OrderBy(_ => random.Next()).ToArray();

        foreach (int length in lengths)
        {
            byte[] symbols = Enumerable.Range(0, length).Select(_ => (byte)random.Next(10)).ToArray();
            byte[] expected = EncryptWithBouncyCastle(key, 10, tweak, symbols);

            cipher.Encrypt(symbols);

            Assert.Equal(expected, symbols);
        }
    }

    [Fact]
    public void Encrypt_MatchesAtUInt128Limit()
    {
        // Radix 2 halves of 127 bits use UInt128 with d = 20, and halves of 128 bits use BigInteger.
        byte[] key = Convert.FromHexString(Key256);
        foreach (int length in new[] { 253, 254, 255, 256 })
        {
            byte[] symbols = Enumerable.Range(0, length).Select(i => (byte)((i * 5 / 3) & 1)).ToArray();
            byte[] expected = EncryptWithBouncyCastle(key, 2, [], symbols);
            using FastFf1 cipher = new(key, 2, []);

            cipher.Encrypt(symbols);

            Assert.Equal(expected, symbols);
        }
    }

    [Theory]
    [InlineData(10, 16)]
    [InlineData(36, 10)]
    [InlineData(2, 254)]
    public void Encrypt_AllocatesNothingOnUInt128Path(int radix, int length)
    {
        using FastFf1 cipher = new(Convert.FromHexString(Key128), radix, [7, 7, 7]);
        byte[] symbols = new byte[length];

        // Both directions run before measuring, because a first call may set up state once. About one run in four
        // counted some 2 KB in a round, outside FastFf1 as far as could be found, so the quietest of three rounds
        // counts. An allocation per call would show in every round.
        cipher.Encrypt(symbols);
        cipher.Decrypt(symbols);
        long fewest = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                cipher.Encrypt(symbols);
                cipher.Decrypt(symbols);
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
    }

    [Fact]
    public void Constructor_RejectsInvalidKeyLength()
    {
        Assert.Throws<ArgumentException>(() => new FastFf1(new byte[20], 10, []));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(257)]
    public void Constructor_RejectsInvalidRadix(int radix)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FastFf1(new byte[16], radix, []));
    }

    [Fact]
    public void Encrypt_RejectsSmallDomain()
    {
        using FastFf1 cipher = new(new byte[16], 10, []);

        Assert.Throws<ArgumentException>(() => cipher.Encrypt(new byte[5]));
    }

    [Fact]
    public void Encrypt_RejectsSymbolOutsideRadix()
    {
        using FastFf1 cipher = new(new byte[16], 10, []);
        byte[] symbols = new byte[8];
        symbols[3] = 17;

        ArgumentException error = Assert.Throws<ArgumentException>(() => cipher.Encrypt(symbols));

        Assert.DoesNotContain("17", error.Message);
        Assert.Equal(17, symbols[3]);
    }

    private static Arbitrary<Ff1Case> Cases()
    {
        Gen<Ff1Case> generator =
            from keyLength in Gen.Elements(16, 24, 32)
            from key in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), keyLength)
            from radix in Gen.OneOf(Gen.Elements(2, 10, 16, 26, 36, 62, 255, 256), Gen.Choose(2, 256))
            from length in Gen.Choose(MinimumLength(radix), 40)
            from symbols in Gen.ArrayOf(Gen.Choose(0, radix - 1).Select(symbol => (byte)symbol), length)
            from tweakLength in Gen.Choose(0, 40)
            from tweak in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), tweakLength)
            select new Ff1Case(key, radix, tweak, symbols);
        return generator.ToArbitrary();
    }

    // The shortest length with radix^length >= 1,000,000, the FF1 minimum domain.
    private static int MinimumLength(int radix)
    {
        int length = 0;
        for (long domain = 1; domain < FastFf1.MinimumDomainSize; domain *= radix)
        {
            length++;
        }

        return length;
    }

    private static byte[] EncryptWithBouncyCastle(byte[] key, int radix, byte[] tweak, byte[] symbols)
    {
        FpeFf1Engine engine = new();
        engine.Init(true, new FpeParameters(new KeyParameter(key), radix, tweak));
        byte[] buffer = (byte[])symbols.Clone();
        engine.ProcessBlock(buffer, 0, buffer.Length, buffer, 0);
        return buffer;
    }

    private static byte[] ToSymbols(string text) =>
        text.Select(c => (byte)(char.IsAsciiDigit(c) ? c - '0' : c - 'a' + 10)).ToArray();

    private static string FromSymbols(byte[] symbols) =>
        new(symbols.Select(s => (char)(s < 10 ? '0' + s : 'a' + s - 10)).ToArray());

    public sealed record Ff1Case(byte[] Key, int Radix, byte[] Tweak, byte[] Symbols)
    {
        public override string ToString() =>
            $"key {Convert.ToHexString(Key)}, radix {Radix}, tweak {Convert.ToHexString(Tweak)}, symbols [{string.Join(",", Symbols)}]";
    }
}
