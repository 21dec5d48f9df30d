using System.Globalization;
using System.Text;
using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Internal.Unicode;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Tests.Internal;

public sealed class UnicodeNfkcTests
{
    [Fact]
    public void Normalize_MatchesReferenceVectors()
    {
        List<string> wrong = [];
        int cases = 0;
        foreach ((string input, string expected) in ReadVectors())
        {
            cases++;
            string actual = UnicodeNfkc.Normalize(input);
            if (actual != expected)
            {
                wrong.Add($"{Hex(input)} gave {Hex(actual)}, expected {Hex(expected)}");
            }
        }

        Assert.True(cases > 6000, $"Only {cases} vectors were read.");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {cases} vectors differ, first: {string.Join("; ", wrong.Take(5))}");
    }

    [Theory]
    [InlineData("Jose\u0301 Mun\u0303oz", "Jos\u00E9 Mu\u00F1oz")]
    [InlineData("Nguye\u0323\u0302n", "Nguy\u1EC7n")]
    [InlineData("Nguye\u0302\u0323n", "Nguy\u1EC7n")]
    [InlineData("\uFF2A\uFF41\uFF4E\uFF45", "Jane")]
    [InlineData("\uFB01sher", "fisher")]
    [InlineData("\u1112\u1161\u11AB", "\uD55C")]
    [InlineData("plain ASCII", "plain ASCII")]
    public void Normalize_ComposesAndFolds(string input, string expected) => Assert.Equal(expected, UnicodeNfkc.Normalize(input));

    [Fact]
    public void Normalize_WithRanges_MapPieces()
    {
        string normalized = UnicodeNfkc.Normalize("Jose\u0301 \uFB01x", out int[]? starts, out int[]? ends);

        Assert.Equal("Jos\u00E9 fix", normalized);
        Assert.Equal([0, 1, 2, 3, 5, 6, 6, 7], starts!);
        Assert.Equal([1, 2, 3, 5, 6, 7, 7, 8], ends!);
    }

    [Fact]
    public void SearchForm_DropsMarksAndSplitsSharpS()
    {
        string search = UnicodeNfkc.SearchForm("Jose\u0301 Stra\u00DFe", out int[]? starts, out int[]? ends);

        Assert.Equal("Jose Strasse", search);
        Assert.Equal([0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 10, 11], starts!);
        Assert.Equal([1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 11, 12], ends!);
        Assert.Equal("Nguyen", UnicodeNfkc.SearchForm("Nguy\u1EC5n"));
    }

    [Fact]
    public void Normalize_WithRanges_AsciiHasNone()
    {
        string normalized = UnicodeNfkc.Normalize("plain", out int[]? starts, out int[]? ends);

        Assert.Equal("plain", normalized);
        Assert.Null(starts);
        Assert.Null(ends);
    }

    [Theory]
    [InlineData(ValueKind.Name, "Zoe\u0308 Mu\u0308ller", "Zoë Müller")]
    [InlineData(ValueKind.Name, "JOHANN STRAUSS", "Johann Strau\u00DF")]
    [InlineData(ValueKind.Name, "\u0130SMA\u0130L YILMAZ", "\u0130smail Y\u0131lmaz")]
    [InlineData(ValueKind.Name, "I\u0307smail", "\u0130smail")]
    [InlineData(ValueKind.Generic, "12 Ru\u0065\u0301 de la Paix", "12 Rué de la Paix")]
    [InlineData(ValueKind.Identifier, "C\uFF11\uFF12\uFF13", "C123")]
    [InlineData(ValueKind.Card, "\uFF14\uFF15\uFF13\uFF19 1234 5678 9012", "4539123456789012")]
    public void ValueNormalizer_DecomposedAndComposedAgree(ValueKind kind, string decomposed, string composed) =>
        Assert.Equal(ValueNormalizer.Normalize(composed, kind), ValueNormalizer.Normalize(decomposed, kind));

    private static IEnumerable<(string Input, string Expected)> ReadVectors()
    {
        using Stream stream = typeof(UnicodeNfkcTests).Assembly.GetManifestResourceStream("SyntheticData.Privacy.Tests.nfkc-vectors.txt")!;
        using var reader = new StreamReader(stream, Encoding.ASCII);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            string[] sides = line.Split(';');
            yield return (FromHex(sides[0]), FromHex(sides[1]));
        }
    }

    private static string FromHex(string points) =>
        string.Concat(points.Split(' ').Select(p => char.ConvertFromUtf32(int.Parse(p, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));

    private static string Hex(string text) => string.Join(' ', text.EnumerateRunes().Select(r => r.Value.ToString("X4", CultureInfo.InvariantCulture)));
}
