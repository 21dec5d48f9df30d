using SyntheticData.Privacy.Internal;

namespace SyntheticData.Privacy.Tests.Internal;

public sealed class ValueCacheTests
{
    [Fact]
    public void FullCache_EmptiesBeforeAdding()
    {
        var cache = new ValueCache(capacity: 4);
        for (ulong i = 0; i < 4; i++)
        {
            cache.Add(i, "v" + i);
        }

        cache.Add(100, "new");

        Assert.True(cache.TryGetValue(100, out string? value));
        Assert.Equal("new", value);
        Assert.False(cache.TryGetValue(0, out _));
    }

    [Fact]
    public void UniqueValues_PauseThenResume()
    {
        var cache = new ValueCache(capacity: 10);
        ulong next = 0;
        void Miss()
        {
            Assert.False(cache.TryGetValue(next, out _));
            cache.Add(next++, "v");
        }

        for (int i = 0; i < 11; i++)
        {
            Miss();
        }

        Assert.True(cache.IsPaused);
        cache.Add(5, "kept?");
        for (int i = 0; i < 10 * ValueCache.PauseFills; i++)
        {
            Miss();
        }

        Assert.False(cache.IsPaused);
        cache.Add(5, "kept");
        Assert.True(cache.TryGetValue(5, out string? value));
        Assert.Equal("kept", value);
    }

    [Fact]
    public void RepeatedValues_NeverPause()
    {
        var cache = new ValueCache(capacity: 10);
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
    public void KeyOf_DependsOnTextAndContext()
    {
        Assert.Equal(ValueCache.KeyOf("4111 1111"), ValueCache.KeyOf("4111 1111".AsSpan()));
        Assert.NotEqual(ValueCache.KeyOf("555-0100", 1), ValueCache.KeyOf("555-0100", 2));
        Assert.NotEqual(ValueCache.KeyOf("ab"), ValueCache.KeyOf("ba"));
    }
}
