using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class StreetLinesTests
{
    [Theory]
    [InlineData("351 Darlene Green")]
    [InlineData("0069 Robin Brooks Apt. 695")]
    [InlineData("670 Le Meadows Suite 250")]
    [InlineData("12 Main St.")]
    [InlineData("12 Main St NW")]
    [InlineData("10 Oak Park Road")]
    [InlineData("221b Baker Street")]
    [InlineData("4 Privet Drive, Flat 2")]
    [InlineData("77 Sunset Blvd #12")]
    [InlineData("5 rue de Rivoli")]
    [InlineData("Calle Mayor 3")]
    [InlineData("Via Roma 10")]
    [InlineData("Hauptstraße 12")]
    [InlineData("Lindenweg 3a")]
    [InlineData("Prinsengracht 263-267")]
    [InlineData("ул Ленина 5")]
    public void IsStreetLine_ReadsTheThreeLayouts(string value) => Assert.True(StreetLines.IsStreetLine(value));

    [Theory]
    [InlineData("2 Way Radio")]
    [InlineData("3 Pack Green Tea")]
    [InlineData("Green Park")]
    [InlineData("Main Street")]
    [InlineData("12 Main")]
    [InlineData("Weg 12")]
    [InlineData("1234567 Main Street")]
    [InlineData("12 Main Street sold out")]
    [InlineData("Order 12 shipped")]
    [InlineData("12")]
    public void IsStreetLine_RejectsOtherText(string value) => Assert.False(StreetLines.IsStreetLine(value));
}
