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

    [Fact]
    public void Generate_SharedLabels_AreRepeated()
    {
        // Redacted notes share labels such as [EMAIL]. A shape without a free slot could only give training values, so
        // sampling failed; a label that many records share discloses none of them.
        string[] training = [.. Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? "[EMAIL]" : "N/A")];
        IdentifierGenerator generator = IdentifierGenerator.Fit("notes", training, seed: 1);

        string?[] generated = generator.Generate(300, new Random(4));

        Assert.All(generated, value => Assert.Contains(value, new[] { "[EMAIL]", "N/A" }));
    }

    [Fact]
    public void Generate_CardsAndIbans_NeverPassChecks()
    {
        // Random digits pass the Luhn check one time in ten and a mod-97 check about one time in 97, so a synthetic
        // dataset would otherwise show card numbers and IBANs that a rescan reports as live.
        var random = new Random(5);
        string[] cards = [.. Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? RandomDigits(random, 16) : Grouped(RandomDigits(random, 16)))];
        string[] ibans = [.. Enumerable.Range(0, 300).Select(_ => "DE" + RandomDigits(random, 20))];
        IdentifierGenerator cardGenerator = IdentifierGenerator.Fit("card", cards, seed: 1);
        IdentifierGenerator ibanGenerator = IdentifierGenerator.Fit("iban", ibans, seed: 1);

        string?[] generatedCards = cardGenerator.Generate(5_000, new Random(6));
        string?[] generatedIbans = ibanGenerator.Generate(5_000, new Random(7));

        Assert.DoesNotContain(generatedCards, value => IsLuhnValid(value!.Replace(" ", string.Empty, StringComparison.Ordinal)));
        Assert.DoesNotContain(generatedIbans, value => IbanRemainder(value!) == 1);
        Assert.Contains(generatedCards, value => value!.Contains(' ', StringComparison.Ordinal));
    }

    private static string RandomDigits(Random random, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10)))]);

    private static string Grouped(string digits) => string.Join(' ', digits.Chunk(4).Select(chunk => new string(chunk)));

    private static bool IsLuhnValid(string digits)
    {
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int digit = digits[^(i + 1)] - '0';
            if (i % 2 == 1)
            {
                digit = digit * 2 > 9 ? (digit * 2) - 9 : digit * 2;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    private static int IbanRemainder(string iban)
    {
        string rearranged = iban[4..] + iban[..4];
        string number = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return (int)(System.Numerics.BigInteger.Parse(number, System.Globalization.CultureInfo.InvariantCulture) % 97);
    }
}
