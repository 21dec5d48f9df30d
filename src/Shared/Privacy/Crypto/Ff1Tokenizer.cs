using System.Text;

namespace SyntheticData.Privacy.Crypto;

/// <summary>
/// FF1 format-preserving encryption (NIST SP 800-38G), keyed by the token subkey of one key version.
/// It runs on <see cref="FastFf1"/>, whose output the tests check against BouncyCastle's FF1 engine
/// bit for bit, so tokens are the ones BouncyCastle would write. Encrypts symbol strings of a radix
/// (10 for digits, 36 for letters and digits) so that the token has the same length and alphabet as the
/// input. Not thread-safe: use one instance per thread.
/// </summary>
public sealed class Ff1Tokenizer
{
    /// <summary>
    /// The shortest input FF1 accepts here. NIST SP 800-38G Rev. 1 requires a domain of at least one
    /// million values, which is six decimal digits; shorter inputs must use another transformation.
    /// </summary>
    public const int MinimumDecimalLength = 6;

    private readonly byte[] _key;
    private readonly Dictionary<(int Radix, string Tweak), FastFf1> _engines = [];

    /// <summary>Creates a tokenizer with the token subkey of <paramref name="key"/>.</summary>
    public Ff1Tokenizer(KeyMaterial key)
    {
        _key = KeyDerivation.Derive(key, KeyPurpose.FormatPreservingToken);
    }

    /// <summary>
    /// Encrypts <paramref name="symbols"/> (each 0 to radix - 1) in place. The tweak separates domains,
    /// so that the same digits under another tweak give an unrelated token.
    /// </summary>
    /// <exception cref="ArgumentException">A symbol is outside the radix, or the domain is below one million values.</exception>
    public void Encrypt(Span<byte> symbols, int radix, string tweak) => GetEngine(radix, tweak).Encrypt(symbols);

    /// <summary>
    /// Returns the FF1 engine of <paramref name="radix"/> and <paramref name="tweak"/>, made on first use, so
    /// that a caller with a fixed tweak can skip the lookup per value. The engine validates each input as
    /// <see cref="Encrypt"/> does and, like this tokenizer, is not thread-safe.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The radix is outside 2 to 256.</exception>
    internal FastFf1 GetEngine(int radix, string tweak)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(radix, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(radix, 256);
        if (!_engines.TryGetValue((radix, tweak), out FastFf1? engine))
        {
            engine = new FastFf1(_key, radix, Encoding.UTF8.GetBytes(tweak));
            _engines.Add((radix, tweak), engine);
        }

        return engine;
    }
}
