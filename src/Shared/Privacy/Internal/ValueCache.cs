using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace SyntheticData.Privacy.Internal;

/// <summary>
/// Remembers recent outputs of a deterministic operator under a 128-bit hash of the input cell and its context,
/// such as a phone region. A lookup needs no string of the cell, and the cell is not kept in memory.
/// Extracts repeat the same customer's card, phone and e-mail on many rows, and a lookup costs far less than
/// HMAC, FF1 or phone parsing. Two different cells share an entry only on a 128-bit collision.
/// </summary>
/// <remarks>
/// <para>
/// The table is two-way set-associative with fixed slots: each key has one set of two slots, and a slot contains the key,
/// the output's length and its characters. Lookups run while the file streams through the processor's caches, so a
/// lookup often waits for main memory. A lookup here touches one set (128 bytes, or 256 with long slots), where a
/// dictionary touched a bucket, an entry and the output. A new entry replaces the less recently used slot of its set, so the table never grows or
/// empties, and the most repeated values stay when more values come than it holds.
/// </para>
/// <para>
/// Outputs longer than <see cref="SlotLength"/> minus the header are not kept. When fewer than
/// <see cref="MinimumHitShare"/> of the lookups in a window of <c>capacity</c> lookups hit, the values rarely repeat and
/// the table only costs memory traffic, so it pauses for <see cref="PauseWindows"/> windows before it tries again.
/// Not thread-safe.
/// </para>
/// </remarks>
internal sealed class ValueCache
{
    /// <summary>
    /// Entries per operator: 8 MB with 32-character slots and 16 MB with 64-character slots, so five protected columns
    /// stay far inside the 200 MB memory target.
    /// </summary>
    public const int DefaultCapacity = 131_072;

    /// <summary>Characters per slot for outputs of up to 23 characters (64 bytes).</summary>
    public const int ShortSlotLength = 32;

    /// <summary>Characters per slot for outputs of up to 55 characters (128 bytes), such as grouped IBAN tokens.</summary>
    public const int LongSlotLength = 64;

    /// <summary>
    /// The share of lookups that must hit over one window for the cache to keep working. A miss costs a lookup and an
    /// insert into a table larger than the processor's caches. A hit saves an HMAC, FF1 or phone parse of about a
    /// microsecond. Below about one hit in five the cache costs more than it saves (an estimate from profiles).
    /// </summary>
    public const double MinimumHitShare = 0.2;

    /// <summary>How many windows of lookups a paused cache lets pass before it works again.</summary>
    public const int PauseWindows = 4;

    // A slot: the key in 8 characters, then the output's length plus one (0 marks an empty slot) with the recent flag,
    // then the output's characters.
    private const int KeyLength = 8;
    private const int HeaderLength = KeyLength + 1;
    private const char RecentFlag = (char)0x8000;
    private const int Ways = 2;

    private readonly int _capacity;
    private readonly int _setMask;
    private char[]? _slots;
    private int _origin;
    private long _windowLookups;
    private long _windowHits;
    private long _pausedLookupsLeft;

    /// <summary>Creates a cache of at most <paramref name="capacity"/> entries in slots of <paramref name="slotLength"/> characters.</summary>
    /// <param name="capacity">The number of entries, rounded up to a power of two of at least two.</param>
    /// <param name="slotLength">Characters per slot, header included: <see cref="ShortSlotLength"/> or <see cref="LongSlotLength"/>.</param>
    public ValueCache(int capacity = DefaultCapacity, int slotLength = ShortSlotLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (slotLength is not ShortSlotLength and not LongSlotLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(slotLength), slotLength, $"The slot length must be {ShortSlotLength} or {LongSlotLength}.");
        }

        int sets = (int)Math.Max(1, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)((capacity + Ways - 1) / Ways)));
        _capacity = sets * Ways;
        _setMask = sets - 1;
        SlotLength = slotLength;
    }

    /// <summary>Characters per slot, header included.</summary>
    public int SlotLength { get; }

    /// <summary>The longest output the cache keeps.</summary>
    public int MaximumOutputLength => SlotLength - HeaderLength;

    /// <summary>Returns the key of <paramref name="value"/> in <paramref name="context"/> (0 when there is none).</summary>
    public static UInt128 KeyOf(ReadOnlySpan<char> value, long context = 0) =>
        XxHash128.HashToUInt128(MemoryMarshal.AsBytes(value), context);

    /// <summary>Returns the slot length that fits outputs of up to <paramref name="outputLength"/> characters, or the longer one.</summary>
    public static int SlotLengthFor(int outputLength) =>
        outputLength <= ShortSlotLength - HeaderLength ? ShortSlotLength : LongSlotLength;

    /// <summary>True while the cache is paused because values did not repeat.</summary>
    public bool IsPaused => _pausedLookupsLeft > 0;

    /// <summary>Looks up <paramref name="key"/>. A paused cache finds nothing.</summary>
    public bool TryGetValue(UInt128 key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = null;
        if (_pausedLookupsLeft > 0)
        {
            _pausedLookupsLeft--;
            return false;
        }

        if (++_windowLookups >= _capacity)
        {
            EndWindow();
        }

        if (_slots is null)
        {
            return false;
        }

        int set = SetStart(key);
        for (int way = 0; way < Ways; way++)
        {
            int slot = set + (way * SlotLength);
            char header = _slots[slot + KeyLength];
            if (header != 0 && ReadKey(slot) == key)
            {
                _windowHits++;
                MarkRecent(set, way);
                value = new string(_slots, slot + HeaderLength, (header & ~RecentFlag) - 1);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Asks the processor to load the set of <paramref name="key"/> into its caches without waiting for it, so that a
    /// later <see cref="TryGetValue"/> finds it there. A table larger than the processor's caches otherwise makes each
    /// lookup wait for main memory, one column after the other. Does nothing without x86 prefetch instructions.
    /// </summary>
    public unsafe void Prefetch(UInt128 key)
    {
        if (_slots is null || _pausedLookupsLeft > 0 || !Sse.IsSupported)
        {
            return;
        }

        // The table is on the pinned heap, so the address stays valid. Each way starts a cache line.
        int set = SetStart(key);
        for (int way = 0; way < Ways; way++)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref _slots[set + (way * SlotLength)]));
        }
    }

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/>, replacing the less recently used entry of its set.
    /// A paused cache, and one whose slots are too short for the value, store nothing.
    /// </summary>
    public void Add(UInt128 key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_pausedLookupsLeft > 0 || value.Length > MaximumOutputLength)
        {
            return;
        }

        _slots ??= CacheLines.AllocateAligned<char>(_capacity * SlotLength, out _origin);
        int set = SetStart(key);
        int way = 0;
        for (int w = 0; w < Ways; w++)
        {
            int slot = set + (w * SlotLength);
            char header = _slots[slot + KeyLength];
            if (header == 0 || ReadKey(slot) == key)
            {
                way = w;
                break;
            }

            if ((header & RecentFlag) == 0)
            {
                way = w;
            }
        }

        int target = set + (way * SlotLength);
        Unsafe.WriteUnaligned(ref Unsafe.As<char, byte>(ref _slots[target]), key);
        _slots[target + KeyLength] = (char)(value.Length + 1);
        value.CopyTo(_slots.AsSpan(target + HeaderLength));
        MarkRecent(set, way);
    }

    /// <summary>Drops every entry and the memory that held them, for example when a run ends.</summary>
    public void Release()
    {
        _slots = null;
        _windowLookups = 0;
        _windowHits = 0;
        _pausedLookupsLeft = 0;
    }

    /// <summary>Ends a window of lookups: pauses the cache when too few of them hit.</summary>
    private void EndWindow()
    {
        if (_windowHits < _windowLookups * MinimumHitShare)
        {
            _pausedLookupsLeft = (long)_capacity * PauseWindows;
        }

        _windowLookups = 0;
        _windowHits = 0;
    }

    private int SetStart(UInt128 key) => _origin + ((int)((ulong)key & (uint)_setMask) * Ways * SlotLength);

    private UInt128 ReadKey(int slot) => Unsafe.ReadUnaligned<UInt128>(ref Unsafe.As<char, byte>(ref _slots![slot]));

    /// <summary>Flags the slot <paramref name="way"/> of a set as the recent one and clears the flag of the other.</summary>
    private void MarkRecent(int set, int way)
    {
        for (int w = 0; w < Ways; w++)
        {
            ref char header = ref _slots![set + (w * SlotLength) + KeyLength];
            header = w == way ? (char)(header | RecentFlag) : (char)(header & ~RecentFlag);
        }
    }
}
