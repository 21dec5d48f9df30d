using System.IO.Hashing;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace SyntheticData.Privacy.Risk;

/// <summary>
/// Counts equivalence classes (records sharing all quasi-identifier values) in one pass. Each class is
/// stored under a 128-bit XxHash128 of its quasi-identifier tuple, so memory does not grow with the length of the
/// values. Records whose every quasi-identifier is suppressed (<c>*</c> only) are counted apart and never form a class.
/// For each sensitive attribute the distinct values per class are counted up to <see cref="DiversityCap"/>.
/// When the counter counts entities, a class's size is the number of distinct people in it (by a 64-bit hash of
/// their id) rather than its number of records, counted up to <see cref="EntityCap"/>. All records without an id
/// in one class count as one person, because they may all belong to the same one.
/// </summary>
/// <remarks>
/// <para>
/// The first classes are counted in memory, as many as fit in about <see cref="ResidentBudgetBytes"/>. The records of
/// every later class go to temporary files instead, split by class key into <see cref="SpillPartitions"/> files, and a
/// report counts one file at a time. Quasi-identifiers such as a date of birth with a full postcode form about one class
/// per person, and without the files memory would grow with the extract. Memory now stays near the budget, plus
/// one bit per record while k is enforced, until a single file contains more classes than the budget: more than
/// <see cref="SpillPartitions"/> times the classes kept in memory.
/// </para>
/// <para>
/// The files hold class keys and hashes of entity ids and sensitive values, not the values. All hashes are seeded with
/// a number drawn once per process, so a hash in a file cannot be compared with hashes of guessed values. The files sit
/// in a folder that only the owner may open, and <see cref="Dispose"/> deletes it. Not thread-safe.
/// </para>
/// </remarks>
public sealed class EquivalenceClassCounter : IDisposable
{
    /// <summary>Distinct sensitive values tracked per class; l-diversity above this is reported as this value.</summary>
    public const int DiversityCap = 64;

    /// <summary>Distinct people tracked per class; a larger class is reported at this size, far above any useful k.</summary>
    public const int EntityCap = 10_000;

    /// <summary>The memory that the classes counted in memory may take, by an estimate per class.</summary>
    public const long ResidentBudgetBytes = 24L << 20;

    /// <summary>The files that the records of classes beyond the memory budget are split into.</summary>
    public const int SpillPartitions = 128;

    // A power of two, ten times the classes of a typical pair of quasi-identifiers such as gender and state, so that
    // few of them share a slot.
    private const int RecentSlots = 1024;

    // What LookUp returns for a record whose every quasi-identifier is suppressed, and for one whose class is on disk.
    private const int NoClass = -1;
    private const int OnDisk = -2;

    private static readonly long HashSeed = Random.Shared.NextInt64();

    private readonly int _quasiIdentifierCount;
    private readonly int _sensitiveCount;
    private readonly int _residentLimit;
    private readonly string _spillParent;
    private readonly ClassTable _resident;
    private ClassSpill? _spill;
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
    /// <param name="spillFolder">Where the temporary files go when the classes outgrow memory; null for the system's temporary folder.</param>
    /// <param name="residentClassLimit">Classes counted in memory; 0 for as many as fit in <see cref="ResidentBudgetBytes"/>.</param>
    public EquivalenceClassCounter(
        int quasiIdentifierCount,
        int sensitiveAttributeCount,
        bool countsEntities = false,
        string? spillFolder = null,
        int residentClassLimit = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quasiIdentifierCount);
        ArgumentOutOfRangeException.ThrowIfNegative(sensitiveAttributeCount);
        ArgumentOutOfRangeException.ThrowIfNegative(residentClassLimit);
        _quasiIdentifierCount = quasiIdentifierCount;
        _sensitiveCount = sensitiveAttributeCount;
        _residentLimit = residentClassLimit > 0 ? residentClassLimit : ResidentLimitFor(sensitiveAttributeCount, countsEntities);
        _spillParent = spillFolder ?? Path.GetTempPath();
        _resident = new ClassTable(sensitiveAttributeCount, countsEntities);
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

    /// <summary>Records whose class is counted from the temporary files rather than in memory.</summary>
    public long RecordsOnDisk => _spill?.Records ?? 0;

    /// <summary>Returns true when a value is a suppression marker: one or more <c>*</c> and nothing else.</summary>
    public static bool IsSuppressed(string? value) =>
        !string.IsNullOrEmpty(value) && value.AsSpan().IndexOfAnyExcept('*') < 0;

    /// <summary>
    /// Returns the class key of a quasi-identifier tuple; missing values are distinct from empty text. Keys are seeded
    /// per process, so they agree between the counters of one process only.
    /// </summary>
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

        return XxHash128.HashToUInt128(_buffer.AsSpan(0, position), HashSeed);
    }

    /// <summary>Adds one record.</summary>
    /// <param name="quasiIdentifiers">The record's quasi-identifier values, as written to the output.</param>
    /// <param name="sensitiveValues">The record's sensitive attribute values.</param>
    /// <param name="entity">The id of the record's person when the counter counts entities; null when the record has none.</param>
    [SkipLocalsInit]
    public void Add(IReadOnlyList<string?> quasiIdentifiers, IReadOnlyList<string?> sensitiveValues, string? entity = null)
    {
        if (quasiIdentifiers.Count != _quasiIdentifierCount || sensitiveValues.Count != _sensitiveCount)
        {
            throw new ArgumentException("The record does not have the counter's number of quasi-identifiers and sensitive attributes.");
        }

        long record = Records++;
        int index = EntryOf(quasiIdentifiers, out UInt128 key);
        if (index == NoClass)
        {
            FullySuppressed++;
            return;
        }

        ulong person = CountsEntities ? HashValue(entity) : 0;
        Span<ulong> sensitive = _sensitiveCount <= 32 ? stackalloc ulong[_sensitiveCount] : new ulong[_sensitiveCount];
        for (int i = 0; i < sensitive.Length; i++)
        {
            // A missing value discloses nothing, and counting it as one more value would overstate the diversity.
            string? value = sensitiveValues[i];
            sensitive[i] = string.IsNullOrWhiteSpace(value) ? 0 : HashValue(value);
        }

        if (index == OnDisk)
        {
            (_spill ??= new ClassSpill(_spillParent, _sensitiveCount, CountsEntities)).Write(key, record, person, sensitive);
        }
        else
        {
            _resident.AddMember(index, person, sensitive);
        }
    }

    /// <summary>Returns the size of the class with <paramref name="key"/> (people or records), or 0 when there is none.</summary>
    public long ClassSize(UInt128 key)
    {
        if (_resident.TryFind(key, out int index))
        {
            return _resident.SizeOf(index);
        }

        if (_spill is null)
        {
            return 0;
        }

        ClassTable partition = CountPartition(ClassSpill.PartitionOf(key));
        return partition.TryFind(key, out index) ? partition.SizeOf(index) : 0;
    }

    /// <summary>
    /// Returns the records of the classes smaller than <paramref name="k"/>, to be asked by class key and record
    /// ordinal in a second pass over the same records.
    /// </summary>
    public SmallClassSet ClassesBelow(int k)
    {
        HashSet<UInt128> residentKeys = _resident.KeysBelow(k);
        if (_spill is null)
        {
            return new SmallClassSet(residentKeys, spilledRecords: null);
        }

        ulong[] bits = new ulong[(Records + 63) / 64];
        for (int partition = 0; partition < SpillPartitions; partition++)
        {
            HashSet<UInt128> small = CountPartition(partition).KeysBelow(k);
            if (small.Count > 0)
            {
                _spill.Read(partition, (key, record, _, _) =>
                {
                    if (small.Contains(key))
                    {
                        bits[record >> 6] |= 1UL << (int)(record & 63);
                    }
                });
            }
        }

        return new SmallClassSet(residentKeys, bits);
    }

    /// <summary>Summarises the classes for a target <paramref name="k"/>.</summary>
    public RiskReport Report(int k, IReadOnlyList<string> sensitiveAttributes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentNullException.ThrowIfNull(sensitiveAttributes);
        var tally = new RiskTally(k, _sensitiveCount);
        _resident.AddTo(tally);
        if (_spill is not null)
        {
            for (int partition = 0; partition < SpillPartitions; partition++)
            {
                CountPartition(partition).AddTo(tally);
            }
        }

        return tally.ToReport(Records, FullySuppressed, sensitiveAttributes);
    }

    /// <summary>Deletes the temporary files, if any were made.</summary>
    public void Dispose()
    {
        _spill?.Dispose();
        _spill = null;
    }

    // Per class: a dictionary entry and bucket with room for the dictionary's growth, and a list entry, about 128 bytes in
    // all, and about 200 bytes for each set of distinct values: a small HashSet<ulong> with its arrays.
    private static int ResidentLimitFor(int sensitiveCount, bool countsEntities)
    {
        long perClass = 128 + (countsEntities ? 200 : 0) + (sensitiveCount * 208L);
        return (int)Math.Clamp(ResidentBudgetBytes / perClass, 1024, 1 << 20);
    }

    // Hashes the UTF-16 text as it is, because only equality matters here and no UTF-8 copy is needed. 0 stands for a
    // missing value, so every hash of a value is odd.
    private static ulong HashValue(string? value) =>
        value is null ? 0 : XxHash3.HashToUInt64(MemoryMarshal.AsBytes(value.AsSpan()), HashSeed) | 1;

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

    private ClassTable CountPartition(int partition)
    {
        var table = new ClassTable(_sensitiveCount, CountsEntities);
        _spill!.Read(partition, (key, _, person, sensitive) => table.AddMember(table.GetOrAdd(key), person, sensitive));
        return table;
    }

    /// <summary>
    /// Returns the index of the tuple's class in memory, adding it while memory allows, else <see cref="OnDisk"/> with
    /// its key, or <see cref="NoClass"/> when every value is suppressed.
    /// </summary>
    private int EntryOf(IReadOnlyList<string?> quasiIdentifiers, out UInt128 key)
    {
        key = default;

        // Arrays, which the anonymizer passes, go through the remembered classes without interface calls.
        if (quasiIdentifiers is not string?[] values)
        {
            return LookUp(quasiIdentifiers, out key);
        }

        int slot = RecentSlotOf(values);
        Span<string?> remembered = _recentValues.AsSpan(slot * values.Length, values.Length);
        int index = _recentEntries[slot];
        if (index >= 0 && SameInstances(remembered, values))
        {
            return index;
        }

        // A fully suppressed tuple and a class on disk are never remembered, so a remembered one needs no test.
        index = LookUp(quasiIdentifiers, out key);
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

    private int LookUp(IReadOnlyList<string?> quasiIdentifiers, out UInt128 key)
    {
        key = default;
        if (_quasiIdentifierCount > 0 && AllSuppressed(quasiIdentifiers))
        {
            return NoClass;
        }

        key = KeyOf(quasiIdentifiers);
        if (_resident.TryFind(key, out int index))
        {
            return index;
        }

        // Once memory is full, a new class is counted on disk, and so is every later record of it.
        return _resident.Count < _residentLimit ? _resident.Add(key) : OnDisk;
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

    /// <summary>Classes by key, each with its record count and its sets of people and distinct sensitive values.</summary>
    private sealed class ClassTable(int sensitiveCount, bool countsEntities)
    {
        // Each class's index in _entries, which keeps the entries as structs, so a class costs no object of its own.
        private readonly Dictionary<UInt128, int> _indexes = [];
        private readonly List<ClassEntry> _entries = [];

        public int Count => _entries.Count;

        public bool TryFind(UInt128 key, out int index) => _indexes.TryGetValue(key, out index);

        public int Add(UInt128 key)
        {
            int index = _entries.Count;
            _indexes.Add(key, index);
            _entries.Add(new ClassEntry { Sensitive = sensitiveCount == 0 ? null : new HashSet<ulong>?[sensitiveCount] });
            return index;
        }

        public int GetOrAdd(UInt128 key) => TryFind(key, out int index) ? index : Add(key);

        /// <summary>Counts one record into a class: its person's hash and its sensitive values' hashes, 0 for none.</summary>
        public void AddMember(int index, ulong person, ReadOnlySpan<ulong> sensitive)
        {
            ref ClassEntry entry = ref CollectionsMarshal.AsSpan(_entries)[index];
            entry.Count++;
            if (countsEntities)
            {
                HashSet<ulong> people = entry.Entities ??= [];
                if (people.Count < EntityCap)
                {
                    people.Add(person);
                }
            }

            for (int i = 0; i < sensitive.Length; i++)
            {
                if (sensitive[i] == 0)
                {
                    continue;
                }

                HashSet<ulong> distinct = entry.Sensitive![i] ??= [];
                if (distinct.Count < DiversityCap)
                {
                    distinct.Add(sensitive[i]);
                }
            }
        }

        public long SizeOf(int index) => SizeOf(_entries[index]);

        public HashSet<UInt128> KeysBelow(int k) =>
            _indexes.Where(pair => SizeOf(_entries[pair.Value]) < k).Select(pair => pair.Key).ToHashSet();

        public void AddTo(RiskTally tally)
        {
            int[] distinct = new int[sensitiveCount];
            foreach (ClassEntry entry in _entries)
            {
                for (int i = 0; i < distinct.Length; i++)
                {
                    distinct[i] = entry.Sensitive![i]?.Count ?? 0;
                }

                tally.Add(SizeOf(entry), entry.Count, distinct);
            }
        }

        private long SizeOf(ClassEntry entry) => countsEntities ? entry.Entities?.Count ?? 0 : entry.Count;
    }

    private struct ClassEntry
    {
        public long Count;
        public HashSet<ulong>? Entities;
        public HashSet<ulong>?[]? Sensitive;
    }
}
