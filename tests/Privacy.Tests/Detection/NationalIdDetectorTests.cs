using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class NationalIdDetectorTests
{
    private readonly NationalIdDetector _detector = new();

    [Theory]
    [InlineData("DNI 12345678Z verificado", "12345678Z")]
    [InlineData("cotitular con DNI 12345678-z", "12345678-z")]
    [InlineData("NIE X1234567L caducado", "X1234567L")]
    [InlineData("NIE X-1234567-L", "X-1234567-L")]
    [InlineData("codice fiscale rssmra85t10a562s del cointestatario", "rssmra85t10a562s")]
    [InlineData("NI AB123456C on file", "AB123456C")]
    [InlineData("NINO: YK 95 25 64 C", "YK 95 25 64 C")]
    [InlineData("licence MORGA753116SM9IJ seen", "MORGA753116SM9IJ")]
    [InlineData("NIR 1 85 05 78 006 084 91", "1 85 05 78 006 084 91")]
    [InlineData("numéro de sécurité sociale : 185057800608491", "185057800608491")]
    [InlineData("BSN 123456782", "123456782")]
    [InlineData("bsn: 1234.56.782", "1234.56.782")]
    [InlineData("NIF 123456789, morada nova", "123456789")]
    [InlineData("Old passport 552019384, renewed", "552019384")]
    [InlineData("passport no. 919 421 006", "919 421 006")]
    [InlineData("Reisepass C01X00T47", "C01X00T47")]
    [InlineData("EIN 12-3456789", "12-3456789")]
    [InlineData("DNI 11223344 sin letra", "11223344")]
    [InlineData("AHV-Nr. 756.1234.5678.97 erfasst", "756.1234.5678.97")]
    [InlineData("Versicherter 756.1234.5678.97", "756.1234.5678.97")]
    [InlineData("SVNR 1237 010180 erfasst", "1237 010180")]
    [InlineData("Ausweis-Nr. L01X00T47 geprüft", "L01X00T47")]
    [InlineData("Steuernummer 21/815/08150", "21/815/08150")]
    [InlineData("Steueridentifikationsnummer 95160248532", "95160248532")]
    public void Detect_FindsIdentityNumbers(string text, string number)
    {
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        Assert.Contains(findings, finding => finding.IsValidated && text.Substring(finding.Start, finding.Length) == number);
        Assert.All(findings, finding => Assert.Equal(PiiKind.Identifier, finding.Kind));
    }

    [Theory]
    [InlineData("order 12345678A shipped")]
    [InlineData("ref X1234567A")]
    [InlineData("code RSSMRA85T10A562X")]
    [InlineData("QQ123456C is the example prefix")]
    [InlineData("ab123456c")]
    [InlineData("1 85 05 78 006 084 36")]
    [InlineData("BSN 123456789")]
    [InlineData("NIF 123456788")]
    [InlineData("passport expired in 2023")]
    [InlineData("Kunde hat ein 12345 Problem")]
    [InlineData("4539148803436467")]
    [InlineData("DE89370400440532013000")]
    [InlineData("Versicherter 756.1234.5678.98")]
    [InlineData("Form W-9 sample EIN 00-0000000 shown to customer")]
    public void Detect_IgnoresLookAlikes(string text)
    {
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("12345678Z", ValueCheck.Valid)]
    [InlineData("RSSMRA85T10A562S", ValueCheck.Valid)]
    [InlineData("AB 12 34 56 C", ValueCheck.Valid)]
    [InlineData("C10059651", ValueCheck.NoMatch)]
    public void Validate_ReadsWholeCells(string cell, ValueCheck expected)
    {
        Assert.Equal(expected, _detector.Validate(cell));
    }
}
