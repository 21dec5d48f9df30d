using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class RegionCodesTests
{
    [Theory]
    [InlineData("GB")]
    [InlineData("FR")]
    [InlineData("US")]
    [InlineData("DE")]
    public void IsValid_AcceptsAlpha2Codes(string code)
    {
        Assert.True(RegionCodes.IsValid(code));
    }

    [Theory]
    [InlineData("UK")]
    [InlineData("FE")]
    [InlineData("GBR")]
    [InlineData(null)]
    public void IsValid_RejectsUnknownCodes(string? code)
    {
        Assert.False(RegionCodes.IsValid(code));
    }

    [Fact]
    public void Describe_NamesGbForUk()
    {
        Assert.Contains("'GB'", RegionCodes.Describe("UK"), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_UpperCasesAndTrims()
    {
        Assert.Equal("FR", RegionCodes.Normalize(" fr "));
        Assert.Null(RegionCodes.Normalize("UK"));
    }
}
