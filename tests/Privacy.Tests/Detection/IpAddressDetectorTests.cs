using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class IpAddressDetectorTests
{
    private readonly IpAddressDetector _detector = new();

    [Theory]
    [InlineData("192.0.2.17")]
    [InlineData("255.255.255.255")]
    [InlineData("2001:db8::8a2e:370:7334")]
    [InlineData("2001:0db8:0000:0000:0000:ff00:0042:8329")]
    [InlineData("::ffff:192.0.2.128")]
    public void Validate_AcceptsAddresses(string value)
    {
        Assert.Equal(ValueCheck.Valid, _detector.Validate(value));
    }

    [Theory]
    [InlineData("256.1.1.1")]
    [InlineData("192.168.01.1")]
    [InlineData("1.2.3")]
    [InlineData("12:14:25")]
    [InlineData("00:1A:2B:3C:4D:5E")]
    [InlineData("3.14")]
    public void Validate_RejectsLookAlikes(string value)
    {
        Assert.Equal(ValueCheck.NoMatch, _detector.Validate(value));
    }

    [Fact]
    public void Detect_FindsAddressesInLogLine()
    {
        const string text = "login from 198.51.100.7 and 2001:db8::1 at 12:14:25.";
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        Assert.Equal(2, findings.Count);
        Assert.Equal("198.51.100.7", text.Substring(findings[0].Start, findings[0].Length));
        Assert.Equal("2001:db8::1", text.Substring(findings[1].Start, findings[1].Length));
    }
}
