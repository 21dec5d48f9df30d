using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class DetectionOptionsTests
{
    [Fact]
    public void Validate_AcceptsDefaults()
    {
        new DetectionOptions().Validate();
    }

    [Fact]
    public void Validate_ListsEveryInvalidSetting()
    {
        DetectionOptions options = new()
        {
            DefaultRegion = "UK",
            ExcludedCardPrefixes = ["4x"],
            MinimumValidatedShare = 0,
            MinimumHintedShare = 1.5,
        };

        ArgumentException error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("DefaultRegion", error.Message, StringComparison.Ordinal);
        Assert.Contains("ExcludedCardPrefixes", error.Message, StringComparison.Ordinal);
        Assert.Contains("MinimumValidatedShare", error.Message, StringComparison.Ordinal);
        Assert.Contains("MinimumHintedShare", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classifier_RejectsUnknownRegionAtStartUp()
    {
        Assert.Throws<ArgumentException>(() => new ColumnClassifier(new DetectionOptions { DefaultRegion = "FE" }));
    }
}
