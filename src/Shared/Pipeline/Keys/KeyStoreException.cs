namespace SyntheticData.Pipeline.Keys;

/// <summary>
/// A key cannot be provided: the key or version does not exist, or the key store is unreadable, corrupt or
/// too widely readable. Messages name the key id, version and file, never key material.
/// </summary>
public sealed class KeyStoreException : Exception
{
    public KeyStoreException()
    {
    }

    public KeyStoreException(string message)
        : base(message)
    {
    }

    public KeyStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
