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

    [Fact]
    public void InferFromPrefixedNumbers_MajorityRegion()
    {
        string?[] values = ["+44 20 7946 0958", "0044 20 7946 0123", "+44 20 7946 0777", "+49 30 901820", "020 7946 0018", null, "n/a"];

        (string? region, int count, int total) = RegionCodes.InferFromPrefixedNumbers(values);

        Assert.Equal("GB", region);
        Assert.Equal(3, count);
        Assert.Equal(4, total);
    }

    [Fact]
    public void InferFromPrefixedNumbers_UnassignedRange()
    {
        // +44 7700 900xxx is kept for fiction, so no number is valid, but the calling code still names the country.
        string?[] values = ["+44 7700 900123", "+44 7700 900456", "+44 7700 900789"];

        (string? region, int count, int total) = RegionCodes.InferFromPrefixedNumbers(values);

        Assert.Equal("GB", region);
        Assert.Equal(3, count);
        Assert.Equal(3, total);
    }

    [Theory]
    [InlineData(new[] { "+44 20 7946 0958", "+49 30 901820", "+33 1 42 68 53 00", "+34 91 123 45 67" }, 4)]
    [InlineData(new[] { "+44 20 7946 0958", "020 7946 0018", "+44 12" }, 1)]
    public void InferFromPrefixedNumbers_NoRegionWithoutMajority(string[] values, int total)
    {
        (string? region, _, int counted) = RegionCodes.InferFromPrefixedNumbers(values);

        Assert.Null(region);
        Assert.Equal(total, counted);
    }

    [Theory]
    [InlineData("DE", 0)]
    [InlineData("ES", 3)]
    public void NationalNumbers_CountNeedsTrunkPrefixWhereUsed(string region, int expected)
    {
        // Spanish mobiles parse as valid German numbers, but a German number written nationally starts with 0.
        string[] values = ["658121821", "681140745", "612 34 56 78"];

        Assert.Equal(expected, NationalNumbers.Count(values, region));
    }

    [Theory]
    [InlineData("07700 900978", 1)]
    [InlineData("+44 7700 900978", 1)]
    [InlineData("020 7946 0958", 1)]
    [InlineData("07700 901978", 0)]
    public void NationalNumbers_CountBritishDramaRanges(string value, int expected)
    {
        Assert.Equal(expected, NationalNumbers.Count([value], "GB"));
    }

    [Theory]
    [InlineData("id,voornaam,achternaam,telefoonnummer", "NL")]
    [InlineData("num_cliente,nome,apelido,telemovel", "PT")]
    [InlineData("id,nombre,apellidos,teléfono", "ES")]
    [InlineData("id,name,phone", null)]
    [InlineData("vorname,prénom", null)]
    public void NationalNumbers_RegionOfHeaders(string headers, string? expected)
    {
        Assert.Equal(expected, NationalNumbers.RegionOfHeaders(headers.Split(',')));
    }
}
