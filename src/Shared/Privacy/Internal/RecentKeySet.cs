using System.Numerics;

namespace SyntheticData.Privacy.Internal;

/// <summary>
/// A fixed-size set of recently added 128-bit keys, such as hashes of values already found clean. It is four-way
/// set-associative: a key can sit only in the four slots of its set, which fill one 64-byte cache line, so a lookup
/// reads one line where a hash set read a bucket and an entry. A new key replaces one of its set's four keys in turn,
/// so the set never grows or empties, and a key may be forgotten: callers must treat a miss as "not known".
/// The key 0 marks an empty slot and is never remembered. Not thread-safe.
/// </summary>
internal sealed class RecentKeySet
{
    private const int Ways = 4;

    private readonly int _setMask;
    private readonly int _origin;

    // Each key is two ulongs, low half first, and each set of four keys starts on a cache line at _origin.
    private readonly ulong[] _halves;
    private readonly byte[] _nextWay;

    /// <summary>Creates a set of at least <paramref name="capacity"/> keys, rounded up to a power of two.</summary>
    public RecentKeySet(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        int sets = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, (capacity + Ways - 1) / Ways));
        _setMask = sets - 1;
        _nextWay = new byte[sets];

        _halves = CacheLines.AllocateAligned<ulong>(sets * Ways * 2, out _origin);
    }

    /// <summary>The number of keys the set can hold.</summary>
    public int Capacity => (_setMask + 1) * Ways;

    /// <summary>Returns true when <paramref name="key"/> was added and has not been replaced since.</summary>
    public bool Contains(UInt128 key)
    {
        if (key == UInt128.Zero)
        {
            return false;
        }

        int start = SlotOf(SetOf(key), 0);
        ulong low = (ulong)key;
        ulong high = (ulong)(key >> 64);
        ulong[] halves = _halves;
        for (int way = 0; way < Ways; way++)
        {
            int slot = start + (way * 2);
            if (halves[slot] == low && halves[slot + 1] == high)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds <paramref name="key"/>, replacing the oldest key of its set when the set is full.</summary>
    public void Add(UInt128 key)
    {
        if (key == UInt128.Zero || Contains(key))
        {
            return;
        }

        int set = SetOf(key);
        int way = _nextWay[set];
        int slot = SlotOf(set, way);
        _halves[slot] = (ulong)key;
        _halves[slot + 1] = (ulong)(key >> 64);
        _nextWay[set] = (byte)((way + 1) % Ways);
    }

    private int SlotOf(int set, int way) => _origin + (((set * Ways) + way) * 2);

    private int SetOf(UInt128 key) => (int)((ulong)key & (uint)_setMask);
}
