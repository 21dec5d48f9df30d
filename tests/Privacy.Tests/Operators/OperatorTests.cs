using System.Globalization;
using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Internal;
using SyntheticData.Privacy.Operators;
using SyntheticData.Privacy.Policies;
using SyntheticData.Privacy.Tests.Support;

namespace SyntheticData.Privacy.Tests.Operators;

public sealed class OperatorTests
{
    private static readonly RowContext Row = new() { Cells = [], Line = 2, PhoneRegion = "US" };

    private static string Apply(ColumnOperator op, string value)
    {
        Assert.True(op.TryApply(value, Row, out string output));
        return output;
    }

    [Fact]
    public void Pseudonym_SameEmailWrittenDifferently_SameOutput()
    {
        var op = new PseudonymOperator(new HmacPseudonymizer(AnonymizationHarness.KeyA), ValueKind.Email, 16, string.Empty);

        Assert.Equal(Apply(op, "Ada.B@Example.org"), Apply(op, "  ada.b@example.org "));
        Assert.NotEqual(Apply(op, "ada.b@example.org"), Apply(op, "ada.c@example.org"));
    }

    [Fact]
    public void PrefetchedKey_GivesSameOutputs()
    {
        // The key that Prefetch returns replaces the one TryApply computes, on a miss and on a hit, in two regions.
        var pseudonymizer = new HmacPseudonymizer(AnonymizationHarness.KeyA);
        var tokenizer = new Ff1Tokenizer(AnonymizationHarness.KeyA);
        (Func<ColumnOperator> Create, string Value)[] cases =
        [
            (() => new PseudonymOperator(pseudonymizer, ValueKind.Phone, 16, string.Empty), "020 7946 0123"),
            (() => new PseudonymOperator(pseudonymizer, ValueKind.Email, 16, string.Empty), "Ada.B@Example.org"),
            (() => new TokenOperator(tokenizer, pseudonymizer, TokenKind.Card, preserveIssuerPrefix: false), "4111 1111 1111 1111"),
            (() => new TokenOperator(tokenizer, pseudonymizer, TokenKind.Iban, preserveIssuerPrefix: false), "DE89 3704 0044 0532 0130 00"),
        ];
        foreach ((Func<ColumnOperator> create, string value) in cases)
        {
            // One prefetching operator serves both regions, so a key without the region would return the other's output.
            ColumnOperator prefetching = create();
            Assert.True(prefetching.Prefetches);
            foreach (string region in new[] { "US", "GB" })
            {
                var row = new RowContext { Cells = [], Line = 2, PhoneRegion = region };
                ColumnOperator plain = create();
                Assert.True(plain.TryApply(value.AsSpan(), row, out string expected));

                for (int pass = 0; pass < 2; pass++)
                {
                    UInt128 key = prefetching.Prefetch(value, row);
                    Assert.True(prefetching.TryApply(value, row, key, out string output));
                    Assert.Equal(expected, output);
                }
            }
        }
    }

    [Fact]
    public void UncachedApply_GivesSameOutputs()
    {
        // The pass copies a cached output, or on a miss applies the operator without searching the cache again.
        var pseudonymizer = new HmacPseudonymizer(AnonymizationHarness.KeyA);
        var tokenizer = new Ff1Tokenizer(AnonymizationHarness.KeyA);
        (Func<ColumnOperator> Create, string Value)[] cases =
        [
            (() => new PseudonymOperator(pseudonymizer, ValueKind.Phone, 16, string.Empty), "(212) 555-0147"),
            (() => new PseudonymOperator(pseudonymizer, ValueKind.Identifier, 16, string.Empty), "C-10000001"),
            (() => new TokenOperator(tokenizer, pseudonymizer, TokenKind.Card, preserveIssuerPrefix: false, _ => false), "4111 1111 1111 1111"),
            (() => new TokenOperator(tokenizer, pseudonymizer, TokenKind.Iban, preserveIssuerPrefix: false, _ => false), "DE89 3704 0044 0532 0130 00"),
        ];
        foreach ((Func<ColumnOperator> create, string value) in cases)
        {
            ColumnOperator plain = create();
            Assert.True(plain.TryApply(value.AsSpan(), Row, out string expected));
            ColumnOperator cached = create();
            char[] destination = new char[ColumnOperator.MaximumCopiedOutputLength];

            UInt128 key = cached.Prefetch(value, Row);
            Assert.False(cached.TryCopyCached(key, destination, out _));
            Assert.True(cached.TryApplyUncached(value, Row, key, out string output));
            bool checkedOnMiss = cached.LastOutputChecked;
            Assert.True(cached.TryCopyCached(key, destination, out int length));

            Assert.Equal(expected, output);
            Assert.Equal(expected, new string(destination, 0, length));
            Assert.Equal(plain.LastOutputChecked, checkedOnMiss);
            Assert.Equal(checkedOnMiss, cached.LastOutputChecked);
        }
    }

    [Fact]
    public void MissedLookup_CountsOnceInHitShare()
    {
        // Three lookups in ten hit, more than the minimum share of one in five, so the cache keeps working. A miss that
        // searched the cache twice would count 3 hits in 17 lookups, below the minimum.
        var op = new PseudonymOperator(new HmacPseudonymizer(AnonymizationHarness.KeyA), ValueKind.Identifier, 16, string.Empty);
        char[] destination = new char[ColumnOperator.MaximumCopiedOutputLength];
        int lookups = 3 * ValueCache.DefaultCapacity;
        int hits = 0;
        for (int i = 0; i < lookups; i++)
        {
            int block = i / 10;
            int position = i % 10;
            string value = position < 7 ? $"C{block}-{position}" : $"C{block}-{position - 7}";
            UInt128 key = op.Prefetch(value, Row);
            if (op.TryCopyCached(key, destination, out _))
            {
                hits++;
            }
            else
            {
                Assert.True(op.TryApplyUncached(value, Row, key, out _));
            }
        }

        Assert.False(op.IsCachePaused);
        Assert.Equal(lookups * 3 / 10, hits);
    }

    [Fact]
    public void Pseudonym_PhoneFormats_NormaliseToE164()
    {
        Assert.Equal("+12125550147", ValueNormalizer.Normalize("(212) 555-0147", ValueKind.Phone, "US"));
        Assert.Equal("+12125550147", ValueNormalizer.Normalize("+1 212-555-0147", ValueKind.Phone, "GB"));
        Assert.Equal("+442079460123", ValueNormalizer.Normalize("020 7946 0123", ValueKind.Phone, "GB"));
    }

    [Fact]
    public void Pseudonym_NamesCaseAndSpacing_NormaliseAlike()
    {
        Assert.Equal("sophia marlowe-quinn", ValueNormalizer.Normalize("  SOPHIA   Marlowe-Quinn ", ValueKind.Name));
        Assert.Equal(
            ValueNormalizer.Normalize("ΝΙΚΌΛΑΟΣ ΠΑΠΑΔΆΚΗΣ", ValueKind.Name),
            ValueNormalizer.Normalize("Νικόλαος Παπαδάκης", ValueKind.Name));
    }

    [Theory]
    [InlineData("STRASSE-12", "Straße 12")]
    [InlineData("K-ISTANBUL-7", "k-İstanbul-7")]
    [InlineData("AB-1", "ab1")]
    public void Pseudonym_IdentifiersCaseFolded_NormaliseAlike(string first, string second) =>
        Assert.Equal(ValueNormalizer.Normalize(first, ValueKind.Identifier), ValueNormalizer.Normalize(second, ValueKind.Identifier));

    [Fact]
    public void Pseudonym_IsLettersOnlyWithPrefix()
    {
        var op = new PseudonymOperator(new HmacPseudonymizer(AnonymizationHarness.KeyA), ValueKind.Identifier, 20, "cus_");

        Assert.Matches("^cus_[a-z]{20}$", Apply(op, "C-10000001"));
        Assert.Equal(Apply(op, "C-10000001"), Apply(op, "c10000001"));
    }

    [Fact]
    public void Pseudonym_AnotherKeyVersion_DifferentOutput()
    {
        var a = new HmacPseudonymizer(AnonymizationHarness.KeyA);
        var b = new HmacPseudonymizer(AnonymizationHarness.KeyB);

        Assert.NotEqual(a.Pseudonymize("ada", 16), b.Pseudonymize("ada", 16));
        Assert.Equal(a.Pseudonymize("ada", 16), new HmacPseudonymizer(AnonymizationHarness.KeyA).Pseudonymize("ada", 16));
    }

    [Theory]
    [InlineData(TokenKind.Card, "\uFF14\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11", "4111111111111111")]
    [InlineData(TokenKind.Digits, "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668", "12345678")]
    public void Token_OtherDigitForms_GetAsciiToken(TokenKind kind, string folded, string ascii)
    {
        var op = new TokenOperator(new Ff1Tokenizer(AnonymizationHarness.KeyA), new HmacPseudonymizer(AnonymizationHarness.KeyA), kind, false);

        Assert.Equal(Apply(op, ascii), Apply(op, folded));
    }

    [Fact]
    public void Token_ShortNumbers_AreStillReplaced()
    {
        var tokenizer = new Ff1Tokenizer(AnonymizationHarness.KeyA);
        var op = new TokenOperator(tokenizer, new HmacPseudonymizer(AnonymizationHarness.KeyA), TokenKind.Card, false);

        string output = Apply(op, "4111");

        Assert.Matches(@"^\d{4}$", output);
        Assert.NotEqual(Apply(op, "4111"), Apply(op, "4112"));
    }

    [Theory]
    [InlineData(TokenKind.Card, "N/A", @"^[A-Z]/[A-Z]$")]
    [InlineData(TokenKind.Digits, "Ada Brennick", @"^[A-Z][a-z]{2} [A-Z][a-z]{7}$")]
    [InlineData(TokenKind.Card, "Zoë Brennick", @"^[A-Z][a-z]\* [A-Z][a-z]{7}$")]
    [InlineData(TokenKind.Digits, "Jane Doe 12345678", @"^[A-Z][a-z]{3} [A-Z][a-z]{2} \d{8}$")]
    [InlineData(TokenKind.Card, "José 4111111111111111", @"^[A-Z][a-z]{2}\* \d{16}$")]
    [InlineData(TokenKind.Iban, "Jane Doe GB82WEST12345698765432", @"^[A-Z][a-z]{3} [A-Z][a-z]{2} [A-Z]{2}\d{2}[A-Z]{4}\d{14}$")]
    public void Token_ValueWithoutNumber_IsReplacedInShape(TokenKind kind, string value, string shape)
    {
        var tokenizer = new Ff1Tokenizer(AnonymizationHarness.KeyA);
        var op = new TokenOperator(tokenizer, new HmacPseudonymizer(AnonymizationHarness.KeyA), kind, false);

        string output = Apply(op, value);

        Assert.Matches(shape, output);
        Assert.DoesNotContain(output.Split(' ', '-', '/', '(', ')'), part => part.Length > 2 && value.Contains(part, StringComparison.Ordinal));
        Assert.Equal(output, Apply(new TokenOperator(tokenizer, new HmacPseudonymizer(AnonymizationHarness.KeyA), kind, false), value));
    }

    [Fact]
    public void Token_DetectableToken_IsEncryptedAgain()
    {
        var tokenizer = new Ff1Tokenizer(AnonymizationHarness.KeyA);
        var pseudonymizer = new HmacPseudonymizer(AnonymizationHarness.KeyA);
        var unchecked_ = new TokenOperator(tokenizer, pseudonymizer, TokenKind.Digits, false);
        string first = Apply(unchecked_, "12345678");
        var op = new TokenOperator(tokenizer, pseudonymizer, TokenKind.Digits, false, token => token == first);

        string retried = Apply(op, "12345678");

        Assert.NotEqual(first, retried);
        Assert.Matches(@"^\d{8}$", retried);
        Assert.Equal(retried, Apply(op, "12345678"));
    }

    [Fact]
    public void Token_AlwaysDetectable_FallsBackToMask()
    {
        var op = new TokenOperator(
            new Ff1Tokenizer(AnonymizationHarness.KeyA), new HmacPseudonymizer(AnonymizationHarness.KeyA), TokenKind.Card, false, _ => true);

        Assert.Equal("****-****", Apply(op, "1234-5678"));
    }

    [Fact]
    public void Token_LastOutputChecked_FollowsCheck()
    {
        var tokenizer = new Ff1Tokenizer(AnonymizationHarness.KeyA);
        var pseudonymizer = new HmacPseudonymizer(AnonymizationHarness.KeyA);
        var uncheckedOperator = new TokenOperator(tokenizer, pseudonymizer, TokenKind.Card, false);
        var checkedOperator = new TokenOperator(tokenizer, pseudonymizer, TokenKind.Card, false, _ => false);
        int maskingChecks = 0;
        var maskingOperator = new TokenOperator(tokenizer, pseudonymizer, TokenKind.Card, false, _ => ++maskingChecks > 0);

        Apply(uncheckedOperator, "1234-5678");
        Assert.False(uncheckedOperator.LastOutputChecked);

        // The first call makes the token and the second reads it from the cache.
        Apply(checkedOperator, "1234-5678");
        Assert.True(checkedOperator.LastOutputChecked);
        Apply(checkedOperator, "1234-5678");
        Assert.True(checkedOperator.LastOutputChecked);

        // A masked value failed every check, so it counts as unchecked, also when it comes from the cache.
        Apply(maskingOperator, "1234-5678");
        Assert.False(maskingOperator.LastOutputChecked);
        Apply(maskingOperator, "1234-5678");
        Assert.False(maskingOperator.LastOutputChecked);
        Assert.Equal(TokenOperator.MaximumAttempts, maskingChecks);
    }

    [Fact]
    public void Ff1_TooSmallDomain_IsRejected()
    {
        var tokenizer = new Ff1Tokenizer(AnonymizationHarness.KeyA);

        Assert.Throws<ArgumentException>(() => tokenizer.Encrypt(new byte[5], 10, "t"));
        var symbols = new byte[] { 1, 2, 3, 4, 5, 6 };
        tokenizer.Encrypt(symbols, 10, "t");
        Assert.All(symbols, symbol => Assert.InRange(symbol, (byte)0, (byte)9));
    }

    [Theory]
    [InlineData(6, 4, "4111111111111111", "411111******1111")]
    [InlineData(0, 4, "4111 1111 1111 1111", "**** **** **** 1111")]
    [InlineData(6, 4, "41111111", "********")]
    [InlineData(4, 0, "5200-0000-0000-0007", "5200-****-****-****")]
    [InlineData(6, 4, "Jane Doe 4111111111111111", "**** *** 411111******1111")]
    [InlineData(6, 4, "José Álvarez", "**** *******")]
    [InlineData(6, 4, "AB12CD34", "********")]
    public void Truncate_ShowsOnlyTheAllowedDigits(int first, int last, string input, string expected)
    {
        Assert.Equal(expected, Apply(new TruncateOperator(first, last, '*'), input));
    }

    [Fact]
    public void Truncate_MoreThanPciAllows_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TruncateOperator(7, 4, '*'));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TruncateOperator(6, 5, '*'));
    }

    [Theory]
    [InlineData(0, 4, "ada.b@example.org", "***.*@******e.org")]
    [InlineData(0, 4, "123456", "******")]
    [InlineData(2, 0, "AB-123456", "AB-******")]
    [InlineData(0, 7, "4929731526018155", "************8155")]
    [InlineData(7, 0, "4929 7315 2601 8155", "4929 73** **** ****")]
    [InlineData(0, 7, "4929731526018156", "*********6018156")]
    [InlineData(8, 0, "Visa 4864542841036641", "Visa 48**************")]
    [InlineData(0, 8, "4864542841036641/1225", "****************/1225")]
    public void Mask_KeepsOnlyTheEndsOfLongValues(int first, int last, string input, string expected)
    {
        Assert.Equal(expected, Apply(new MaskOperator(first, last, '*'), input));
    }

    [Theory]
    [InlineData(GeneralizeMethod.NumericBins, "27.5", "[20, 30)")]
    [InlineData(GeneralizeMethod.NumericBins, "-3", "[-10, 0)")]
    [InlineData(GeneralizeMethod.AgeBands, "37", "30-39")]
    [InlineData(GeneralizeMethod.AgeBands, "95", "90+")]
    [InlineData(GeneralizeMethod.DateYear, "1985-04-17", "1985")]
    [InlineData(GeneralizeMethod.DateMonth, "1985-04-17 10:00:00", "1985-04")]
    [InlineData(GeneralizeMethod.DateYear, "1985", "1985")]
    [InlineData(GeneralizeMethod.DateYear, " 1985 ", "1985")]
    [InlineData(GeneralizeMethod.DateMonth, "1985-04", "1985-04")]
    [InlineData(GeneralizeMethod.DateYear, "1985-04", "1985")]
    [InlineData(GeneralizeMethod.PostcodePrefix, "81675", "816**")]
    [InlineData(GeneralizeMethod.PostcodePrefix, "SW1A 1AA", "SW1* ***")]
    [InlineData(GeneralizeMethod.PostcodePrefix, "81", "**")]
    public void Generalize_CoarsensValues(GeneralizeMethod method, string input, string expected)
    {
        var op = new GeneralizeOperator(method, 10, 0, 90, 3, new DateFormats(DateFormats.Default));

        Assert.Equal(expected, Apply(op, input));
    }

    [Theory]
    [InlineData("4539148803436467")]
    [InlineData(" 5555555555554444 ")]
    [InlineData("4111111111111111.00")]
    [InlineData("+4111111111111111")]
    [InlineData("04111111111111111")]
    [InlineData("4.111111111111111E15")]
    public void NumericOperators_RejectCardNumbers(string card)
    {
        // Noise of a few units or a bin of width 10 would publish all but the last digits of a card in an amount column.
        var noise = new NoiseOperator(AnonymizationHarness.KeyA, "amount", 5, NoiseDistribution.Laplace, decimals: null);
        var bins = new GeneralizeOperator(GeneralizeMethod.NumericBins, 10, 0, 90, 3, new DateFormats(DateFormats.Default));

        Assert.False(noise.TryApply(card, Row, out string noisy));
        Assert.False(bins.TryApply(card, Row, out string binned));
        Assert.Empty(noisy);
        Assert.Empty(binned);
        Assert.Equal("[4539148803436460, 4539148803436470)", Apply(bins, "4539148803436468"));
        Assert.Equal("[40.1, 40.2)", Apply(new GeneralizeOperator(GeneralizeMethod.NumericBins, 0.1, 0, 90, 3, new DateFormats(DateFormats.Default)), "40.14899999999999"));
    }

    [Fact]
    public void Generalize_FractionalBins_HaveCleanEdges()
    {
        var op = new GeneralizeOperator(GeneralizeMethod.NumericBins, 0.1, 0, 90, 3, new DateFormats(DateFormats.Default));

        Assert.Equal("[40.3, 40.4)", Apply(op, "40.3207"));
        Assert.Equal("[-110.5, -110.4)", Apply(op, "-110.436"));
    }

    [Theory]
    [InlineData(0.1, "0.3", "[0.3, 0.4)")]
    [InlineData(0.1, "0.7", "[0.7, 0.8)")]
    [InlineData(0.1, "33.9", "[33.9, 34)")]
    [InlineData(0.1, "-80.9", "[-80.9, -80.8)")]
    [InlineData(0.01, "0.29", "[0.29, 0.3)")]
    [InlineData(0.05, "1.15", "[1.15, 1.2)")]
    [InlineData(0.01, "1E-2", "[0.01, 0.02)")]
    [InlineData(10, "1.5e2", "[150, 160)")]
    [InlineData(0.1, "-0", "[0, 0.1)")]
    public void Generalize_ValueOnEdge_StartsItsBin(double width, string input, string expected)
    {
        var op = new GeneralizeOperator(GeneralizeMethod.NumericBins, width, 0, 90, 3, new DateFormats(DateFormats.Default));

        Assert.Equal(expected, Apply(op, input));
    }

    [Fact]
    public void Generalize_DecimalWidths_KeepValueInItsBin()
    {
        // Every value with up to three decimals, for widths that binary floating point cannot represent, must lie in
        // the half-open bin its label states.
        var random = new Random(3);
        foreach (double width in new[] { 0.1, 0.01, 0.05, 0.2, 0.3, 2.5, 0.001 })
        {
            var op = new GeneralizeOperator(GeneralizeMethod.NumericBins, width, 0, 90, 3, new DateFormats(DateFormats.Default));
            for (int i = 0; i < 2_000; i++)
            {
                decimal value = random.Next(-200_000, 200_000) / 1000m;
                string label = Apply(op, value.ToString(CultureInfo.InvariantCulture));
                string[] edges = label.Trim('[', ')').Split(", ");
                decimal lower = decimal.Parse(edges[0], CultureInfo.InvariantCulture);
                decimal upper = decimal.Parse(edges[1], CultureInfo.InvariantCulture);

                Assert.True(lower <= value, $"{value} is below its bin {label}");
                Assert.True(value < upper, $"{value} is not below the end of its bin {label}");
                Assert.Equal((decimal)width, upper - lower);
            }
        }
    }

    [Theory]
    [InlineData("5", "5-14")]
    [InlineData("14", "5-14")]
    [InlineData("15", "15-24")]
    [InlineData("3", "0-4")]
    [InlineData("0", "0-4")]
    [InlineData("85", "85-89")]
    [InlineData("90", "90+")]
    public void Generalize_AgeBandsFromOrigin_StartThere(string input, string expected)
    {
        var op = new GeneralizeOperator(GeneralizeMethod.AgeBands, 10, 5, 90, 3, new DateFormats(DateFormats.Default));

        Assert.Equal(expected, Apply(op, input));
    }

    [Theory]
    [InlineData("0", "0-17")]
    [InlineData("9", "0-17")]
    [InlineData("17", "0-17")]
    [InlineData("18", "18-22")]
    public void Generalize_AgesBelowOrigin_ShareOneBand(string input, string expected)
    {
        var op = new GeneralizeOperator(GeneralizeMethod.AgeBands, 5, 18, 90, 3, new DateFormats(DateFormats.Default));

        Assert.Equal(expected, Apply(op, input));
    }

    [Theory]
    [InlineData("5155", "051**")]
    [InlineData("92101", "921**")]
    [InlineData("SW1A 1AA", "SW1* ***")]
    [InlineData("501", "005**")]
    public void Generalize_PadDigits_RestoresLeadingZeros(string input, string expected)
    {
        var op = new GeneralizeOperator(GeneralizeMethod.PostcodePrefix, 1, 0, 90, 3, new DateFormats(DateFormats.Default), padDigits: 5);

        Assert.Equal(expected, Apply(op, input));
    }

    [Fact]
    public void Generalize_UnparseableNumber_ReturnsFalse()
    {
        var op = new GeneralizeOperator(GeneralizeMethod.NumericBins, 10, 0, 90, 3, new DateFormats(DateFormats.Default));

        Assert.False(op.TryApply("twelve", Row, out _));
    }

    [Theory]
    [InlineData("2022-07-31T00:00:00", "yyyy-MM-ddTHH:mm:ss")]
    [InlineData("2022-07-31", "yyyy-MM-dd")]
    [InlineData("31.07.2022", "dd.MM.yyyy")]
    [InlineData("2022-07-31T12:00", "yyyy-MM-ddTHH:mm")]
    [InlineData("2022-07-31 12:00", "yyyy-MM-dd HH:mm")]
    [InlineData("20220731", "yyyyMMdd")]
    [InlineData("20220731T120000Z", "yyyyMMddTHHmmssZ")]
    public void DateFormats_IsoBesideDeclared_IsRead(string text, string expectedFormat)
    {
        // A typed Parquet timestamp arrives in ISO 8601, whatever format the policy declares for the CSV extract.
        var formats = new DateFormats(["dd.MM.yyyy"]);

        int index = formats.TryParse(text, out DateTimeOffset value);

        Assert.True(index >= 0);
        Assert.Equal(expectedFormat, formats.Formats[index]);
        Assert.Equal(new DateTime(2022, 7, 31), value.Date);
        Assert.Equal("dd.MM.yyyy", formats.Formats[0]);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public void DateShift_EdgeOfCalendar_IsUnreadable(string date)
    {
        // Some offsets would point beyond the calendar's ends. Such dates must be reported for every entity, not crash the
        // run, and not be shifted for the entities whose offset allows it, which would reveal those offsets.
        var pseudonymizer = new HmacPseudonymizer(AnonymizationHarness.KeyA);
        var op = new DateShiftOperator(AnonymizationHarness.KeyA, pseudonymizer, 0, ValueKind.Identifier, 30, new DateFormats(["yyyy-MM-dd"]), [""]);
        bool[] read = [.. Enumerable.Range(0, 40).Select(i => op.TryApply(date, new RowContext { Cells = [$"C{i}", date] }, out _))];
        bool[] inside = [.. Enumerable.Range(0, 40).Select(i => op.TryApply("2024-05-01", new RowContext { Cells = [$"C{i}", "2024-05-01"] }, out _))];

        Assert.All(read, Assert.False);
        Assert.All(inside, Assert.True);
    }

    [Theory]
    [InlineData(ValueKind.Phone)]
    [InlineData(ValueKind.Card)]
    public void Pseudonym_ValuesWithoutDigits_StayDistinct(ValueKind kind)
    {
        // A name or an e-mail address typed into a phone or card column must not link every such row as one person.
        var op = new PseudonymOperator(new HmacPseudonymizer(AnonymizationHarness.KeyA), kind, 16, string.Empty);
        string[] outputs = [.. new[] { "Alice@Example.com", "José García", "x" }.Select(value => Apply(op, value))];

        Assert.Equal(3, outputs.Distinct().Count());
    }

    [Fact]
    public void DateShift_SameEntity_SameNonZeroOffset()
    {
        var pseudonymizer = new HmacPseudonymizer(AnonymizationHarness.KeyA);
        var op = new DateShiftOperator(AnonymizationHarness.KeyA, pseudonymizer, 0, ValueKind.Identifier, 30, new DateFormats(["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss"]), [""]);
        var first = new RowContext { Cells = ["C-1", "2024-03-01"] };
        var second = new RowContext { Cells = ["c1", "2024-03-11 08:30:00"] };

        Assert.True(op.TryApply("2024-03-01", first, out string a));
        Assert.True(op.TryApply("2024-03-11 08:30:00", second, out string b));

        DateTime shiftedA = DateTime.Parse(a, System.Globalization.CultureInfo.InvariantCulture);
        DateTime shiftedB = DateTime.Parse(b, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(10, (shiftedB.Date - shiftedA.Date).TotalDays);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", b);
        int offset = (int)(shiftedA - new DateTime(2024, 3, 1)).TotalDays;
        Assert.InRange(Math.Abs(offset), 1, 30);
    }

    [Theory]
    [InlineData(GeneralizeMethod.DateYear, "85")]
    [InlineData(GeneralizeMethod.DateMonth, "1985")]
    [InlineData(GeneralizeMethod.DateMonth, "1985-13")]
    [InlineData(GeneralizeMethod.DateYear, "0000")]
    public void Generalize_CoarserOrBrokenDate_IsUnreadable(GeneralizeMethod method, string value)
    {
        var op = new GeneralizeOperator(method, 10, 0, 90, 3, new DateFormats(DateFormats.Default));

        Assert.False(op.TryApply(value, new RowContext(), out _));
    }

    [Fact]
    public void Generalize_DeclaredFourDigitFormat_ReadFirst()
    {
        var op = new GeneralizeOperator(GeneralizeMethod.DateYear, 1, 0, 90, 3, new DateFormats(["MMyy"]), 0);

        Assert.Equal("1985", Apply(op, "0485"));
    }

    [Fact]
    public void Generalize_TwoDigitYears_EndAtCurrentYear()
    {
        var op = new GeneralizeOperator(GeneralizeMethod.DateYear, 1, 0, 90, 3, new DateFormats(["dd/MM/yy"]), 0);
        int nextYear = (DateTime.UtcNow.Year + 1) % 100;

        Assert.Equal("1945", Apply(op, "01/01/45"));
        Assert.Equal((DateTime.UtcNow.Year - 100 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Apply(op, $"01/01/{nextYear:00}"));
        Assert.Equal("2001", Apply(op, "01/01/01"));
    }

    [Theory]
    [InlineData("79228162514264337593543950336")]
    [InlineData("29141777631706690743915000806360837783533740681241")]
    public void Generalize_BinTooNarrowForNumber_IsUnreadable(string value)
    {
        var op = new GeneralizeOperator(GeneralizeMethod.NumericBins, 10, 0, 90, 3, new DateFormats(DateFormats.Default), 0);

        Assert.False(op.TryApply(value, new RowContext(), out _));
    }

    [Fact]
    public void Generalize_PostcodePrefix_IgnoresCase()
    {
        var op = new GeneralizeOperator(GeneralizeMethod.PostcodePrefix, 1, 0, 90, 3, new DateFormats(DateFormats.Default), 0);

        Assert.Equal("SW1* ***", Apply(op, "sw1a 1aa"));
        Assert.Equal("SW1* ***", Apply(op, "SW1A 1AA"));
    }

    [Fact]
    public void Pseudonym_GreekEmailCase_LinksToOnePseudonym()
    {
        var pseudonymizer = new HmacPseudonymizer(AnonymizationHarness.KeyA);
        var emails = new PseudonymOperator(pseudonymizer, ValueKind.Email, 16, string.Empty);

        // Upper-case sigma lower-cases to the medial form, while the word ends in the final form.
        Assert.Equal(Apply(emails, "\u03A3\u038A\u03A3\u03A5\u03A6\u039F\u03A3@example.com"), Apply(emails, "\u03C3\u03AF\u03C3\u03C5\u03C6\u03BF\u03C2@example.com"));
        Assert.NotEqual(Apply(emails, "a@example.com"), Apply(emails, "b@example.com"));
    }

    [Fact]
    public void DateShift_OffsetsCoverTheRangeWithoutZero()
    {
        var op = new DateShiftOperator(
            AnonymizationHarness.KeyA, new HmacPseudonymizer(AnonymizationHarness.KeyA), 0, ValueKind.Generic, 3, new DateFormats(DateFormats.Default), [""]);

        int[] offsets = Enumerable.Range(0, 500).Select(i => op.OffsetDays("entity-" + i)).Distinct().Order().ToArray();

        Assert.Equal([-3, -2, -1, 1, 2, 3], offsets);
    }

    [Fact]
    public void Noise_IsDeterministicAndHasTheStatedScale()
    {
        var op = new NoiseOperator(AnonymizationHarness.KeyA, "amount", 2.0, NoiseDistribution.Laplace, decimals: 4);
        double[] deviations = Enumerable.Range(0, 4000)
            .Select(i => (double)i)
            .Select(value => double.Parse(Apply(op, value.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture) - value)
            .ToArray();

        // The mean absolute deviation of Laplace(b) is b; 4000 draws put the sample mean within a few percent.
        Assert.InRange(deviations.Average(Math.Abs), 1.8, 2.2);
        Assert.InRange(deviations.Average(), -0.2, 0.2);
        Assert.Equal(Apply(op, "10.5"), Apply(op, "10.5"));
    }

    [Fact]
    public void Noise_KeepsInputDecimals()
    {
        var op = new NoiseOperator(AnonymizationHarness.KeyA, "amount", 1.0, NoiseDistribution.Gaussian, decimals: null);

        Assert.Matches(@"^-?\d+\.\d\d$", Apply(op, "12.34"));
        Assert.Matches(@"^-?\d+$", Apply(op, "12"));
        Assert.False(op.TryApply("n/a", Row, out _));
    }

    [Fact]
    public void Noise_SameNumberOtherText_SameNoise()
    {
        var op = new NoiseOperator(AnonymizationHarness.KeyA, "amount", 1.0, NoiseDistribution.Laplace, decimals: 4);

        Assert.Equal(Apply(op, "12.5"), Apply(op, "12.50"));
        Assert.Equal(Apply(op, "150"), Apply(op, "1.5e2"));
        Assert.Equal(Apply(op, "0"), Apply(op, "-0"));
    }

    [Theory]
    [InlineData("1E-2", @"^-?\d+\.\d\d$")]
    [InlineData("1.25E1", @"^-?\d+\.\d$")]
    [InlineData("1.5e2", @"^-?\d+$")]
    public void Noise_ExponentNotation_KeepsDecimals(string input, string pattern)
    {
        var op = new NoiseOperator(AnonymizationHarness.KeyA, "amount", 1.0, NoiseDistribution.Gaussian, decimals: null);

        Assert.Matches(pattern, Apply(op, input));
    }

    [Fact]
    public void Noise_RoundsToZero_NoMinusSign()
    {
        // With scale 0.5 and no decimals, a zero in 200 columns mostly rounds back to zero, and about half of those
        // draws are negative.
        string[] outputs = [.. Enumerable.Range(0, 200)
            .Select(i => Apply(new NoiseOperator(AnonymizationHarness.KeyA, $"c{i}", 0.5, NoiseDistribution.Laplace, decimals: 0), "0"))];

        Assert.Contains("0", outputs);
        Assert.DoesNotContain("-0", outputs);
    }

    [Fact]
    public void Redact_ReplacesFoundSpansWhole()
    {
        var op = new RedactOperator(
            (text, region) => AnonymizationHarness.Scanner.Scan(text, region, false),
            new HmacPseudonymizer(AnonymizationHarness.KeyA),
            RedactReplacement.Kind);
        string notes = "reach me at ines.o@example.com or pay with 4111 1111 1111 1111 today";

        string output = Apply(op, notes);

        Assert.Equal("reach me at [EMAIL] or pay with [CARD_NUMBER] today", output);
    }

    [Fact]
    public void Redact_ReplacesLabelledBirthDatesAndStreets()
    {
        var op = new RedactOperator(
            (text, region) => AnonymizationHarness.Scanner.Scan(text, region, false),
            new HmacPseudonymizer(AnonymizationHarness.KeyA),
            RedactReplacement.Kind);
        string notes = "ID checked, DOB 12 March 1985; card blocked 2024-01-15; new address: 9 Mill Lane";

        string output = Apply(op, notes);

        Assert.Equal("ID checked, DOB [DATE_OF_BIRTH]; card blocked 2024-01-15; new address: [POSTAL_ADDRESS]", output);
    }

    [Fact]
    public void Redact_LongCell_FindsValuesPastAnyCut()
    {
        var op = new RedactOperator(
            (text, region) => AnonymizationHarness.Scanner.Scan(text, region, false),
            new HmacPseudonymizer(AnonymizationHarness.KeyA),
            RedactReplacement.Pseudonym);
        char[] filler = Enumerable.Range(0, 5000).Select(i => i % 7 == 6 ? ' ' : 'x').ToArray();
        string notes = new string(filler, 0, 300) + "reach me at ines.o@example.com " + new string(filler, 0, 4569) + " 4111111111111111";

        string output = Apply(op, notes);

        Assert.DoesNotContain("ines.o@example.com", output, StringComparison.Ordinal);
        Assert.DoesNotContain("4111111111111111", output, StringComparison.Ordinal);
        Assert.Matches(@"\[EMAIL:[a-z]{16}\]", output);
    }
}
