namespace SyntheticData.Privacy.Crypto;

/// <summary>
/// One version of a pseudonymization key: its id, version and secret bytes. Operators take this value
/// rather than a key provider so that the privacy engine does not depend on where keys are stored.
/// <see cref="ToString"/> shows the id and version only, so the bytes never reach a log by accident.
/// </summary>
public readonly struct KeyMaterial : IEquatable<KeyMaterial>
{
    /// <summary>The smallest accepted key length in bytes (256 bits).</summary>
    public const int MinimumLength = 32;

    private readonly byte[] _bytes;

    /// <summary>Creates key material; the bytes are copied.</summary>
    /// <exception cref="ArgumentException">The id is empty, or the key is shorter than 32 bytes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is below 1.</exception>
    public KeyMaterial(string keyId, int version, ReadOnlySpan<byte> bytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        if (bytes.Length < MinimumLength)
        {
            throw new ArgumentException(
                $"A key must have at least {MinimumLength} bytes; this one has {bytes.Length}.", nameof(bytes));
        }

        KeyId = keyId;
        Version = version;
        _bytes = bytes.ToArray();
    }

    /// <summary>The key id that policies name.</summary>
    public string KeyId { get; }

    /// <summary>The key version; rotation adds a version, and pseudonyms change with it.</summary>
    public int Version { get; }

    /// <summary>The secret bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    public bool Equals(KeyMaterial other) =>
        KeyId == other.KeyId && Version == other.Version && Bytes.SequenceEqual(other.Bytes);

    public override bool Equals(object? obj) => obj is KeyMaterial other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(KeyId, Version);

    public override string ToString() => $"{KeyId} v{Version}";

    public static bool operator ==(KeyMaterial left, KeyMaterial right) => left.Equals(right);

    public static bool operator !=(KeyMaterial left, KeyMaterial right) => !left.Equals(right);
}
