using System.Security.Cryptography;
using System.Text;

namespace SyntheticData.Privacy.Crypto;

/// <summary>
/// Derives a 256-bit subkey per purpose from a key version with HKDF-SHA256 (RFC 5869).
/// </summary>
public static class KeyDerivation
{
    /// <summary>Returns the 32-byte subkey of <paramref name="key"/> for <paramref name="purpose"/>.</summary>
    public static byte[] Derive(KeyMaterial key, KeyPurpose purpose)
    {
        // The info string carries a format version so that a later change of derivation cannot
        // silently collide with outputs made by this one.
        byte[] info = Encoding.UTF8.GetBytes("synthetic-data/" + purpose + "/v1");
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Bytes.ToArray(), 32, salt: [], info: info);
    }
}
