using FsCheck;
using FsCheck.Xunit;
using SyntheticData.Privacy.Internal;

namespace SyntheticData.Privacy.Tests.Internal;

public sealed class RecentKeySetTests
{
    [Fact]
    public void Add_ThenContains()
    {
        var set = new RecentKeySet(capacity: 16);
        UInt128 key = new(7, 3);

        set.Add(key);

        Assert.True(set.Contains(key));
        Assert.False(set.Contains(new UInt128(3, 7)));
    }

    [Fact]
    public void FullSet_ForgetsOldestKey()
    {
        // Four slots make one set, so the fifth key replaces the first.
        var set = new RecentKeySet(capacity: 4);
        for (ulong key = 1; key <= 5; key++)
        {
            set.Add(key);
        }

        Assert.False(set.Contains(1));
        for (ulong key = 2; key <= 5; key++)
        {
            Assert.True(set.Contains(key));
        }
    }

    [Fact]
    public void Zero_IsNeverRemembered()
    {
        var set = new RecentKeySet(capacity: 4);

        set.Add(UInt128.Zero);

        Assert.False(set.Contains(UInt128.Zero));
    }

    [Fact]
    public void Capacity_RoundsUpToPowerOfTwo()
    {
        Assert.Equal(8, new RecentKeySet(capacity: 5).Capacity);
        Assert.Equal(131_072, new RecentKeySet(capacity: 131_072).Capacity);
    }

    [Property(MaxTest = 300)]
    public bool Contains_OnlyAddedKeys(DoNotSize<int> seed)
    {
        // Keys that share sets replace each other, but a key that was never added is never reported.
        Random random = new(seed.Item);
        var set = new RecentKeySet(capacity: 16);
        var added = new HashSet<UInt128>();
        for (int step = 0; step < 300; step++)
        {
            UInt128 key = new((ulong)random.Next(4), (ulong)random.Next(40));
            if (random.Next(2) == 0)
            {
                set.Add(key);
                added.Add(key);
            }
            else if (set.Contains(key) && !added.Contains(key))
            {
                return false;
            }
        }

        return true;
    }
}
