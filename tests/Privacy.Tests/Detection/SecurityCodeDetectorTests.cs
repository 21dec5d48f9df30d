using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class SecurityCodeDetectorTests
{
    private readonly SecurityCodeDetector _detector = new();

    [Theory]
    [InlineData("Tarjeta 4970 1012 3456 7893 CVV 123", "123")]
    [InlineData("cvc2: 4567, expires 12/27", "4567")]
    [InlineData("CVC: 123.", "123")]
    [InlineData("security code is 321", "321")]
    [InlineData("código de seguridad 908", "908")]
    [InlineData("Prüfziffer: 417", "417")]
    [InlineData("CVV2 123", "123")]
    [InlineData("card ending 7121; cvv256; acct", "256")]
    [InlineData("cvc211", "211")]
    [InlineData("cvv2: 211", "211")]
    [InlineData("CVD 123", "123")]
    [InlineData("customer gave PIN 1234 on the phone", "1234")]
    public void Detect_FindsLabelledCodes(string text, string code)
    {
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        PiiFinding finding = Assert.Single(findings);
        Assert.Equal(PiiKind.CardSecurityCode, finding.Kind);
        Assert.Equal(code, text.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("paid 123 EUR")]
    [InlineData("CVV checked")]
    [InlineData("CVV 12")]
    [InlineData("CVV 12345")]
    [InlineData("CVV 123abc")]
    [InlineData("the cvvs 123")]
    public void Detect_IgnoresOtherDigits(string text)
    {
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        Assert.Empty(findings);
    }
}
