using FsCheck.Xunit;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class CardNumberDetectorTests
{
    private readonly CardNumberDetector _detector = new();

    [Theory]
    [InlineData("2720000000000005")]
    [InlineData("2221000000000009")]
    [InlineData("4000 0000 0000 0000 006")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("378282246310005")]
    [InlineData("6011111111111117")]
    [InlineData("3530111333300000")]
    [InlineData("30569309025904")]
    [InlineData("4929.7315.2601.8155")]
    [InlineData("4929/7315/2601/8155")]
    [InlineData("4929_7315_2601_8155")]
    [InlineData("4929\u00A07315\u00A02601\u00A08155")]
    public void Validate_AcceptsLuhnValidIssuerNumbers(string value)
    {
        Assert.Equal(ValueCheck.Valid, _detector.Validate(value));
    }

    [Fact]
    public void Validate_ReportsLuhnInvalidLookAlike()
    {
        Assert.Equal(ValueCheck.FailedCheck, _detector.Validate("4000000000000001"));
    }

    [Fact]
    public void Validate_RejectsSingleDigitTypo()
    {
        Assert.Equal(ValueCheck.Valid, _detector.Validate("4111111111111111"));
        Assert.Equal(ValueCheck.FailedCheck, _detector.Validate("4111111111111112"));
    }

    [Fact]
    public void Validate_RejectsLuhnValidNumberOutsideIssuerRanges()
    {
        // The number passes Luhn, but prefix 9000 lies in no brand's issuer range.
        Assert.Equal(ValueCheck.FailedCheck, _detector.Validate("9000000000000008"));
    }

    [Fact]
    public void Validate_AcceptsTwoNumbersInOneCell()
    {
        Assert.Equal(ValueCheck.Valid, _detector.Validate("4111111111111111;5200000000000007"));
    }

    [Fact]
    public void Validate_TwelveDigitMaestroOnlyWholeCell()
    {
        const string maestro = "501800000009";
        Assert.Equal(ValueCheck.Valid, _detector.Validate(maestro));
        List<PiiFinding> findings = [];
        _detector.Detect($"paid with {maestro} today", findings);
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("paid with 4929.7315.2601.8155 today", "4929.7315.2601.8155")]
    [InlineData("card 3782/822463/10005.", "3782/822463/10005")]
    [InlineData("card 4929 7315-2601 8155 on file", "4929 7315-2601 8155")]
    [InlineData("card 4864\u202F5428\u202F4103\u202F6641 on file", "4864\u202F5428\u202F4103\u202F6641")]
    [InlineData("card 4929-7315 2601-8155 on file", "4929-7315 2601-8155")]
    [InlineData("card 4539148803436467 12/27", "4539148803436467")]
    [InlineData("4539148803436467 3 times", "4539148803436467")]
    [InlineData("paid 4539148803436467 100 USD", "4539148803436467")]
    [InlineData("ref 4539148803436467 42", "4539148803436467")]
    [InlineData("card 4539 1488 0343 6467 12/27", "4539 1488 0343 6467")]
    [InlineData("order 42 4539148803436467", "4539148803436467")]
    [InlineData("card 4539148803436467 2024-01-15", "4539148803436467")]
    [InlineData("card 4539 1488 0343 6467 15.01.2024", "4539 1488 0343 6467")]
    [InlineData("card 4539148803436467 01.2027", "4539148803436467")]
    [InlineData("charged 19.99 4539148803436467", "4539148803436467")]
    [InlineData("paid $1,234.56 4539148803436467", "4539148803436467")]
    [InlineData("v1.2 4539 1488 0343 6467", "4539 1488 0343 6467")]
    [InlineData("card 4539 - 1488 - 0343 - 6467 ok", "4539 - 1488 - 0343 - 6467")]
    [InlineData("card 4539 / 1488 / 0343 / 6467 ok", "4539 / 1488 / 0343 / 6467")]
    [InlineData("card 4539 | 1488 | 0343 | 6467 ok", "4539 | 1488 | 0343 | 6467")]
    [InlineData("card 4539|1488|0343|6467 ok", "4539|1488|0343|6467")]
    [InlineData("card 4539:1488:0343:6467 ok", "4539:1488:0343:6467")]
    [InlineData("card 4222.2222.2222.2 ok", "4222.2222.2222.2")]
    [InlineData("card 4222/2222/2222/2.", "4222/2222/2222/2")]
    [InlineData("card 4539 - 1488 - 0343 - 6467 - 100 USD", "4539 - 1488 - 0343 - 6467")]
    public void Detect_OtherSeparators_FindsCard(string text, string expected)
    {
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        PiiFinding finding = Assert.Single(findings);
        Assert.True(finding.IsValidated);
        Assert.Equal(expected, text.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("host 10.0.0.1 and 192.168.100.200")]
    [InlineData("version 4.929.7315.2601")]
    [InlineData("from 12:30 - 13:45 | 14:00 - 15:15")]
    [InlineData("ids 4222.22.22.2 and 4539|14|88")]
    public void Detect_ShortDottedGroups_NoCard(string text)
    {
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        Assert.DoesNotContain(findings, finding => finding.IsValidated);
    }

    [Fact]
    public void Detect_FindsNineteenDigitsGroupedWhole()
    {
        const string text = "card 4000 0000 0000 0000 006 on file";
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        PiiFinding finding = Assert.Single(findings);
        Assert.True(finding.IsValidated);
        Assert.Equal("4000 0000 0000 0000 006", text.Substring(finding.Start, finding.Length));
    }

    [Fact]
    public void Detect_FindsTwoNumbersSeparatedBySemicolon()
    {
        const string text = "4111111111111111;5200000000000007";
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.True(f.IsValidated));
        Assert.Equal("4111111111111111", text.Substring(findings[0].Start, findings[0].Length));
        Assert.Equal("5200000000000007", text.Substring(findings[1].Start, findings[1].Length));
    }

    [Fact]
    public void Detect_SplitsTwoNumbersSeparatedBySpace()
    {
        const string text = "4111111111111111 5200000000000007";
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        Assert.Equal(2, findings.Count(f => f.IsValidated));
    }

    [Fact]
    public void Detect_MarksLuhnInvalidLookAlikeUnvalidated()
    {
        List<PiiFinding> findings = [];
        _detector.Detect("ref 4000000000000001", findings);

        PiiFinding finding = Assert.Single(findings);
        Assert.False(finding.IsValidated);
    }

    [Theory]
    [InlineData("c4e8a1f0-7b2d-4c9e-8212-555014712345")]
    [InlineData("amount 1599123456.00")]
    [InlineData("2020-06-21 12:14:25")]
    [InlineData("sku 098765012345")]
    public void Detect_IgnoresDigitRunsInsideOtherTokens(string text)
    {
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        Assert.DoesNotContain(findings, f => f.IsValidated);
    }

    [Fact]
    public void Detect_IgnoresNumberFollowedByDate()
    {
        // 63477220240422 passes Luhn and lies in the Maestro range, but here it is a number and a date.
        Assert.Equal(ValueCheck.Valid, _detector.Validate("63477220240422"));
        List<PiiFinding> findings = [];
        _detector.Detect("batch 634772 2024-04-22 closed", findings);

        Assert.Empty(findings);
    }

    [Fact]
    public void Detect_TreatsExcludedPrefixAsToken()
    {
        CardNumberDetector detector = new(["411111"]);
        Assert.Equal(ValueCheck.FailedCheck, detector.Validate("4111111111111111"));
        Assert.Equal(ValueCheck.Valid, detector.Validate("5200000000000007"));
    }

    [Fact]
    public void Constructor_RejectsNonDigitPrefix()
    {
        Assert.Throws<ArgumentException>(() => new CardNumberDetector(["41x"]));
    }

    [Property(MaxTest = 300)]
    public bool Detect_FindsEveryValidNumberWholeInAnyGrouping(int seed)
    {
        Random random = new(seed);
        string digits = CardNumbers.RandomValid(random);
        string written = CardNumbers.Group(digits, random);
        string text = $"note: {written} end";

        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);
        List<PiiFinding> validated = findings.Where(f => f.IsValidated).ToList();
        return validated.Count == 1 && text.Substring(validated[0].Start, validated[0].Length) == written;
    }

    [Property(MaxTest = 300)]
    public bool Detect_NeverValidatesLuhnInvalidDigits(int seed)
    {
        Random random = new(seed);
        string digits = CardNumbers.RandomLuhnInvalid(random);
        string written = CardNumbers.Group(digits, random);
        string text = $"ref {written} end";

        // A run of groups may hold a valid card in some of its groups, which the detector reports on purpose.
        string[] groups = written.Split([' ', '-']);
        bool validInGroups = Enumerable.Range(0, groups.Length).Any(first => Enumerable.Range(first + 1, groups.Length - first)
            .Select(end => string.Concat(groups[first..end]))
            .Any(candidate => candidate.Length >= 13 && candidate.Length <= 19 && Luhn.IsValid(candidate) && CardIssuers.IsKnownIssuer(candidate)));

        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);
        return validInGroups || findings.All(f => !f.IsValidated);
    }
}
