using System.Text;
using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Internal;
using SyntheticData.Privacy.Operators;
using SyntheticData.Privacy.Tests.Detection;
using SyntheticData.Privacy.Tests.Support;

namespace SyntheticData.Privacy.Tests.Operators;

/// <summary>
/// One card or account number must get the same token digits however it is written, or joins across extracts break.
/// The operators here check their tokens with the real scanner, as the anonymizer does.
/// </summary>
public sealed class TokenLayoutTests
{
    private static readonly TextScanner Scanner = new(new DetectionOptions { DefaultRegion = "US" });

    [Fact]
    public void CardTokens_AnyLayout_SameDigits()
    {
        var random = new Random(17);
        TokenOperator op = NewOperator(TokenKind.Card);
        for (int i = 0; i < 1_000; i++)
        {
            string digits = CardNumbers.RandomValid(random);
            string plain = Apply(op, digits);
            foreach (string layout in Layouts(digits))
            {
                Assert.Equal(plain, Digits(Apply(op, layout)));
            }
        }
    }

    [Fact]
    public void IbanTokens_AnyLayout_SameCharacters()
    {
        var random = new Random(19);
        TokenOperator op = NewOperator(TokenKind.Iban);
        foreach (string country in new[] { "DE", "GB", "NL", "FR" })
        {
            for (int i = 0; i < 300; i++)
            {
                string iban = RandomIban(country, random);
                string plain = Apply(op, iban);
                string spaced = Apply(op, string.Join(' ', iban.Chunk(4).Select(chunk => new string(chunk))));
                string dashed = Apply(op, string.Join('-', iban.Chunk(4).Select(chunk => new string(chunk))));

                Assert.Equal(plain, Compact(spaced));
                Assert.Equal(plain, Compact(dashed));
                Assert.Equal(plain, Compact(Apply(op, iban.ToLowerInvariant())).ToUpperInvariant());
            }
        }
    }

    [Fact]
    public void IbanTokens_PrintedInGroups_NothingFound()
    {
        // Whatever layout an IBAN arrives in, its token printed in the usual groups of four must not read as a card number
        // or an IBAN to a scanner, so that the anonymized output passes another data-loss scan.
        var random = new Random(23);
        TokenOperator op = NewOperator(TokenKind.Iban);
        foreach (string country in new[] { "DE", "GB", "NL", "FR", "ES" })
        {
            for (int i = 0; i < 400; i++)
            {
                string token = Compact(Apply(op, RandomIban(country, random)));
                string printed = string.Join(' ', token.Chunk(4).Select(chunk => new string(chunk)));

                PiiKind[] kinds = new PiiKind[TextScanner.TextKindCount];
                int found = Scanner.FindValidatedKinds(printed, region: null, kinds);

                Assert.DoesNotContain(PiiKind.CardNumber, kinds[..found]);
                Assert.DoesNotContain(PiiKind.Iban, kinds[..found]);
                Assert.False(Scanner.ContainsValidated(token), token);
            }
        }
    }

    [Theory]
    [InlineData("4111.1111.1111.1111")]
    [InlineData("4111  1111  1111  1111")]
    [InlineData("4111 - 1111 - 1111 - 1111")]
    [InlineData("4111/1111/1111/1111")]
    [InlineData("4111_1111_1111_1111")]
    public void CardTokens_OtherSeparators_OneNumber(string layout)
    {
        // Each group tokenized on its own would map equal groups to equal output groups and keep the issuer prefix
        // recognisable, so the whole number must be one token.
        TokenOperator op = NewOperator(TokenKind.Card);

        string token = Apply(op, layout);

        Assert.Equal(Apply(op, "4111111111111111"), Digits(token));
        Assert.Equal(layout.Length, token.Length);
    }

    [Fact]
    public void AccountTokens_LastDigitDiffers_TokensDiffer()
    {
        // An account number's last digit is its own, unlike a card's check digit, so ten accounts that differ only there
        // must not merge into one token.
        TokenOperator op = NewOperator(TokenKind.Digits);
        string[] tokens = [.. Enumerable.Range(0, 10).Select(digit => Apply(op, "411111111111111" + digit))];

        Assert.Equal(10, tokens.Distinct().Count());
        Assert.DoesNotContain(tokens, token => Scanner.ContainsValidated(token));
    }

    [Fact]
    public void JoinedView_RemovesSeparatorsInsideRuns()
    {
        Assert.Equal("370996030824628", TokenOperator.JoinedView("3709 960308 24628"));
        Assert.Equal("DE34996614444143741958", TokenOperator.JoinedView("DE34 9966 1444 4143 7419 58"));
        Assert.Equal("exp 1227", TokenOperator.JoinedView("exp 12/27"));
        Assert.Equal("n/a", TokenOperator.JoinedView("n/a"));
    }

    private static TokenOperator NewOperator(TokenKind kind) =>
        new(new Ff1Tokenizer(AnonymizationHarness.KeyA), new HmacPseudonymizer(AnonymizationHarness.KeyA), kind, preserveIssuerPrefix: false,
            token => Scanner.ContainsValidated(token));

    private static string Apply(TokenOperator op, string value)
    {
        Assert.True(op.TryApply(value, new RowContext(), out string output));
        return output;
    }

    private static IEnumerable<string> Layouts(string digits)
    {
        // The usual groupings: 4-4-4-4 for most brands, 4-6-5 for 15-digit and 4-6-4 for 14-digit numbers.
        int[] sizes = digits.Length switch
        {
            15 => [4, 6, 5],
            14 => [4, 6, 4],
            _ => [.. Enumerable.Repeat(4, digits.Length / 4), .. digits.Length % 4 == 0 ? Array.Empty<int>() : [digits.Length % 4]],
        };
        var groups = new List<string>();
        int position = 0;
        foreach (int size in sizes)
        {
            groups.Add(digits.Substring(position, size));
            position += size;
        }

        foreach (string separator in new[] { " ", "-", ".", "  ", "\u00A0" })
        {
            yield return string.Join(separator, groups);
        }
    }

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    private static string Compact(string text) => new(text.Where(char.IsAsciiLetterOrDigit).ToArray());

    // A random IBAN of the country's length with valid check digits. GB and NL ones start with four bank letters.
    private static string RandomIban(string country, Random random)
    {
        int length = country switch { "DE" => 22, "GB" => 22, "NL" => 18, "ES" => 24, _ => 27 };
        var bban = new StringBuilder();
        for (int i = 0; i < length - 4; i++)
        {
            bool letter = (country == "GB" && i < 4) || (country == "NL" && i < 4);
            bban.Append(letter ? (char)('A' + random.Next(26)) : (char)('0' + random.Next(10)));
        }

        int remainder = Checksums.IbanRemainder(country + "00" + bban);
        int check = 98 - remainder;
        return country + check.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + bban;
    }
}
