using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class TrackDataDetectorTests
{
    private readonly TrackDataDetector _detector = new();

    [Theory]
    [InlineData("%B4111111111111111^RIVERA/LENA^2812101000000000000?")]
    [InlineData(";4111111111111111=28121010000000000?")]
    [InlineData("4111111111111111=2812101")]
    public void Validate_AcceptsTrackOneAndTwo(string value)
    {
        Assert.Equal(ValueCheck.Valid, _detector.Validate(value));
    }

    [Fact]
    public void Validate_RejectsPlainCardNumber()
    {
        Assert.Equal(ValueCheck.NoMatch, _detector.Validate("4111111111111111"));
    }

    [Fact]
    public void Detect_CoversSentinelsAndDiscretionaryData()
    {
        const string track = ";4111111111111111=28121010000000000?";
        string text = $"swipe {track} ok";
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        PiiFinding finding = Assert.Single(findings);
        Assert.Equal(track, text.Substring(finding.Start, finding.Length));
    }
}
