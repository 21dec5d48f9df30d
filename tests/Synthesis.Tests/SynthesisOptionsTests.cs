using SyntheticData.Synthesis.Copula;

namespace SyntheticData.Synthesis.Tests;

public sealed class SynthesisOptionsTests
{
    [Fact]
    public void Defaults_AreDocumentedValues()
    {
        var options = new SynthesisOptions();

        Assert.Equal(0, options.Seed);
        Assert.Empty(options.SensitiveColumns);
        Assert.Equal(IdentifierHandling.Regenerate, options.IdentifierHandling);
        Assert.True(options.EnforceMinMax);
        Assert.Equal(1000, options.MaxCategoriesPerColumn);
    }

    [Fact]
    public void InvalidValues_ThrowWhenSet()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SynthesisOptions { MaxCategoriesPerColumn = 1 });
        Assert.Throws<ArgumentException>(() => new SynthesisOptions { SensitiveColumns = ["ok", ""] });
        Assert.Throws<ArgumentException>(() => new GaussianCopulaOptions { Families = [] });
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianCopulaOptions { MinPointMassShare = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianCopulaOptions { MaxDiscreteValues = -1 });
    }

    [Fact]
    public void IsMarkedSensitive_MatchesExactName()
    {
        var options = new SynthesisOptions { SensitiveColumns = ["Email"] };

        Assert.True(options.IsMarkedSensitive("Email"));
        Assert.False(options.IsMarkedSensitive("email"));
    }
}
