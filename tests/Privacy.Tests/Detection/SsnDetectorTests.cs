using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class SsnDetectorTests
{
    private readonly SsnDetector _detector = new();

    [Theory]
    [InlineData("536-22-7419")]
    [InlineData("536 22 7419")]
    [InlineData("536227419")]
    [InlineData("536/22/7419")]
    [InlineData("899-99-9999")]
    [InlineData("912-78-4431")]
    [InlineData("966-62-5926")]
    [InlineData("900-50-0001")]
    public void Validate_AcceptsValidNumbers(string value)
    {
        Assert.Equal(ValueCheck.Valid, _detector.Validate(value));
    }

    [Theory]
    [InlineData("000-12-3456")]
    [InlineData("666-12-3456")]
    [InlineData("900-12-3456")]
    [InlineData("999-12-3456")]
    [InlineData("912-66-4431")]
    [InlineData("912-93-4431")]
    [InlineData("123-00-4567")]
    [InlineData("123-45-0000")]
    public void Validate_RejectsAreaGroupAndSerialRules(string value)
    {
        Assert.Equal(ValueCheck.FailedCheck, _detector.Validate(value));
    }

    [Theory]
    [InlineData("536-227-419")]
    [InlineData("536-22 7419")]
    [InlineData("536/22-7419")]
    [InlineData("12/22/2019")]
    [InlineData("12345")]
    public void Validate_RejectsOtherShapes(string value)
    {
        Assert.Equal(ValueCheck.NoMatch, _detector.Validate(value));
    }

    [Fact]
    public void Detect_FindsGroupedFormInText()
    {
        const string text = "SSN: 536-22-7419, verified";
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        PiiFinding finding = Assert.Single(findings);
        Assert.True(finding.IsValidated);
        Assert.Equal(5, finding.Start);
        Assert.Equal(11, finding.Length);
    }

    [Fact]
    public void Detect_FindsSlashedFormInText()
    {
        const string text = "customer gave 536/22/7419 on the phone";
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        PiiFinding finding = Assert.Single(findings);
        Assert.True(finding.IsValidated);
        Assert.Equal("536/22/7419", text.Substring(finding.Start, finding.Length));
    }

    [Fact]
    public void Detect_IgnoresBareNineDigitsInText()
    {
        List<PiiFinding> findings = [];
        _detector.Detect("order 536227419 shipped", findings);

        Assert.Empty(findings);
    }
}
