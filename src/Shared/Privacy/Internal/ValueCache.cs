using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace SyntheticData.Privacy.Internal;

/// <summary>
/// Remembers recent outputs of a deterministic operator under a 64-bit hash of the input cell and its context,
/// such as a phone region. A lookup needs no string of the cell, and the cell is not kept in memory.
/// Extracts repeat the same customer's card, phone and e-mail on many rows, and a lookup costs far less than
/// HMAC, FF1 or phone parsing.
/// </summary>
/// <remarks>
/// <para>
/// The table (<see cref="SlotTable"/>) has fixed slots in buckets of four: 128 bytes (two cache lines) of
/// <see cref="ShortSlotLength"/>-byte slots or 256 bytes of <see cref="LongSlotLength"/>-byte ones. A slot contains a
/// 64-bit tag of the key, the output's length and the output in Latin-1, one byte per
/// character. Each tag has two buckets, one chosen by each half of the tag, and a new entry goes to the one with more
/// empty slots. Lookups run while the file streams through the processor's caches, so a lookup often waits for main
/// memory. It touches only its two buckets: as many slots and cache lines as one set of eight.
/// </para>
/// <para>
/// Two choices spread the entries far more evenly than one set per key. With 180,000 customers in the 262,144 entries,
/// about 0.2% of the insertions find both buckets full, against 3.7% that find their set of eight full (estimates from
/// a simulation). A value that does not fit is made again on every row that has it. A new entry takes an empty slot,
/// or else one not used since its bucket's slots were last all used (not recently used replacement), so the recently
/// used values stay. Two different cells share an entry only when their 64-bit tags agree: for hashes, about one
/// chance in 2^64 per comparison.
/// </para>
/// <para>
/// The first table has <see cref="InitialCapacity"/> entries. When more than five eighths of its slots are filled, a
/// table of the full capacity takes over its entries, so no output is made again. Below that load about one insertion
/// in a thousand finds both buckets full (an estimate from a simulation). A small extract thus works in tables that
/// fit the processor's caches. In the 100 MB extract with twenty transactions per customer (18,000 customers), a fixed
/// table of 32,768 entries per operator took 9% less CPU time than one of 262,144. Growing in one step copies each
/// entry once. Growing by doubling from 16,384 entries took 8% more CPU time in the 100 MB extract with four
/// transactions per customer, mostly for the copies and the pages of the four tables it went through.
/// </para>
/// <para>
/// Outputs longer than <see cref="MaximumOutputLength"/>, and outputs with a character beyond Latin-1, are not kept.
/// When fewer than <see cref="MinimumHitShare"/> of the lookups in a window of <c>capacity</c> lookups hit, the values
/// rarely repeat and the table only costs memory traffic, so it pauses for <see cref="PauseWindows"/> windows before
/// it tries again. Not thread-safe.
/// </para>
/// </remarks>
internal sealed class ValueCache
{
    /// <summary>
    /// The maximum number of entries per operator: 8 MB with short slots and 16 MB with long slots. A plan lowers it
    /// when the caches of all its columns would pass <c>AnonymizationPlan.CacheBudgetBytes</c>.
    /// </summary>
    public const int DefaultCapacity = 262_144;

    /// <summary>Entries in the first table: 1 MB with short slots and 2 MB with long slots.</summary>
    public const int InitialCapacity = 32_768;

    /// <summary>Bytes per slot for outputs of up to 23 characters.</summary>
    public const int ShortSlotLength = 32;

    /// <summary>Bytes per slot for outputs of up to 55 characters, such as grouped IBAN tokens.</summary>
    public const int LongSlotLength = 64;

    /// <summary>
    /// The share of lookups that must hit over one window for the cache to keep working. A miss costs a lookup and an
    /// insert into a table larger than the processor's caches. A hit saves an HMAC, FF1 or phone parse of about a
    /// microsecond. Below about one hit in five the cache costs more than it saves (an estimate from profiles).
    /// </summary>
    public const double MinimumHitShare = 0.2;

    /// <summary>How many windows of lookups a paused cache lets pass before it works again.</summary>
    public const int PauseWindows = 4;

    /// <summary>Slots per bucket. Each key has two buckets.</summary>
    public const int Ways = SlotTable.Ways;

    private int _buckets;
    private SlotTable? _table;
    private long _windowLookups;
    private long _windowHits;
    private long _pausedLookupsLeft;

    /// <summary>Creates a cache of at most <paramref name="capacity"/> entries in slots of <paramref name="slotLength"/> bytes.</summary>
    /// <param name="capacity">The maximum number of entries, rounded up to a whole power of two of buckets.</param>
    /// <param name="slotLength">Bytes per slot, header included: <see cref="ShortSlotLength"/> or <see cref="LongSlotLength"/>.</param>
    public ValueCache(int capacity = DefaultCapacity, int slotLength = ShortSlotLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (slotLength is not ShortSlotLength and not LongSlotLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(slotLength), slotLength, $"The slot length must be {ShortSlotLength} or {LongSlotLength}.");
        }

        _buckets = BucketsFor(capacity);
        SlotLength = slotLength;
    }

    /// <summary>Bytes per slot, header included.</summary>
    public int SlotLength { get; }

    /// <summary>The maximum number of entries, reached once the table has grown.</summary>
    public int Capacity => _buckets * Ways;

    /// <summary>The entries the current table has room for, 0 before the first entry.</summary>
    public int TableCapacity => _table?.Capacity ?? 0;

    /// <summary>The bytes the table takes once it has grown to <see cref="Capacity"/>.</summary>
    public long MaximumBytes => (long)Capacity * SlotLength;

    /// <summary>
    /// Lowers <see cref="Capacity"/> to at most <paramref name="capacity"/> entries, rounded down to a whole power of two
    /// of buckets, and never below one bucket. Only a cache that has stored nothing yet can be limited.
    /// </summary>
    /// <exception cref="InvalidOperationException">The cache already has a table.</exception>
    public void LimitCapacity(int capacity)
    {
        if (_table is not null)
        {
            throw new InvalidOperationException("A cache can be limited only before it stores its first entry.");
        }

        int buckets = Math.Max(1, capacity / Ways);
        _buckets = Math.Min(_buckets, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)buckets + 1) / 2);
    }

    /// <summary>The longest output the cache keeps.</summary>
    public int MaximumOutputLength => SlotLength - SlotTable.HeaderBytes;

    /// <summary>
    /// Returns the key of <paramref name="value"/> in <paramref name="context"/> (0 when there is none): the XxHash3 of
    /// its characters, seeded with the context. The table distinguishes entries by a 64-bit tag, so the 128-bit XxHash
    /// would add nothing, and it took 1 to 3% more CPU time in the extracts with twenty per customer.
    /// </summary>
    public static UInt128 KeyOf(ReadOnlySpan<char> value, long context = 0) =>
        XxHash3.HashToUInt64(MemoryMarshal.AsBytes(value), context);

    /// <summary>Returns the slot length that fits outputs of up to <paramref name="outputLength"/> characters, or the longer one.</summary>
    public static int SlotLengthFor(int outputLength) =>
        outputLength <= ShortSlotLength - SlotTable.HeaderBytes ? ShortSlotLength : LongSlotLength;

    /// <summary>True while the cache is paused because values did not repeat.</summary>
    public bool IsPaused => _pausedLookupsLeft > 0;

    /// <summary>Looks up <paramref name="key"/>. A paused cache finds nothing.</summary>
    public bool TryGetValue(UInt128 key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        int slot = Find(key);
        value = slot < 0 ? null : Encoding.Latin1.GetString(_table!.OutputAt(slot));
        return slot >= 0;
    }

    /// <summary>
    /// Looks up <paramref name="key"/> as <see cref="TryGetValue"/> does, and copies the output into
    /// <paramref name="destination"/> instead of making a string of it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="MaximumOutputLength"/>.</exception>
    public bool TryCopyTo(UInt128 key, Span<char> destination, out int length)
    {
        if (destination.Length < MaximumOutputLength)
        {
            throw new ArgumentException($"The destination must hold {MaximumOutputLength} characters.", nameof(destination));
        }

        int slot = Find(key);
        if (slot < 0)
        {
            length = 0;
            return false;
        }

        length = Encoding.Latin1.GetChars(_table!.OutputAt(slot), destination);
        return true;
    }

    /// <summary>Returns the slot of <paramref name="key"/> and marks it recently used, or -1 on a miss.</summary>
    private int Find(UInt128 key)
    {
        if (_pausedLookupsLeft > 0)
        {
            _pausedLookupsLeft--;
            return -1;
        }

        if (++_windowLookups >= Capacity)
        {
            EndWindow();
        }

        if (_table is null)
        {
            return -1;
        }

        int slot = _table.Find(TagOf(key));

        if (slot >= 0)
        {
            _windowHits++;
        }

        return slot;
    }

    /// <summary>
    /// Asks the processor to load the buckets of <paramref name="key"/> into its caches without waiting for them, so
    /// that a later <see cref="TryGetValue"/> finds them there. A table larger than the processor's caches otherwise
    /// makes each lookup wait for main memory, one column after the other. Does nothing without x86 prefetch
    /// instructions.
    /// </summary>
    public void Prefetch(UInt128 key)
    {
        if (_table is not null && _pausedLookupsLeft <= 0)
        {
            _table.Prefetch(TagOf(key));
        }
    }

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/> in the slot of the same key, an empty slot of the
    /// key's bucket with more of them, or one not recently used. A paused cache stores nothing, and neither does one
    /// whose slots are too short for the value or a value with a character beyond Latin-1.
    /// </summary>
    [SkipLocalsInit]
    public void Add(UInt128 key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_pausedLookupsLeft > 0 || value.Length > MaximumOutputLength || !IsLatin1(value))
        {
            return;
        }

        _table ??= new SlotTable(Math.Min(_buckets, BucketsFor(InitialCapacity)), SlotLength);
        Span<byte> output = stackalloc byte[LongSlotLength];
        output = output[..value.Length];
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = (byte)value[i];
        }

        _table.Write(TagOf(key), output);
        if (_table.Capacity < Capacity && _table.Filled * 8 > _table.Capacity * 5)
        {
            Grow();
        }
    }

    /// <summary>Drops every entry and the memory that held them, for example when a run ends.</summary>
    public void Release()
    {
        _table = null;
        _windowLookups = 0;
        _windowHits = 0;
        _pausedLookupsLeft = 0;
    }

    /// <summary>Replaces the table with one of the full capacity that contains the same entries.</summary>
    private void Grow()
    {
        var larger = new SlotTable(_buckets, SlotLength);
        _table!.CopyTo(larger);
        _table = larger;
    }

    /// <summary>Ends a window of lookups: pauses the cache when too few of them hit.</summary>
    private void EndWindow()
    {
        if (_windowHits < _windowLookups * MinimumHitShare)
        {
            _pausedLookupsLeft = (long)Capacity * PauseWindows;
        }

        _windowLookups = 0;
        _windowHits = 0;
    }

    // Both halves go into the tag, so a key of 128 bits differs in its tag from others unless their halves cancel out,
    // which for hashes is as likely as any other 64-bit collision. The keys of KeyOf have no high half.
    private static ulong TagOf(UInt128 key) => (ulong)(key >> 64) ^ (ulong)key;

    private static int BucketsFor(int capacity) =>
        (int)Math.Max(1, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)((capacity + Ways - 1) / Ways)));

    private static bool IsLatin1(string value)
    {
        foreach (char c in value)
        {
            if (c > 0xFF)
            {
                return false;
            }
        }

        return true;
    }
}
