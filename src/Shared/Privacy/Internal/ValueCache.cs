using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace SyntheticData.Privacy.Internal;

/// <summary>
/// Remembers recent outputs of a deterministic operator under a 128-bit hash of the input cell and its context,
/// such as a phone region. A lookup needs no string of the cell, and the cell is not kept in memory.
/// Extracts repeat the same customer's card, phone and e-mail on many rows, and a lookup costs far less than
/// HMAC, FF1 or phone parsing. Two different cells share an entry only on a 128-bit collision.
/// The cache is emptied when it reaches its capacity, so memory stays bounded. Not thread-safe.
/// </summary>
internal sealed class ValueCache
{
    /// <summary>
    /// Entries per operator: about 100 bytes each with a 16-character output, so about 13 MB per operator and
    /// 65 MB for five protected columns, inside the anonymizer's 200 MB memory target.
    /// </summary>
    public const int DefaultCapacity = 131_072;

    private readonly int _capacity;
    private readonly Dictionary<UInt128, string> _entries = [];

    /// <summary>Creates a cache of at most <paramref name="capacity"/> entries.</summary>
    public ValueCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Returns the key of <paramref name="value"/> in <paramref name="context"/> (0 when there is none).</summary>
    public static UInt128 KeyOf(ReadOnlySpan<char> value, long context = 0) =>
        XxHash128.HashToUInt128(MemoryMarshal.AsBytes(value), context);

    /// <summary>Looks up <paramref name="key"/>.</summary>
    public bool TryGetValue(UInt128 key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
        _entries.TryGetValue(key, out value);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, first emptying a full cache.</summary>
    public void Add(UInt128 key, string value)
    {
        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }

        _entries[key] = value;
    }
}
