using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class PiiKindsTests
{
    [Fact]
    public void Kinds_HaveExactlyOneGroup()
    {
        foreach (PiiKind kind in Enum.GetValues<PiiKind>().Where(k => k != PiiKind.None))
        {
            Assert.True(kind.IsDirectIdentifier() ^ kind.IsQuasiIdentifier(), $"{kind} must be direct or quasi, not both.");
        }

        Assert.False(PiiKind.None.IsDirectIdentifier());
        Assert.False(PiiKind.None.IsQuasiIdentifier());
    }

    [Fact]
    public void IsAlwaysDropped_SecurityCodeAndTrack()
    {
        PiiKind[] dropped = Enum.GetValues<PiiKind>().Where(k => k.IsAlwaysDropped()).ToArray();

        Assert.Equal([PiiKind.CardSecurityCode, PiiKind.TrackData], dropped);
    }
}
