namespace SyntheticData.Privacy.Internal;

/// <summary>
/// Remembers recent outputs of a deterministic operator, because extracts repeat the same card, phone or
/// customer on many rows and FF1 or phone parsing costs far more than a lookup. The cache is emptied
/// when it reaches its capacity, so memory stays bounded whatever the file size. Not thread-safe.
/// </summary>
/// <typeparam name="TKey">The lookup key: the cell text, or the text with its context (such as a phone region).</typeparam>
internal sealed class BoundedCache<TKey>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    /// <summary>
    /// Entries per operator: an estimated 3 MB of strings for 16-character values, so five cached columns
    /// stay well inside the anonymizer's 200 MB memory target.
    /// </summary>
    public const int DefaultCapacity = 16_384;

    private readonly Dictionary<TKey, string> _entries = new(comparer);

    /// <summary>Looks up <paramref name="key"/>.</summary>
    public bool TryGetValue(TKey key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
        _entries.TryGetValue(key, out value);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, first emptying a full cache.</summary>
    public void Add(TKey key, string value)
    {
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[key] = value;
    }
}
