using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class PiiKindsTests
{
    [Fact]
    public void Kinds_HaveExactlyOneGroup()
    {
        foreach (PiiKind kind in Enum.GetValues<PiiKind>().Where(k => k != PiiKind.None))
        {
            int groups = (kind.IsDirectIdentifier() ? 1 : 0) + (kind.IsQuasiIdentifier() ? 1 : 0) + (kind.IsSpecialCategory() ? 1 : 0);
            Assert.True(groups == 1, $"{kind} must be in exactly one of direct, quasi and special category.");
        }

        Assert.False(PiiKind.None.IsDirectIdentifier());
        Assert.False(PiiKind.None.IsQuasiIdentifier());
        Assert.False(PiiKind.None.IsSpecialCategory());
    }

    [Fact]
    public void IsAlwaysDropped_SecurityCodeAndTrack()
    {
        PiiKind[] dropped = Enum.GetValues<PiiKind>().Where(k => k.IsAlwaysDropped()).ToArray();

        Assert.Equal([PiiKind.CardSecurityCode, PiiKind.TrackData], dropped);
    }
}
