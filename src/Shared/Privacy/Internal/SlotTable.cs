using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace SyntheticData.Privacy.Internal;

/// <summary>
/// The fixed-size table of a <see cref="ValueCache"/>: slots in buckets of <see cref="Ways"/>. An entry is found by a
/// 64-bit tag of its key. Each tag has two buckets, one chosen by its low 32 bits and one by its high 32 bits, so a
/// larger table can take over the entries of a smaller one. A slot contains the tag, a header byte with the output's
/// length plus one (0 marks an empty slot) and the recent flag, then the output in Latin-1, one byte per character.
/// A new entry goes to the bucket with more empty slots, and when both are full it replaces a slot not used since its
/// bucket's slots were last all used (not recently used replacement). Not thread-safe.
/// </summary>
internal sealed class SlotTable
{
    /// <summary>Slots per bucket.</summary>
    public const int Ways = 4;

    /// <summary>Bytes before a slot's output: the tag and the header byte.</summary>
    public const int HeaderBytes = TagBytes + 1;

    private const int TagBytes = 8;
    private const byte RecentFlag = 0x80;

    // How many entries ahead a copy into a larger table requests the target's buckets.
    private const int CopyDistance = 16;

    // Tables of at least this many bytes ask for huge pages. First tables, at most 2 MB, never do.
    private const int HugePagesFrom = 4 << 20;

    private readonly byte[] _slots;
    private readonly int _origin;
    private readonly int _bucketMask;
    private readonly int _bucketBytes;
    private readonly int _slotLength;

    /// <summary>
    /// Allocates a table of <paramref name="buckets"/> buckets, a power of two, of slots of
    /// <paramref name="slotLength"/> bytes.
    /// </summary>
    public unsafe SlotTable(int buckets, int slotLength)
    {
        _slotLength = slotLength;
        _bucketBytes = Ways * slotLength;
        _bucketMask = buckets - 1;
        Capacity = buckets * Ways;
        _slots = CacheLines.AllocateAligned<byte>(Capacity * slotLength, out _origin);
        if (_slots.Length >= HugePagesFrom)
        {
            // The table is on the pinned heap, so the address stays valid.
            HugePages.Request(Unsafe.AsPointer(ref _slots[0]), _slots.Length);
        }
    }

    /// <summary>The number of slots.</summary>
    public int Capacity { get; }

    /// <summary>The number of slots that contain an entry.</summary>
    public int Filled { get; private set; }

    /// <summary>Returns the slot of <paramref name="tag"/> and marks it recently used, or -1 when none has it.</summary>
    public int Find(ulong tag)
    {
        int first = FirstBucket(tag);
        int slot = FindIn(first, tag);
        if (slot < 0)
        {
            int second = SecondBucket(tag);
            slot = second == first ? -1 : FindIn(second, tag);
        }

        return slot;
    }

    /// <summary>Returns the output of the entry in <paramref name="slot"/>, in Latin-1.</summary>
    public ReadOnlySpan<byte> OutputAt(int slot) =>
        _slots.AsSpan(slot + HeaderBytes, (_slots[slot + TagBytes] & ~RecentFlag) - 1);

    /// <summary>
    /// Asks the processor to load the buckets of <paramref name="tag"/> into its caches without waiting for them. Does
    /// nothing without x86 prefetch instructions.
    /// </summary>
    public unsafe void Prefetch(ulong tag)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        // The table is on the pinned heap, so the address stays valid. Each bucket fills two or four whole cache lines.
        byte* first = (byte*)Unsafe.AsPointer(ref _slots[FirstBucket(tag)]);
        byte* second = (byte*)Unsafe.AsPointer(ref _slots[SecondBucket(tag)]);
        for (int line = 0; line < _bucketBytes; line += CacheLines.LineBytes)
        {
            Sse.Prefetch0(first + line);
            Sse.Prefetch0(second + line);
        }
    }

    /// <summary>
    /// Stores the Latin-1 <paramref name="output"/>, at most <c>slotLength - HeaderBytes</c> bytes, under
    /// <paramref name="tag"/>, and returns its slot.
    /// </summary>
    public int Write(ulong tag, ReadOnlySpan<byte> output)
    {
        (int bucket, int way) = FindSlotToWrite(FirstBucket(tag), SecondBucket(tag), tag);
        int target = bucket + (way * _slotLength);
        if (_slots[target + TagBytes] == 0)
        {
            Filled++;
        }

        Unsafe.WriteUnaligned(ref _slots[target], tag);
        _slots[target + TagBytes] = (byte)(output.Length + 1);
        output.CopyTo(_slots.AsSpan(target + HeaderBytes));
        MarkRecent(bucket, way);
        return target;
    }

    /// <summary>
    /// Writes every entry of this table into <paramref name="target"/>, which has slots of the same length. The buckets
    /// of each entry are requested <see cref="CopyDistance"/> entries before it is written, because each write lands
    /// in a random place of a table larger than the processor's caches.
    /// </summary>
    [SkipLocalsInit]
    public void CopyTo(SlotTable target)
    {
        Span<int> pending = stackalloc int[CopyDistance];
        int count = 0;
        for (int slot = _origin; slot < _origin + (Capacity * _slotLength); slot += _slotLength)
        {
            if (_slots[slot + TagBytes] == 0)
            {
                continue;
            }

            target.Prefetch(ReadTag(slot));
            int index = count % CopyDistance;
            if (count >= CopyDistance)
            {
                target.Write(ReadTag(pending[index]), OutputAt(pending[index]));
            }

            pending[index] = slot;
            count++;
        }

        for (int i = Math.Max(0, count - CopyDistance); i < count; i++)
        {
            int slot = pending[i % CopyDistance];
            target.Write(ReadTag(slot), OutputAt(slot));
        }
    }

    /// <summary>Returns the slot of <paramref name="tag"/> in a bucket and marks it recently used, or -1.</summary>
    private int FindIn(int bucket, ulong tag)
    {
        for (int way = 0; way < Ways; way++)
        {
            int slot = bucket + (way * _slotLength);
            if (_slots[slot + TagBytes] != 0 && ReadTag(slot) == tag)
            {
                MarkRecent(bucket, way);
                return slot;
            }
        }

        return -1;
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
            int slot = bucket + (way * _slotLength);
            byte header = _slots[slot + TagBytes];
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

    private int FirstBucket(ulong tag) => _origin + ((int)(tag & (uint)_bucketMask) * _bucketBytes);

    private int SecondBucket(ulong tag) => _origin + ((int)((tag >> 32) & (uint)_bucketMask) * _bucketBytes);

    private ulong ReadTag(int slot) => Unsafe.ReadUnaligned<ulong>(ref _slots[slot]);

    /// <summary>
    /// Flags slot <paramref name="way"/> of a bucket as recently used. When that leaves no slot of the bucket without
    /// the flag, the flags of the other slots are cleared, so the next new entry replaces one of them.
    /// </summary>
    private void MarkRecent(int bucket, int way)
    {
        // No bucket is left with every flag set, so a slot that already has its flag changes nothing. Returning early
        // also keeps a hit from writing to the table, which would make the processor write the line back to memory.
        ref byte header = ref _slots[bucket + (way * _slotLength) + TagBytes];
        if ((header & RecentFlag) != 0)
        {
            return;
        }

        header |= RecentFlag;
        for (int w = 0; w < Ways; w++)
        {
            if ((_slots[bucket + (w * _slotLength) + TagBytes] & RecentFlag) == 0)
            {
                return;
            }
        }

        for (int w = 0; w < Ways; w++)
        {
            if (w != way)
            {
                _slots[bucket + (w * _slotLength) + TagBytes] &= unchecked((byte)~RecentFlag);
            }
        }
    }

    /// <summary>What <see cref="Scan"/> found in a bucket: -1 for a way it did not find.</summary>
    private readonly record struct BucketScan(int Match, int FirstEmpty, int EmptyCount, int FirstNotRecent)
    {
        /// <summary>Nothing found, as for a bucket not scanned.</summary>
        public static BucketScan None => new(Match: -1, FirstEmpty: -1, EmptyCount: 0, FirstNotRecent: -1);
    }
}
