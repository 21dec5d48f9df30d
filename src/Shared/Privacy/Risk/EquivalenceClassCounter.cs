using System.IO.Hashing;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace SyntheticData.Privacy.Risk;

/// <summary>
/// Counts equivalence classes (records sharing all quasi-identifier values) in one pass. Each class is
/// stored under a 128-bit XxHash128 of its quasi-identifier tuple, so memory grows with the number of
/// classes, not with the number of records or the length of the values. Records whose every
/// quasi-identifier is suppressed (<c>*</c> only) are counted apart and never form a class.
/// For each sensitive attribute the distinct values per class are counted up to <see cref="DiversityCap"/>.
/// When the counter counts entities, a class's size is the number of distinct people in it (by a 64-bit hash of
/// their id) rather than its number of records, counted up to <see cref="EntityCap"/>. All records without an id
/// in one class count as one person, because they may all belong to the same one.
/// </summary>
public sealed class EquivalenceClassCounter
{
    /// <summary>Distinct sensitive values tracked per class; l-diversity above this is reported as this value.</summary>
    public const int DiversityCap = 64;

    /// <summary>Distinct people tracked per class; a larger class is reported at this size, far above any useful k.</summary>
    public const int EntityCap = 10_000;

    private readonly int _quasiIdentifierCount;
    private readonly int _sensitiveCount;
    // A power of two, ten times the classes of a typical pair of quasi-identifiers such as gender and state, so that
    // few of them share a slot.
    private const int RecentSlots = 1024;

    // Each class's index in _entries, which keeps the entries as structs, so a class costs no object of its own.
    private readonly Dictionary<UInt128, int> _classes = [];
    private readonly List<ClassEntry> _entries = [];
    private byte[] _buffer = new byte[256];

    // Recent classes by the identity of their quasi-identifier strings. The anonymizer passes the same string instance
    // for a repeated kept value, so most records find their class here without encoding and hashing the values. Other
    // instances of equal text only miss the slot and take the keyed lookup. Slot i keeps its strings at
    // _recentValues[i * quasi-identifier count] onwards, in one array so that a lookup reads one place in memory.
    private readonly string?[] _recentValues;
    private readonly int[] _recentEntries = new int[RecentSlots];

    /// <summary>Creates a counter for a fixed number of quasi-identifiers and sensitive attributes.</summary>
    /// <param name="quasiIdentifierCount">Quasi-identifiers per record.</param>
    /// <param name="sensitiveAttributeCount">Sensitive attributes per record.</param>
    /// <param name="countsEntities">True to size classes by distinct people, passed to <see cref="Add"/>, instead of records.</param>
    public EquivalenceClassCounter(int quasiIdentifierCount, int sensitiveAttributeCount, bool countsEntities = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quasiIdentifierCount);
        ArgumentOutOfRangeException.ThrowIfNegative(sensitiveAttributeCount);
        _quasiIdentifierCount = quasiIdentifierCount;
        _sensitiveCount = sensitiveAttributeCount;
        _recentValues = new string?[RecentSlots * quasiIdentifierCount];

        // A slot without a class remembers -1.
        _recentEntries.AsSpan().Fill(-1);
        CountsEntities = countsEntities;
    }

    /// <summary>True when class sizes count distinct people rather than records.</summary>
    public bool CountsEntities { get; }

    /// <summary>Records added, suppressed ones included.</summary>
    public long Records { get; private set; }

    /// <summary>Records whose every quasi-identifier is suppressed.</summary>
    public long FullySuppressed { get; private set; }

    /// <summary>Returns true when a value is a suppression marker: one or more <c>*</c> and nothing else.</summary>
    public static bool IsSuppressed(string? value) =>
        !string.IsNullOrEmpty(value) && value.AsSpan().IndexOfAnyExcept('*') < 0;

    /// <summary>Returns the class key of a quasi-identifier tuple; missing values are distinct from empty text.</summary>
    public UInt128 KeyOf(IReadOnlyList<string?> quasiIdentifiers)
    {
        // Length-prefixed fields, so ("ab", "c") and ("a", "bc") never share a key. The loops index the list, because
        // a foreach over the interface allocates an enumerator on every record.
        int size = 0;
        for (int i = 0; i < quasiIdentifiers.Count; i++)
        {
            size += 5 + ((quasiIdentifiers[i]?.Length ?? 0) * 3);
        }

        if (_buffer.Length < size)
        {
            _buffer = new byte[Math.Max(size, _buffer.Length * 2)];
        }

        int position = 0;
        for (int i = 0; i < quasiIdentifiers.Count; i++)
        {
            string? value = quasiIdentifiers[i];
            if (value is null)
            {
                _buffer[position++] = 0;
                continue;
            }

            _buffer[position++] = 1;
            int length = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(position + 4));
            MemoryMarshal.Write(_buffer.AsSpan(position), length);
            position += 4 + length;
        }

        return XxHash128.HashToUInt128(_buffer.AsSpan(0, position));
    }

    /// <summary>Adds one record.</summary>
    /// <param name="quasiIdentifiers">The record's quasi-identifier values, as written to the output.</param>
    /// <param name="sensitiveValues">The record's sensitive attribute values.</param>
    /// <param name="entity">The id of the record's person when the counter counts entities; null when the record has none.</param>
    public void Add(IReadOnlyList<string?> quasiIdentifiers, IReadOnlyList<string?> sensitiveValues, string? entity = null)
    {
        if (quasiIdentifiers.Count != _quasiIdentifierCount || sensitiveValues.Count != _sensitiveCount)
        {
            throw new ArgumentException("The record does not have the counter's number of quasi-identifiers and sensitive attributes.");
        }

        Records++;
        int index = EntryOf(quasiIdentifiers);
        if (index < 0)
        {
            FullySuppressed++;
            return;
        }

        ref ClassEntry entry = ref CollectionsMarshal.AsSpan(_entries)[index];
        entry.Count++;
        if (CountsEntities)
        {
            HashSet<ulong> people = entry.Entities ??= [];
            if (people.Count < EntityCap)
            {
                people.Add(HashValue(entity));
            }
        }

        for (int i = 0; i < _sensitiveCount; i++)
        {
            HashSet<ulong> distinct = entry.Sensitive![i] ??= [];

            // A missing value discloses nothing, and counting it as one more value would overstate the diversity.
            if (distinct.Count < DiversityCap && !string.IsNullOrWhiteSpace(sensitiveValues[i]))
            {
                distinct.Add(HashValue(sensitiveValues[i]));
            }
        }
    }

    /// <summary>Returns the size of the class with <paramref name="key"/> (people or records), or 0 when there is none.</summary>
    public long ClassSize(UInt128 key) => _classes.TryGetValue(key, out int index) ? SizeOf(_entries[index]) : 0;

    /// <summary>Returns the keys of the classes smaller than <paramref name="k"/>.</summary>
    public HashSet<UInt128> ClassesBelow(int k) =>
        _classes.Where(pair => SizeOf(_entries[pair.Value]) < k).Select(pair => pair.Key).ToHashSet();

    /// <summary>Summarises the classes for a target <paramref name="k"/>.</summary>
    public RiskReport Report(int k, IReadOnlyList<string> sensitiveAttributes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return RiskReport.From(
            _entries.Select(SizeOf).ToArray(),
            Records,
            FullySuppressed,
            k,
            sensitiveAttributes.Select((name, index) => (name, _entries.Select(entry => entry.Sensitive![index].Count).ToArray())).ToArray(),
            CountsEntities ? _entries.Select(entry => entry.Count).ToArray() : null);
    }

    private long SizeOf(ClassEntry entry) => CountsEntities ? entry.Entities?.Count ?? 0 : entry.Count;

    // Hashes the UTF-16 text as it is, because only equality matters here and no UTF-8 copy is needed.
    private static ulong HashValue(string? value) =>
        value is null ? 0 : XxHash3.HashToUInt64(MemoryMarshal.AsBytes(value.AsSpan())) | 1;

    private static bool AllSuppressed(IReadOnlyList<string?> quasiIdentifiers)
    {
        for (int i = 0; i < quasiIdentifiers.Count; i++)
        {
            if (!IsSuppressed(quasiIdentifiers[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the index of the quasi-identifier tuple's class, added when new, or -1 when every value is suppressed.</summary>
    private int EntryOf(IReadOnlyList<string?> quasiIdentifiers)
    {
        // Arrays, which the anonymizer passes, go through the remembered classes without interface calls.
        if (quasiIdentifiers is not string?[] values)
        {
            return LookUp(quasiIdentifiers);
        }

        int slot = RecentSlotOf(values);
        Span<string?> remembered = _recentValues.AsSpan(slot * values.Length, values.Length);
        int index = _recentEntries[slot];
        if (index >= 0 && SameInstances(remembered, values))
        {
            return index;
        }

        // A fully suppressed tuple is never remembered, so a remembered one needs no suppression test.
        index = LookUp(quasiIdentifiers);
        if (index >= 0)
        {
            values.CopyTo(remembered);
            _recentEntries[slot] = index;
        }

        return index;
    }

    private static bool SameInstances(ReadOnlySpan<string?> remembered, ReadOnlySpan<string?> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!ReferenceEquals(remembered[i], values[i]))
            {
                return false;
            }
        }

        return true;
    }

    private int LookUp(IReadOnlyList<string?> quasiIdentifiers)
    {
        if (_quasiIdentifierCount > 0 && AllSuppressed(quasiIdentifiers))
        {
            return -1;
        }

        ref int index = ref CollectionsMarshal.GetValueRefOrAddDefault(_classes, KeyOf(quasiIdentifiers), out bool exists);
        if (!exists)
        {
            index = _entries.Count;
            _entries.Add(new ClassEntry { Sensitive = _sensitiveCount == 0 ? null : new HashSet<ulong>[_sensitiveCount] });
        }

        return index;
    }

    // Combines the identity hash codes of the strings (0 for null) into a slot of the recent classes.
    private static int RecentSlotOf(string?[] quasiIdentifiers)
    {
        uint hash = 0;
        for (int i = 0; i < quasiIdentifiers.Length; i++)
        {
            hash = BitOperations.RotateLeft(hash, 7) ^ (uint)RuntimeHelpers.GetHashCode(quasiIdentifiers[i]);
        }

        // The multiplication mixes all bits into the top ones, which select the slot.
        return (int)((hash * 0x9E3779B9u) >> (32 - BitOperations.Log2(RecentSlots)));
    }

    private struct ClassEntry
    {
        public long Count;
        public HashSet<ulong>? Entities;
        public HashSet<ulong>[]? Sensitive;
    }
}
