using SyntheticData.Privacy.Crypto;

namespace SyntheticData.Pipeline.Keys;

/// <summary>
/// Supplies versioned pseudonymization keys by key id. The local implementation keeps them in a key file;
/// the cloud one decrypts a KMS-encrypted data key. Pseudonyms are deterministic for one key version
/// and change when the key is rotated.
/// </summary>
public interface IKeyProvider
{
    /// <summary>Returns the current version of <paramref name="keyId"/>, creating the key if the provider may.</summary>
    /// <exception cref="KeyStoreException">The key does not exist and cannot be created, or the store is unreadable.</exception>
    Task<KeyMaterial> GetCurrentAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>Returns a given version of <paramref name="keyId"/>, to reproduce an older output.</summary>
    /// <exception cref="KeyStoreException">The key or the version does not exist.</exception>
    Task<KeyMaterial> GetVersionAsync(string keyId, int version, CancellationToken cancellationToken = default);

    /// <summary>Adds a new version of <paramref name="keyId"/> and makes it current; older versions stay readable.</summary>
    /// <exception cref="KeyStoreException">The store cannot be written.</exception>
    Task<KeyMaterial> RotateAsync(string keyId, CancellationToken cancellationToken = default);
}
