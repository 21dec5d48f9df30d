using FsCheck;
using FsCheck.Xunit;
using SyntheticData.Privacy.Internal;

namespace SyntheticData.Privacy.Tests.Internal;

public sealed class ValueCacheTests
{
    [Theory]
    [InlineData(ValueCache.ShortSlotLength)]
    [InlineData(ValueCache.LongSlotLength)]
    public void FullBucket_ReplacesNotRecentlyUsed(int slotLength)
    {
        // One bucket contains every entry. Filling it flags all of them, so the last one added keeps its flag alone,
        // and the first one then read gets its flag back.
        var cache = new ValueCache(capacity: ValueCache.Ways, slotLength);
        for (ulong key = 1; key <= ValueCache.Ways; key++)
        {
            cache.Add(key, "v" + key);
        }

        Assert.True(cache.TryGetValue(1, out _));

        cache.Add(ValueCache.Ways + 1, "new");

        Assert.False(cache.TryGetValue(2, out _));
        Assert.True(cache.TryGetValue(ValueCache.Ways + 1, out string? added));
        Assert.Equal("new", added);
        foreach (ulong key in Enumerable.Range(1, ValueCache.Ways).Select(k => (ulong)k).Where(k => k != 2))
        {
            Assert.True(cache.TryGetValue(key, out string? value));
            Assert.Equal("v" + key, value);
        }
    }

    [Fact]
    public void RepeatedHits_KeepReplacementOrder()
    {
        // One bucket of four. After the fourth add only key 4 is flagged. Hits on flagged entries change nothing, a
        // first hit on key 3 flags it, so the next adds replace key 1 and then key 2, the two never read.
        var cache = new ValueCache(capacity: ValueCache.Ways);
        for (ulong key = 1; key <= 4; key++)
        {
            cache.Add(key, "v" + key);
        }

        for (int i = 0; i < 3; i++)
        {
            Assert.True(cache.TryGetValue(4, out _));
            Assert.True(cache.TryGetValue(3, out _));
        }

        cache.Add(5, "v5");
        Assert.False(cache.TryGetValue(1, out _));
        cache.Add(6, "v6");
        Assert.False(cache.TryGetValue(2, out _));

        foreach (ulong key in new ulong[] { 3, 4, 5, 6 })
        {
            Assert.True(cache.TryGetValue(key, out string? value));
            Assert.Equal("v" + key, value);
        }
    }

    [Fact]
    public void Add_FillsSecondBucketWhenFirstIsFull()
    {
        // Two buckets. Each key's tag is its high half here. Its low 32 bits are even and pick bucket 0 first, and its
        // high 32 bits are odd and pick bucket 1 second. One bucket alone would keep only four of these keys.
        var cache = new ValueCache(capacity: 2 * ValueCache.Ways);
        UInt128[] keys = Enumerable.Range(1, 2 * ValueCache.Ways)
            .Select(i => new UInt128(upper: ((ulong)i << 33) | (1UL << 32), lower: 0))
            .ToArray();
        foreach (UInt128 key in keys)
        {
            cache.Add(key, "v" + key.GetHashCode());
        }

        foreach (UInt128 key in keys)
        {
            Assert.True(cache.TryGetValue(key, out string? value));
            Assert.Equal("v" + key.GetHashCode(), value);
        }
    }

    [Fact]
    public void Add_EvictsWhenBothBucketsAreFull()
    {
        // Every key has both buckets, so the ninth key must replace one entry, and exactly one of the first eight is
        // gone.
        var cache = new ValueCache(capacity: 2 * ValueCache.Ways);
        UInt128[] keys = Enumerable.Range(1, (2 * ValueCache.Ways) + 1)
            .Select(i => new UInt128(upper: ((ulong)i << 33) | (1UL << 32), lower: 0))
            .ToArray();
        foreach (UInt128 key in keys)
        {
            cache.Add(key, "v");
        }

        Assert.True(cache.TryGetValue(keys[^1], out _));
        Assert.Equal(2 * ValueCache.Ways, keys.Count(key => cache.TryGetValue(key, out _)));
    }

    [Fact]
    public void Add_GrowsTableAndKeepsEntries()
    {
        var cache = new ValueCache(capacity: 4 * ValueCache.InitialCapacity);
        Random random = new(7);
        UInt128 NewKey() => new((ulong)random.NextInt64(), (ulong)random.NextInt64());

        // Until five eighths of the first table's slots are filled, the table does not grow.
        List<UInt128> keys = [];
        while (keys.Count < ValueCache.InitialCapacity * 5 / 8)
        {
            keys.Add(NewKey());
            cache.Add(keys[^1], "k" + (keys.Count - 1));
        }

        Assert.Equal(ValueCache.InitialCapacity, cache.TableCapacity);
        List<int> keptBeforeGrowth = Enumerable.Range(0, keys.Count).Where(i => cache.TryGetValue(keys[i], out _)).ToList();
        Assert.True(keptBeforeGrowth.Count > keys.Count * 0.99);

        while (cache.TableCapacity == ValueCache.InitialCapacity)
        {
            keys.Add(NewKey());
            cache.Add(keys[^1], "k" + (keys.Count - 1));
        }

        Assert.Equal(4 * ValueCache.InitialCapacity, cache.TableCapacity);
        foreach (int i in keptBeforeGrowth.Append(keys.Count - 1))
        {
            Assert.True(cache.TryGetValue(keys[i], out string? value));
            Assert.Equal("k" + i, value);
        }
    }

    [Fact]
    public void Add_GrowsNoFurtherThanCapacity()
    {
        var cache = new ValueCache(capacity: ValueCache.InitialCapacity / 2);
        for (ulong key = 1; key <= ValueCache.InitialCapacity; key++)
        {
            cache.Add(new UInt128(key * 0x9E3779B97F4A7C15, key), "v");
        }

        Assert.Equal(ValueCache.InitialCapacity / 2, cache.TableCapacity);
        Assert.Equal(ValueCache.InitialCapacity / 2, cache.Capacity);
    }

    [Fact]
    public void Prefetch_LeavesReplacementOrderUnchanged()
    {
        // Prefetching a key is no lookup: it must not make the entry recent, count toward pausing or create a table.
        var empty = new ValueCache(capacity: ValueCache.Ways, slotLength: ValueCache.LongSlotLength);
        empty.Prefetch(1);
        Assert.False(empty.TryGetValue(1, out _));

        var cache = new ValueCache(capacity: ValueCache.Ways, slotLength: ValueCache.LongSlotLength);
        for (ulong key = 1; key <= ValueCache.Ways; key++)
        {
            cache.Add(key, "v" + key);
        }

        Assert.True(cache.TryGetValue(1, out _));
        cache.Prefetch(2);
        cache.Prefetch(99);

        cache.Add(ValueCache.Ways + 1, "new");

        Assert.True(cache.TryGetValue(1, out string? kept));
        Assert.Equal("v1", kept);
        Assert.False(cache.TryGetValue(2, out _));
    }

    [Fact]
    public void Add_KeepsLatin1Only()
    {
        var cache = new ValueCache(capacity: 4);

        cache.Add(1, "José-Ñ 12");
        cache.Add(2, "Σ 12");

        Assert.True(cache.TryGetValue(1, out string? latin1));
        Assert.Equal("José-Ñ 12", latin1);
        Assert.False(cache.TryGetValue(2, out _));
    }

    [Fact]
    public void TryCopyTo_CopiesCachedOutput()
    {
        var cache = new ValueCache(capacity: 4, slotLength: ValueCache.LongSlotLength);
        string longest = new('é', cache.MaximumOutputLength);
        cache.Add(1, longest);
        char[] destination = new char[cache.MaximumOutputLength];

        Assert.True(cache.TryCopyTo(1, destination, out int length));
        Assert.Equal(longest, new string(destination, 0, length));
        Assert.False(cache.TryCopyTo(2, destination, out int missing));
        Assert.Equal(0, missing);
        Assert.Throws<ArgumentException>(() => cache.TryCopyTo(1, new char[cache.MaximumOutputLength - 1], out _));
    }

    [Fact]
    public void Add_ReplacesValueOfSameKey()
    {
        var cache = new ValueCache(capacity: 2);
        cache.Add(1, "old");
        cache.Add(2, "other");

        cache.Add(1, "new");

        Assert.True(cache.TryGetValue(1, out string? value));
        Assert.Equal("new", value);
        Assert.True(cache.TryGetValue(2, out string? other));
        Assert.Equal("other", other);
    }

    [Fact]
    public void Add_SkipsOutputLongerThanSlot()
    {
        var cache = new ValueCache(capacity: 4, slotLength: ValueCache.ShortSlotLength);
        string longest = new('a', cache.MaximumOutputLength);

        cache.Add(1, longest);
        cache.Add(2, longest + "b");

        Assert.True(cache.TryGetValue(1, out string? value));
        Assert.Equal(longest, value);
        Assert.False(cache.TryGetValue(2, out _));
    }

    [Theory]
    [InlineData(16, ValueCache.ShortSlotLength)]
    [InlineData(23, ValueCache.ShortSlotLength)]
    [InlineData(24, ValueCache.LongSlotLength)]
    [InlineData(42, ValueCache.LongSlotLength)]
    public void SlotLengthFor_FitsOutput(int outputLength, int expected)
    {
        Assert.Equal(expected, ValueCache.SlotLengthFor(outputLength));
    }

    [Property(MaxTest = 300)]
    public bool Lookup_ReturnsValueOfKeyOrNothing(DoNotSize<int> seed)
    {
        // Few buckets and few keys, so keys share buckets and replace each other often. As for an operator, keys are
        // hashes of cells, a key always has the same value, and values have every length up to the longest a slot keeps.
        Random random = new(seed.Item);
        var cache = new ValueCache(capacity: 8, slotLength: random.Next(2) == 0 ? ValueCache.ShortSlotLength : ValueCache.LongSlotLength);
        string ValueOf(UInt128 key) => new((char)('a' + (int)(key % 26)), (int)(key % (ulong)(cache.MaximumOutputLength + 1)));
        for (int step = 0; step < 200; step++)
        {
            UInt128 key = ValueCache.KeyOf("cell " + random.Next(72));
            if (random.Next(2) == 0)
            {
                cache.Add(key, ValueOf(key));
            }
            else if (cache.TryGetValue(key, out string? found) && found != ValueOf(key))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void UniqueValues_PauseThenResume()
    {
        // A window is one capacity of lookups: 16 here.
        var cache = new ValueCache(capacity: 16);
        ulong next = 0;
        void Miss()
        {
            Assert.False(cache.TryGetValue(next, out _));
            cache.Add(next++, "v");
        }

        for (int i = 0; i < 16; i++)
        {
            Miss();
        }

        Assert.True(cache.IsPaused);
        cache.Add(1_000, "kept?");
        for (int i = 0; i < 16 * ValueCache.PauseWindows; i++)
        {
            Miss();
        }

        Assert.False(cache.IsPaused);
        Assert.False(cache.TryGetValue(1_000, out _));
        cache.Add(1_000, "kept");
        Assert.True(cache.TryGetValue(1_000, out string? value));
        Assert.Equal("kept", value);
    }

    [Fact]
    public void RepeatedValues_NeverPause()
    {
        var cache = new ValueCache(capacity: 16);
        for (ulong i = 0; i < 1_000; i++)
        {
            ulong key = i % 3 == 0 ? i : 7;
            if (!cache.TryGetValue(key, out _))
            {
                cache.Add(key, "v");
            }
        }

        Assert.False(cache.IsPaused);
    }

    [Fact]
    public void Release_DropsEntries()
    {
        var cache = new ValueCache(capacity: 4);
        cache.Add(1, "one");

        cache.Release();

        Assert.False(cache.TryGetValue(1, out _));
    }

    [Fact]
    public void KeyOf_DependsOnTextAndContext()
    {
        Assert.Equal(ValueCache.KeyOf("4111 1111"), ValueCache.KeyOf("4111 1111".AsSpan()));
        Assert.NotEqual(ValueCache.KeyOf("555-0100", 1), ValueCache.KeyOf("555-0100", 2));
        Assert.NotEqual(ValueCache.KeyOf("ab"), ValueCache.KeyOf("ba"));
    }

    [Theory]
    [InlineData(262_144, 262_144)]
    [InlineData(200_000, 131_072)]
    [InlineData(131_072, 131_072)]
    [InlineData(3, 4)]
    public void LimitCapacity_RoundsDownToWholeBuckets(int limit, int expected)
    {
        var cache = new ValueCache();

        cache.LimitCapacity(limit);

        Assert.Equal(expected, cache.Capacity);
        Assert.Equal((long)expected * ValueCache.ShortSlotLength, cache.MaximumBytes);
    }

    [Fact]
    public void LimitCapacity_AfterFirstEntry_IsRejected()
    {
        var cache = new ValueCache();
        cache.Add(ValueCache.KeyOf("a"), "b");

        Assert.Throws<InvalidOperationException>(() => cache.LimitCapacity(1024));
    }
}
