using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace SyntheticData.Privacy.Internal;

/// <summary>
/// Remembers recent outputs of a deterministic operator under a 128-bit hash of the input cell and its context,
/// such as a phone region. A lookup needs no string of the cell, and the cell is not kept in memory.
/// Extracts repeat the same customer's card, phone and e-mail on many rows, and a lookup costs far less than
/// HMAC, FF1 or phone parsing.
/// </summary>
/// <remarks>
/// <para>
/// The table has fixed slots in buckets of four: 128 bytes (two cache lines) of <see cref="ShortSlotLength"/>-byte
/// slots or 256 bytes of <see cref="LongSlotLength"/>-byte ones. A slot contains a tag of the key, the output's length
/// and the output in Latin-1, one byte per character. Each key has two buckets, one chosen by each half of the key, and
/// a new entry goes to the one with more empty slots. Lookups run while the file streams through the processor's
/// caches, so a lookup often waits for main memory, and it touches only its two buckets: as many slots and cache lines
/// as one set of eight. Two choices spread the entries far more evenly than one set per key. With 180,000 customers in
/// the 262,144 entries, about 0.2% of the insertions find both buckets full, against 3.7% that find their set of eight
/// full (estimates from a simulation). A value that does not fit is made again on every row that has it.
/// </para>
/// <para>
/// The slot keeps a 64-bit tag folded from both halves of the key. Two different cells share an entry only when their
/// hashes agree on a bucket index and the tag, which is about 79 bits for the bucket counts used here. A new entry
/// takes an empty slot, or else one not used since its bucket's slots were last all used (not recently used
/// replacement). So the table never grows or empties, and the recently used values stay.
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
    /// Entries per operator: 8 MB with short slots and 16 MB with long slots, so five protected columns stay far inside
    /// the 200 MB memory target.
    /// </summary>
    public const int DefaultCapacity = 262_144;

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
    public const int Ways = 4;

    // A slot: the key's 64-bit tag, then a header byte with the output's length plus one (0 marks an empty slot) and
    // the recent flag, then the output's characters.
    private const int TagBytes = 8;
    private const int HeaderBytes = TagBytes + 1;
    private const byte RecentFlag = 0x80;

    private readonly int _capacity;
    private readonly int _bucketMask;
    private readonly int _bucketBytes;
    private byte[]? _slots;
    private int _origin;
    private long _windowLookups;
    private long _windowHits;
    private long _pausedLookupsLeft;

    /// <summary>Creates a cache of at most <paramref name="capacity"/> entries in slots of <paramref name="slotLength"/> bytes.</summary>
    /// <param name="capacity">The number of entries, rounded up to a whole power of two of buckets.</param>
    /// <param name="slotLength">Bytes per slot, header included: <see cref="ShortSlotLength"/> or <see cref="LongSlotLength"/>.</param>
    public ValueCache(int capacity = DefaultCapacity, int slotLength = ShortSlotLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (slotLength is not ShortSlotLength and not LongSlotLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(slotLength), slotLength, $"The slot length must be {ShortSlotLength} or {LongSlotLength}.");
        }

        _bucketBytes = Ways * slotLength;
        int buckets = (int)Math.Max(1, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)((capacity + Ways - 1) / Ways)));
        _capacity = buckets * Ways;
        _bucketMask = buckets - 1;
        SlotLength = slotLength;
    }

    /// <summary>Bytes per slot, header included.</summary>
    public int SlotLength { get; }

    /// <summary>The number of entries the table holds.</summary>
    public int Capacity => _capacity;

    /// <summary>The longest output the cache keeps.</summary>
    public int MaximumOutputLength => SlotLength - HeaderBytes;

    /// <summary>Returns the key of <paramref name="value"/> in <paramref name="context"/> (0 when there is none).</summary>
    public static UInt128 KeyOf(ReadOnlySpan<char> value, long context = 0) =>
        XxHash128.HashToUInt128(MemoryMarshal.AsBytes(value), context);

    /// <summary>Returns the slot length that fits outputs of up to <paramref name="outputLength"/> characters, or the longer one.</summary>
    public static int SlotLengthFor(int outputLength) =>
        outputLength <= ShortSlotLength - HeaderBytes ? ShortSlotLength : LongSlotLength;

    /// <summary>True while the cache is paused because values did not repeat.</summary>
    public bool IsPaused => _pausedLookupsLeft > 0;

    /// <summary>Looks up <paramref name="key"/>. A paused cache finds nothing.</summary>
    public bool TryGetValue(UInt128 key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        int slot = Find(key);
        value = slot < 0 ? null : Encoding.Latin1.GetString(_slots!, slot + HeaderBytes, OutputLengthAt(slot));
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

        length = OutputLengthAt(slot);
        Encoding.Latin1.GetChars(_slots.AsSpan(slot + HeaderBytes, length), destination);
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

        if (++_windowLookups >= _capacity)
        {
            EndWindow();
        }

        if (_slots is null)
        {
            return -1;
        }

        ulong tag = TagOf(key);
        int first = FirstBucket(key);
        int slot = FindIn(first, tag);
        if (slot < 0)
        {
            int second = SecondBucket(key);
            slot = second == first ? -1 : FindIn(second, tag);
        }

        if (slot >= 0)
        {
            _windowHits++;
        }

        return slot;
    }

    /// <summary>Returns the slot of <paramref name="tag"/> in a bucket and marks it recently used, or -1.</summary>
    private int FindIn(int bucket, ulong tag)
    {
        for (int way = 0; way < Ways; way++)
        {
            int slot = bucket + (way * SlotLength);
            if (_slots![slot + TagBytes] != 0 && ReadTag(slot) == tag)
            {
                MarkRecent(bucket, way);
                return slot;
            }
        }

        return -1;
    }

    private int OutputLengthAt(int slot) => (_slots![slot + TagBytes] & ~RecentFlag) - 1;

    /// <summary>
    /// Asks the processor to load the buckets of <paramref name="key"/> into its caches without waiting for them, so
    /// that a later <see cref="TryGetValue"/> finds them there. A table larger than the processor's caches otherwise
    /// makes each lookup wait for main memory, one column after the other. Does nothing without x86 prefetch
    /// instructions.
    /// </summary>
    public unsafe void Prefetch(UInt128 key)
    {
        if (_slots is null || _pausedLookupsLeft > 0 || !Sse.IsSupported)
        {
            return;
        }

        // The table is on the pinned heap, so the address stays valid. Each bucket fills two or four whole cache lines.
        byte* first = (byte*)Unsafe.AsPointer(ref _slots[FirstBucket(key)]);
        byte* second = (byte*)Unsafe.AsPointer(ref _slots[SecondBucket(key)]);
        for (int line = 0; line < _bucketBytes; line += CacheLines.LineBytes)
        {
            Sse.Prefetch0(first + line);
            Sse.Prefetch0(second + line);
        }
    }

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/> in the slot of the same key, an empty slot of the
    /// key's bucket with more of them, or one not recently used. A paused cache stores nothing, and neither does one
    /// whose slots are too short for the value or a value with a character beyond Latin-1.
    /// </summary>
    public void Add(UInt128 key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_pausedLookupsLeft > 0 || value.Length > MaximumOutputLength || !IsLatin1(value))
        {
            return;
        }

        _slots ??= CacheLines.AllocateAligned<byte>(_capacity * SlotLength, out _origin);
        ulong tag = TagOf(key);
        int first = FirstBucket(key);
        int second = SecondBucket(key);
        (int bucket, int way) = FindSlotToWrite(first, second, tag);
        int target = bucket + (way * SlotLength);
        Unsafe.WriteUnaligned(ref _slots[target], tag);
        _slots[target + TagBytes] = (byte)(value.Length + 1);
        Span<byte> output = _slots.AsSpan(target + HeaderBytes, value.Length);
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = (byte)value[i];
        }

        MarkRecent(bucket, way);
    }

    /// <summary>
    /// Returns the slot that a new entry with <paramref name="tag"/> takes: the slot with the same tag, else an empty
    /// one in the bucket with more empty slots (the first on a tie), else the first slot not recently used in one of
    /// them.
    /// </summary>
    private (int Bucket, int Way) FindSlotToWrite(int first, int second, ulong tag)
    {
        BucketScan firstScan = Scan(first, tag);
        if (firstScan.Match >= 0)
        {
            return (first, firstScan.Match);
        }

        BucketScan secondScan = second == first ? BucketScan.None : Scan(second, tag);
        if (secondScan.Match >= 0)
        {
            return (second, secondScan.Match);
        }

        if (secondScan.EmptyCount > firstScan.EmptyCount)
        {
            return (second, secondScan.FirstEmpty);
        }

        if (firstScan.EmptyCount > 0)
        {
            return (first, firstScan.FirstEmpty);
        }

        // Both buckets are full. A bit of the tag picks the bucket that loses an entry, so that evictions fall on both
        // buckets alike. A full bucket always has a slot without the flag, because flagging its last one clears the
        // others.
        return second != first && (tag & 1) != 0
            ? (second, Math.Max(secondScan.FirstNotRecent, 0))
            : (first, Math.Max(firstScan.FirstNotRecent, 0));
    }

    /// <summary>
    /// Reads the slots of a bucket: the way that contains <paramref name="tag"/>, the empty ways and the first way not
    /// recently used.
    /// </summary>
    private BucketScan Scan(int bucket, ulong tag)
    {
        BucketScan scan = BucketScan.None;
        for (int way = 0; way < Ways; way++)
        {
            int slot = bucket + (way * SlotLength);
            byte header = _slots![slot + TagBytes];
            if (header == 0)
            {
                int firstEmpty = scan.FirstEmpty < 0 ? way : scan.FirstEmpty;
                scan = scan with { FirstEmpty = firstEmpty, EmptyCount = scan.EmptyCount + 1 };
            }
            else if (ReadTag(slot) == tag)
            {
                return scan with { Match = way };
            }
            else if (scan.FirstNotRecent < 0 && (header & RecentFlag) == 0)
            {
                scan = scan with { FirstNotRecent = way };
            }
        }

        return scan;
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

    private int FirstBucket(UInt128 key) => _origin + ((int)((ulong)key & (uint)_bucketMask) * _bucketBytes);

    private int SecondBucket(UInt128 key) => _origin + ((int)((ulong)(key >> 64) & (uint)_bucketMask) * _bucketBytes);

    // Both halves go into the tag, so keys that differ in any bit outside the bucket indexes get different tags unless
    // their halves cancel out, which for hashes is as likely as any other 64-bit collision.
    private static ulong TagOf(UInt128 key) => (ulong)(key >> 64) ^ (ulong)key;

    private ulong ReadTag(int slot) => Unsafe.ReadUnaligned<ulong>(ref _slots![slot]);

    /// <summary>
    /// Flags slot <paramref name="way"/> of a bucket as recently used. When that leaves no slot of the bucket without
    /// the flag, the flags of the other slots are cleared, so the next new entry replaces one of them.
    /// </summary>
    private void MarkRecent(int bucket, int way)
    {
        byte[] slots = _slots!;
        slots[bucket + (way * SlotLength) + TagBytes] |= RecentFlag;
        for (int w = 0; w < Ways; w++)
        {
            if ((slots[bucket + (w * SlotLength) + TagBytes] & RecentFlag) == 0)
            {
                return;
            }
        }

        for (int w = 0; w < Ways; w++)
        {
            if (w != way)
            {
                slots[bucket + (w * SlotLength) + TagBytes] &= unchecked((byte)~RecentFlag);
            }
        }
    }

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

    /// <summary>What <see cref="Scan"/> found in a bucket: -1 for a way it did not find.</summary>
    private readonly record struct BucketScan(int Match, int FirstEmpty, int EmptyCount, int FirstNotRecent)
    {
        /// <summary>Nothing found, as for a bucket not scanned.</summary>
        public static BucketScan None => new(Match: -1, FirstEmpty: -1, EmptyCount: 0, FirstNotRecent: -1);
    }
}
