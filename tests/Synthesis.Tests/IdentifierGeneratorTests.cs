using SyntheticData.Synthesis.Pii;

namespace SyntheticData.Synthesis.Tests;

public sealed class IdentifierGeneratorTests
{
    [Fact]
    public void Generate_KeepsShapeAndPrefix()
    {
        string[] training = Enumerable.Range(0, 200).Select(i => $"INV-{i:D5}/x").ToArray();
        IdentifierGenerator generator = IdentifierGenerator.Fit("invoice", training, seed: 1);

        string?[] generated = generator.Generate(300, new Random(2));

        Assert.All(generated, value => Assert.Matches("^INV-[0-9]{5}/x$", value));
        Assert.DoesNotContain(generated, value => training.Contains(value));
        Assert.Equal(300, generated.Distinct().Count());
    }

    [Fact]
    public void Generate_ReproducesNullShare()
    {
        string?[] training = Enumerable.Range(0, 1000).Select(i => i % 4 == 0 ? null : $"u{i:D6}").ToArray();
        IdentifierGenerator generator = IdentifierGenerator.Fit("user", training, seed: 1);

        string?[] generated = generator.Generate(4000, new Random(3));

        Assert.Equal(0.25, generator.NullShare, 6);
        Assert.InRange(generated.Count(value => value is null) / 4000.0, 0.22, 0.28);
    }

    [Fact]
    public void Generate_TooFewFreshValuesThrows()
    {
        string[] training = Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        IdentifierGenerator generator = IdentifierGenerator.Fit("digit", training, seed: 1);

        var error = Assert.Throws<SynthesisException>(() => generator.Generate(5, new Random(1)));
        Assert.Contains("digit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteRead_KeepsTrainingCheck()
    {
        string[] training = ["AB-12", "CD-34", "EF-56", "GH-78", "IJ-90"];
        IdentifierGenerator generator = IdentifierGenerator.Fit("code", training, seed: 4);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            generator.Write(writer);
        }

        stream.Position = 0;
        IdentifierGenerator read = IdentifierGenerator.Read(new BinaryReader(stream));

        Assert.All(training, value => Assert.True(read.WasTrainingValue(value)));
        Assert.False(read.WasTrainingValue("ZZ-00"));
        Assert.Equal(generator.Generate(50, new Random(9)), read.Generate(50, new Random(9)));
    }
}
