using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using SyntheticData.Privacy.Internal;

namespace SyntheticData.Privacy.Crypto;

/// <summary>
/// Computes keyed pseudonyms: HMAC-SHA256 over the UTF-8 bytes of a normalised value, written as
/// lower-case letters (base 26). The same key version and value always give the same pseudonym, and another
/// key version gives an unrelated one. Letters only are used so that a pseudonym is never taken for a
/// card or phone number on a rescan. Safe to share between threads.
/// </summary>
public sealed class HmacPseudonymizer
{
    private const int HashLength = 32;
    private const int StackBufferLength = 512;

    private readonly byte[] _key;

    // The HMAC on OpenSSL's SHA-256 block function, or null where that is not available.
    private readonly BlockHmacSha256? _blockHmac;

    // Without the block function: a reusable HMAC keeps its keyed inner and outer states, so a call
    // costs the hash work only. HMACSHA256.HashData builds and frees an OpenSSL context per call, which
    // costs more than the hash of a short value (the operator-cost benchmark measures both). A thread
    // takes the instance out of this slot for one hash. A thread that finds the slot empty uses the
    // one-shot call, which gives the same bytes.
    private IncrementalHash? _idleHmac;

    /// <summary>Creates a pseudonymizer with the pseudonym subkey of <paramref name="key"/>.</summary>
    public HmacPseudonymizer(KeyMaterial key)
        : this(key, useBlockFunction: true)
    {
    }

    /// <summary>Creates a pseudonymizer, with <paramref name="useBlockFunction"/> false forcing the .NET HMAC.</summary>
    internal HmacPseudonymizer(KeyMaterial key, bool useBlockFunction)
    {
        _key = KeyDerivation.Derive(key, KeyPurpose.Pseudonym);
        _blockHmac = useBlockFunction ? BlockHmacSha256.TryCreate(_key) : null;
        _idleHmac = _blockHmac is null ? IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key) : null;
    }

    /// <summary>Writes the 32-byte HMAC of <paramref name="normalized"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    public void ComputeHash(ReadOnlySpan<char> normalized, Span<byte> destination)
    {
        if (destination.Length < HashLength)
        {
            throw new ArgumentException(
                $"The destination must hold {HashLength} bytes, but it holds {destination.Length}.", nameof(destination));
        }

        int byteCount = Encoding.UTF8.GetMaxByteCount(normalized.Length);
        byte[]? rented = byteCount > StackBufferLength ? ArrayPool<byte>.Shared.Rent(byteCount) : null;
        Span<byte> buffer = rented ?? stackalloc byte[byteCount];
        try
        {
            int written = Encoding.UTF8.GetBytes(normalized, buffer);
            ComputeHash(buffer[..written], destination);
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
        Span<byte> hash = stackalloc byte[HashLength];
        ComputeHash(normalized, hash);
        Span<char> letters = stackalloc char[length];
        LetterEncoding.Encode(hash, letters);
        return prefix.Length == 0 ? new string(letters) : string.Concat(prefix, letters);
    }

    private void ComputeHash(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        if (_blockHmac is not null)
        {
            _blockHmac.ComputeHash(message, destination);
            return;
        }

        IncrementalHash? hmac = Interlocked.Exchange(ref _idleHmac, null);
        if (hmac is null)
        {
            HMACSHA256.HashData(_key, message, destination);
            return;
        }

        // The instance goes back only after a complete hash, so a call that throws never leaves a
        // half-fed HMAC in the slot. Later calls then take the one-shot path.
        hmac.AppendData(message);
        hmac.TryGetHashAndReset(destination, out _);
        Volatile.Write(ref _idleHmac, hmac);
    }
}
