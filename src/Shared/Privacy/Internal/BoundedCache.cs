namespace SyntheticData.Privacy.Internal;

/// <summary>
/// Remembers recent outputs of a deterministic operator, because extracts repeat the same card, phone or
/// customer on many rows and FF1 or phone parsing costs far more than a lookup. The cache is emptied
/// when it reaches its capacity, so memory stays bounded whatever the file size.
/// </summary>
internal sealed class BoundedCache(int capacity)
{
    /// <summary>
    /// Entries per operator: an estimated 3 MB of strings for 16-character values, so five cached columns
    /// stay well inside the anonymizer's 200 MB memory target.
    /// </summary>
    public const int DefaultCapacity = 16_384;

    private readonly Dictionary<string, string> _entries = new(StringComparer.Ordinal);

    public string GetOrAdd(string key, Func<string, string> create)
    {
        if (_entries.TryGetValue(key, out string? cached))
        {
            return cached;
        }

        string created = create(key);
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[key] = created;
        return created;
    }
}
