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
    public void KeyOf_DependsOnTextAndContext()
    {
        Assert.Equal(ValueCache.KeyOf("4111 1111"), ValueCache.KeyOf("4111 1111".AsSpan()));
        Assert.NotEqual(ValueCache.KeyOf("555-0100", 1), ValueCache.KeyOf("555-0100", 2));
        Assert.NotEqual(ValueCache.KeyOf("ab"), ValueCache.KeyOf("ba"));
    }
}
