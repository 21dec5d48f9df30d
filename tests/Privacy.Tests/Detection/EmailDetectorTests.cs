using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class EmailDetectorTests
{
    private readonly EmailDetector _detector = new();

    [Theory]
    [InlineData("ada.b@example.org")]
    [InlineData("t.ferreira+news@mail.example.co.uk")]
    [InlineData("user@bücher.example")]
    [InlineData("zébulon.q@exämple.org")]
    [InlineData("иван@пример.рф")]
    public void Validate_AcceptsAddresses(string value)
    {
        Assert.Equal(ValueCheck.Valid, _detector.Validate(value));
    }

    [Theory]
    [InlineData("ada.b@localhost")]
    [InlineData("ada..b@example.org")]
    [InlineData("@example.org")]
    [InlineData("ada@-example.org")]
    [InlineData("ada@example.c0m")]
    public void Validate_RejectsMalformedAddresses(string value)
    {
        Assert.NotEqual(ValueCheck.Valid, _detector.Validate(value));
    }

    [Fact]
    public void Detect_FindsAddressWithoutTrailingPunctuation()
    {
        const string text = "reach me at ines.o@example.com.";
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        PiiFinding finding = Assert.Single(findings);
        Assert.Equal("ines.o@example.com", text.Substring(finding.Start, finding.Length));
    }

    [Fact]
    public void Detect_NonAsciiLocalPart_CoveredWhole()
    {
        const string text = "écrire à zébulon.q@exämple.org demain";
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        PiiFinding finding = Assert.Single(findings);
        Assert.Equal("zébulon.q@exämple.org", text.Substring(finding.Start, finding.Length));
    }

    [Fact]
    public void Detect_FindsTwoAddresses()
    {
        List<PiiFinding> findings = [];
        _detector.Detect("a@example.org,b@example.net", findings);

        Assert.Equal(2, findings.Count);
    }
}
