using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class PhoneDetectorTests
{
    [Theory]
    [InlineData("020 7946 0123", "GB")]
    [InlineData("01 23 45 67 89", "FR")]
    [InlineData("+44 20 7946 0456", "GB")]
    [InlineData("+44 20 7946 0456", "US")]
    [InlineData("(212) 555-0147", "US")]
    public void Validate_AcceptsNationalAndInternationalFormats(string value, string region)
    {
        PhoneDetector detector = new("US");

        Assert.Equal(ValueCheck.Valid, detector.Validate(value, region));
    }

    [Fact]
    public void Validate_AcceptsReservedDramaRangeWithGb()
    {
        // Ofcom reserves 07700 900000-900999 for fiction, and libphonenumber's metadata leaves the range out. Sample
        // extracts use it, so with GB it counts as a phone number; with US it is only phone-shaped.
        Assert.Equal(ValueCheck.Valid, new PhoneDetector("GB").Validate("07700 900123"));
        Assert.NotEqual(ValueCheck.Valid, new PhoneDetector("US").Validate("07700 900123"));
    }

    [Fact]
    public void Validate_UsesRowRegionOverDefault()
    {
        PhoneDetector detector = new("US");

        Assert.NotEqual(ValueCheck.Valid, detector.Validate("01 23 45 67 89", null));
        Assert.Equal(ValueCheck.Valid, detector.Validate("01 23 45 67 89", "FR"));
    }

    [Theory]
    [InlineData("c4e8a1f0-7b2d-4c9e-8212-5550147ab3d2")]
    [InlineData("1599123456.00")]
    [InlineData("310000.2")]
    [InlineData("call me")]
    [InlineData("1234")]
    public void Validate_RejectsNonPhoneValues(string value)
    {
        Assert.NotEqual(ValueCheck.Valid, new PhoneDetector().Validate(value));
    }

    [Theory]
    [InlineData("Tel 01.42.68.53.00 ok", "FR", "01.42.68.53.00")]
    [InlineData("mobile 06.12.34.56.78", "FR", "06.12.34.56.78")]
    [InlineData("Tel 01-42-68-53-00", "FR", "01-42-68-53-00")]
    [InlineData("Tel +33.1.42.68.53.00", "US", "+33.1.42.68.53.00")]
    [InlineData("Tel +44-20-7946-0958", "US", "+44-20-7946-0958")]
    [InlineData("call (202)\n456-1111 now", "US", "(202)\n456-1111")]
    [InlineData("call 020\n7946 0958", "GB", "020\n7946 0958")]
    [InlineData("tel.202-456-1111", "US", "202-456-1111")]
    [InlineData("Fax:202-456-1111", "US", "202-456-1111")]
    [InlineData("Tel2024561111", "US", "2024561111")]
    [InlineData("telephone2024561111", "US", "2024561111")]
    [InlineData("whatsapp2024561111", "US", "2024561111")]
    public void Detect_DottedDashedAndWrappedNumbers(string text, string region, string expected)
    {
        List<PiiFinding> findings = [];

        new PhoneDetector(region).Detect(text, findings);

        Assert.Contains(findings, finding => finding.IsValidated && text.Substring(finding.Start, finding.Length) == expected);
    }

    [Theory]
    [InlineData("Tel 202-456-1111/202.456.1111", "US", "202-456-1111", "202.456.1111")]
    [InlineData("Tel 0044 20 7946 0958/07911 123456", "GB", "0044 20 7946 0958", "07911 123456")]
    [InlineData("Tel. 030 901820/030 901821 erreichbar", "DE", "030 901820", "030 901821")]
    [InlineData("Tel 0171 1234567/0171 7654321", "DE", "0171 1234567", "0171 7654321")]
    public void Detect_TwoNumbersJoinedBySlash(string text, string region, string first, string second)
    {
        List<PiiFinding> findings = [];

        new PhoneDetector(region).Detect(text, findings);

        string[] found = [.. findings.Where(finding => finding.IsValidated).Select(finding => text.Substring(finding.Start, finding.Length))];
        Assert.Equal([first, second], found);
    }

    [Theory]
    [InlineData("Vertrag 2019-2021 verlängert", "DE")]
    [InlineData("Rechnung Nr. 2024/00123 bezahlt", "DE")]
    [InlineData("Bestellung 4711-0815-42 versandt", "DE")]
    [InlineData("Auftrag 2023 123 456 offen", "DE")]
    [InlineData("Artikelnummer 400638133393", "DE")]
    [InlineData("commande 2024 123 456", "FR")]
    public void Detect_NumbersWithoutTrunkPrefix_NotPhones(string text, string region)
    {
        List<PiiFinding> findings = [];

        new PhoneDetector(region).Detect(text, findings);

        Assert.DoesNotContain(findings, finding => finding.IsValidated);
    }

    [Theory]
    [InlineData("Tel. 030 901820", "DE", "030 901820")]
    [InlineData("Kontakt 0171 1234567 ab 18 Uhr", "DE", "0171 1234567")]
    [InlineData("ruf an: (030) 901820", "DE", "(030) 901820")]
    [InlineData("tel +49 30 901820", "DE", "+49 30 901820")]
    [InlineData("appel 01 42 68 53 00", "FR", "01 42 68 53 00")]
    public void Detect_NumbersWithTrunkPrefix_StillPhones(string text, string region, string expected)
    {
        List<PiiFinding> findings = [];

        new PhoneDetector(region).Detect(text, findings);

        Assert.Contains(findings, finding => finding.IsValidated && text.Substring(finding.Start, finding.Length) == expected);
    }

    [Theory]
    [InlineData("invoice INV-2024-905036 paid", "US")]
    [InlineData("tracking 1Z969AB1242886303 sent", "US")]
    [InlineData("device SN2024561111 returned", "US")]
    [InlineData("item SKU-61750-F", "DE")]
    [InlineData("ref ORD_2024561111", "US")]
    public void Detect_NumbersGluedToCodes_NotPhones(string text, string region)
    {
        List<PiiFinding> findings = [];

        new PhoneDetector(region).Detect(text, findings);

        Assert.DoesNotContain(findings, finding => finding.IsValidated);
    }

    [Theory]
    [InlineData("paid on 15.03.2024 at noon", "DE")]
    [InlineData("due 2024-03-15 latest", "US")]
    [InlineData("seen 03/15/24 again", "US")]
    public void Detect_DatesAreNotNumbers(string text, string region)
    {
        List<PiiFinding> findings = [];

        new PhoneDetector(region).Detect(text, findings);

        Assert.DoesNotContain(findings, finding => finding.IsValidated);
    }

    [Fact]
    public void Detect_FindsNumberInText()
    {
        const string text = "Call (212) 555-0147 after six";
        List<PiiFinding> findings = [];
        new PhoneDetector("US").Detect(text, findings);

        PiiFinding finding = Assert.Single(findings);
        Assert.Equal("(212) 555-0147", text.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("06 92 12 34 56")]
    [InlineData("06 90 12 34 56")]
    [InlineData("06 96 12 34 56")]
    [InlineData("06 39 10 12 34")]
    public void Detect_FindsFrenchOverseasMobilesDialledFromFrance(string number)
    {
        string text = $"Client joignable au {number} le matin";
        List<PiiFinding> findings = [];
        var detector = new PhoneDetector("FR");
        detector.Detect(text, findings);

        PiiFinding finding = Assert.Single(findings);
        Assert.Equal(number, text.Substring(finding.Start, finding.Length));
        Assert.Equal(ValueCheck.Valid, detector.Validate(number, "FR"));
    }

    [Fact]
    public void Detect_FindsBritishDramaNumbersWithGb()
    {
        const string text = "Mobile 07700 900456 preferred";
        List<PiiFinding> findings = [];
        new PhoneDetector("GB").Detect(text, findings);

        Assert.Equal("07700 900456", text.Substring(Assert.Single(findings).Start, findings[0].Length));
    }

    [Fact]
    public void Detect_FindsInternationalNumberWithAnyDefaultRegion()
    {
        const string text = "ring +44 20 7946 0456 today";
        List<PiiFinding> findings = [];
        new PhoneDetector("US").Detect(text, findings);

        PiiFinding finding = Assert.Single(findings);
        Assert.Equal("+44 20 7946 0456", text.Substring(finding.Start, finding.Length));
    }

    [Fact]
    public void Detect_FindsTwoNumbersSeparatedBySpaces()
    {
        const string text = "212 555 0147 212 555 0199";
        List<PiiFinding> findings = [];
        new PhoneDetector("US").Detect(text, findings);

        Assert.Equal(2, findings.Count);
        Assert.Equal("212 555 0147", text.Substring(findings[0].Start, findings[0].Length));
        Assert.Equal("212 555 0199", text.Substring(findings[1].Start, findings[1].Length));
    }

    [Theory]
    [InlineData("order 123456 shipped", "US")]
    [InlineData("shipped 2024-03-15", "DK")]
    [InlineData("born 15.03.1985", "DE")]
    [InlineData("card 4111 1111 1111 1111 declined", "US")]
    [InlineData("at 12:14:25 on 2020-06-21", "US")]
    [InlineData("closed 2024-11-27 58 items", "US")]
    [InlineData("[309999.9, 310000.2)", "US")]
    [InlineData("balance 310000.2 due", "US")]
    public void Detect_IgnoresDatesAndOtherNumbers(string text, string region)
    {
        List<PiiFinding> findings = [];
        new PhoneDetector("US").Detect(text, region, findings);

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("UK")]
    [InlineData("FE")]
    [InlineData("gb")]
    [InlineData("")]
    public void Constructor_RejectsInvalidRegion(string region)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new PhoneDetector(region));
        Assert.Contains(region, error.Message, StringComparison.Ordinal);
    }
}
