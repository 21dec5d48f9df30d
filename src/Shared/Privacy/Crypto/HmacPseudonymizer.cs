using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using SyntheticData.Privacy.Internal;

namespace SyntheticData.Privacy.Crypto;

/// <summary>
/// Computes keyed pseudonyms: HMAC-SHA256 over the UTF-8 bytes of a normalised value, written as
/// lower-case RFC 4648 base32. The same key version and value always give the same pseudonym; another
/// key version gives an unrelated one. Base32 is used because its output always contains letters, so a
/// pseudonym is never taken for a card or phone number on a rescan.
/// </summary>
public sealed class HmacPseudonymizer
{
    private readonly byte[] _key;

    /// <summary>Creates a pseudonymizer with the pseudonym subkey of <paramref name="key"/>.</summary>
    public HmacPseudonymizer(KeyMaterial key)
    {
        _key = KeyDerivation.Derive(key, KeyPurpose.Pseudonym);
    }

    /// <summary>Writes the 32-byte HMAC of <paramref name="normalized"/> into <paramref name="destination"/>.</summary>
    public void ComputeHash(ReadOnlySpan<char> normalized, Span<byte> destination)
    {
        int byteCount = Encoding.UTF8.GetMaxByteCount(normalized.Length);
        byte[]? rented = byteCount > 512 ? ArrayPool<byte>.Shared.Rent(byteCount) : null;
        Span<byte> buffer = rented ?? stackalloc byte[512];
        try
        {
            int written = Encoding.UTF8.GetBytes(normalized, buffer);
            HMACSHA256.HashData(_key, buffer[..written], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            }
        }
    }

    /// <summary>Returns the pseudonym of <paramref name="normalized"/>: the prefix, then <paramref name="length"/> letters.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The length is outside 1 to 27 (27 letters carry 126 bits).</exception>
    public string Pseudonymize(ReadOnlySpan<char> normalized, int length, string prefix = "")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, LetterEncoding.MaximumLength);
        Span<byte> hash = stackalloc byte[32];
        ComputeHash(normalized, hash);
        Span<char> letters = stackalloc char[length];
        LetterEncoding.Encode(hash, letters);
        return prefix.Length == 0 ? new string(letters) : string.Concat(prefix, letters);
    }
}
