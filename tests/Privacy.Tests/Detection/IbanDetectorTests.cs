using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class IbanDetectorTests
{
    private readonly IbanDetector _detector = new();

    [Theory]
    [InlineData("DE21123456780000012345")]
    [InlineData("DE21 1234 5678 0000 0123 45")]
    [InlineData("de21-1234-5678-0000-0123-45")]
    [InlineData("GB82 WEST 1234 5698 7654 32")]
    [InlineData("de21.1234.5678.0000.0123.45")]
    [InlineData("GB82/WEST/1234/5698/7654/32")]
    [InlineData("DE21_1234_5678_0000_0123_45")]
    [InlineData("DE21\u00A01234\u00A05678\u00A00000\u00A00123\u00A045")]
    [InlineData("DE21  1234  5678  0000  0123  45")]
    public void Validate_AcceptsGroupedAndLowerCaseIbans(string value)
    {
        Assert.Equal(ValueCheck.Valid, _detector.Validate(value));
    }

    [Fact]
    public void Validate_ReportsWrongChecksumAsFailed()
    {
        Assert.Equal(ValueCheck.FailedCheck, _detector.Validate("DE21 1234 5678 0000 0123 46"));
    }

    [Theory]
    [InlineData("DE21 1234 5678 0000 0123 4")]
    [InlineData("ZZ21123456780000012345")]
    [InlineData("order DE21")]
    public void Validate_RejectsWrongLengthOrCountry(string value)
    {
        Assert.Equal(ValueCheck.NoMatch, _detector.Validate(value));
    }

    [Fact]
    public void Detect_FindsGroupedIbanInSentence()
    {
        const string text = "Please pay to DE21 1234 5678 0000 0123 45 by Friday.";
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        PiiFinding finding = Assert.Single(findings);
        Assert.True(finding.IsValidated);
        Assert.Equal("DE21 1234 5678 0000 0123 45", text.Substring(finding.Start, finding.Length));
    }

    [Fact]
    public void Detect_IgnoresCodeGluedToWord()
    {
        List<PiiFinding> findings = [];
        _detector.Detect("XDE21123456780000012345", findings);

        Assert.Empty(findings);
    }
}
