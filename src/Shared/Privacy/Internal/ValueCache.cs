using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace SyntheticData.Privacy.Internal;

/// <summary>
/// Remembers recent outputs of a deterministic operator under a 128-bit hash of the input cell and its context,
/// such as a phone region. A lookup needs no string of the cell, and the cell is not kept in memory.
/// Extracts repeat the same customer's card, phone and e-mail on many rows, and a lookup costs far less than
/// HMAC, FF1 or phone parsing. Two different cells share an entry only on a 128-bit collision.
/// Outputs are kept as characters in reusable blocks rather than as strings. Emptying a full cache therefore
/// leaves no long-lived garbage behind, and a hit makes a short-lived string.
/// The cache is emptied when it reaches its capacity, so memory stays bounded. When a whole fill of the cache
/// found fewer than <see cref="MinimumHitShare"/> of its lookups, the values rarely repeat and the cache only costs
/// memory traffic, so it pauses for <see cref="PauseFills"/> capacities' worth of lookups before it tries again.
/// Not thread-safe.
/// </summary>
internal sealed class ValueCache
{
    /// <summary>
    /// Entries per operator: about 90 bytes each with a 20-character output (table entry, bucket and characters),
    /// so about 12 MB per operator and 60 MB for five protected columns, inside the 200 MB memory target.
    /// </summary>
    public const int DefaultCapacity = 131_072;

    /// <summary>
    /// The share of lookups that must hit over one fill for the cache to keep working. A miss costs a lookup and an
    /// insert into a table larger than the processor's caches. A hit saves an HMAC, FF1 or phone parse of a few
    /// microseconds. Below about one hit in five the cache costs more than it saves (an estimate from profiles).
    /// </summary>
    public const double MinimumHitShare = 0.2;

    /// <summary>How many capacities' worth of lookups a paused cache lets pass before it fills again.</summary>
    public const int PauseFills = 4;

    private readonly int _capacity;
    private Dictionary<UInt128, Location> _entries = [];
    // Blocks of BlockLength characters. An output never spans two blocks, and emptying the cache keeps the blocks for reuse.
    private const int BlockShift = 15;
    private const int BlockLength = 1 << BlockShift;
    private readonly List<char[]> _blocks = [];
    private int _textLength;
    private long _lookups;
    private long _hits;
    private long _pausedLookupsLeft;

    /// <summary>Creates a cache of at most <paramref name="capacity"/> entries.</summary>
    public ValueCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Returns the key of <paramref name="value"/> in <paramref name="context"/> (0 when there is none).</summary>
    public static UInt128 KeyOf(ReadOnlySpan<char> value, long context = 0) =>
        XxHash128.HashToUInt128(MemoryMarshal.AsBytes(value), context);

    /// <summary>True while the cache is paused because values did not repeat.</summary>
    public bool IsPaused => _pausedLookupsLeft > 0;

    /// <summary>Looks up <paramref name="key"/>. A paused cache finds nothing.</summary>
    public bool TryGetValue(UInt128 key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        if (_pausedLookupsLeft > 0)
        {
            _pausedLookupsLeft--;
            value = null;
            return false;
        }

        _lookups++;
        if (_entries.TryGetValue(key, out Location location))
        {
            _hits++;
            value = new string(_blocks[location.Start >> BlockShift], location.Start & (BlockLength - 1), location.Length);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Stores <paramref name="value"/> under a new <paramref name="key"/>, first emptying a full cache. A paused cache stores nothing.</summary>
    public void Add(UInt128 key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_pausedLookupsLeft > 0)
        {
            return;
        }

        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
            _textLength = 0;
            if (_hits < _lookups * MinimumHitShare)
            {
                // The table and blocks stay allocated, so pausing and filling again makes no garbage.
                _pausedLookupsLeft = (long)_capacity * PauseFills;
            }

            _lookups = 0;
            _hits = 0;
            if (_pausedLookupsLeft > 0)
            {
                return;
            }
        }

        if (value.Length > BlockLength)
        {
            return;
        }

        ref Location location = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, key, out bool exists);
        if (exists)
        {
            return;
        }

        int offset = _textLength & (BlockLength - 1);
        if (offset + value.Length > BlockLength)
        {
            // The output does not fit in the rest of this block, so it starts the next one.
            _textLength += BlockLength - offset;
        }

        int block = _textLength >> BlockShift;
        if (block == _blocks.Count)
        {
            _blocks.Add(new char[BlockLength]);
        }

        value.CopyTo(_blocks[block].AsSpan(_textLength & (BlockLength - 1)));
        location = new Location(_textLength, value.Length);
        _textLength += value.Length;
    }

    /// <summary>Drops every entry and the memory that held them, for example when a run ends.</summary>
    public void Release()
    {
        _entries = [];
        _blocks.Clear();
        _textLength = 0;
        _lookups = 0;
        _hits = 0;
        _pausedLookupsLeft = 0;
    }

    /// <summary>The position of one output in the character blocks.</summary>
    private readonly record struct Location(int Start, int Length);
}
