using System.Text;
using FsCheck;
using FsCheck.Xunit;
using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class BirthDateDetectorTests
{
    private readonly BirthDateDetector _detector = new();

    [Theory]
    [InlineData("DOB 12/03/1985, verified by phone", "12/03/1985")]
    [InlineData("dob: 1985-03-12", "1985-03-12")]
    [InlineData("D.O.B. 3.7.85 per passport", "3.7.85")]
    [InlineData("Customer's date of birth is 12 March 1985.", "12 March 1985")]
    [InlineData("born on March 12, 1985 in Leeds", "March 12, 1985")]
    [InlineData("Born: Mar. 12th 1985", "Mar. 12th 1985")]
    [InlineData("birthdate=12th of March 1985", "12th of March 1985")]
    [InlineData("Kundin geb. 12.03.1985, Ausweis geprüft", "12.03.1985")]
    [InlineData("geboren am 12. März 1985", "12. März 1985")]
    [InlineData("Geburtsdatum: 1. Okt. 1962", "1. Okt. 1962")]
    [InlineData("cliente née le 3 mars 1985", "3 mars 1985")]
    [InlineData("Date de naissance : 03/07/1985", "03/07/1985")]
    [InlineData("fecha de nacimiento 12 de marzo de 1985", "12 de marzo de 1985")]
    [InlineData("nato il 12/03/1985 a Roma", "12/03/1985")]
    [InlineData("data de nascimento: 12-03-1985", "12-03-1985")]
    [InlineData("geboortedatum 12-03-1985", "12-03-1985")]
    [InlineData("生年月日 1985年3月12日", "1985年3月12日")]
    [InlineData("DOB12/03/1985", "12/03/1985")]
    [InlineData("Born 02/29/1988", "02/29/1988")]
    [InlineData("dob 06181995. ok", "06181995")]
    [InlineData("b. 6/18/95, called", "6/18/95")]
    [InlineData("bday 6/18/95", "6/18/95")]
    [InlineData("dob 3 7 85 per agent", "3 7 85")]
    [InlineData("born 19850307", "19850307")]
    [InlineData("DOB 12-Mar-1985", "12-Mar-1985")]
    [InlineData("DOB: 12-MAR-85", "12-MAR-85")]
    [InlineData("DOB 12 Mar 85", "12 Mar 85")]
    [InlineData("fecha nac. 12/03/1985", "12/03/1985")]
    [InlineData("DOB 031285", "031285")]
    [InlineData("b. 12/03/1985", "12/03/1985")]
    public void Detect_FindsLabelledBirthDates(string text, string date)
    {
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        PiiFinding finding = Assert.Single(findings);
        Assert.True(finding.IsValidated);
        Assert.Equal(PiiKind.DateOfBirth, finding.Kind);
        Assert.Equal(date, text.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("paid on 12/03/1985")]
    [InlineData("account opened 1985-03-12")]
    [InlineData("born in 1985")]
    [InlineData("born in Leeds on 12/03/1985")]
    [InlineData("Mr Dobson 12/03/1985")]
    [InlineData("DOB 12/03/19855")]
    [InlineData("DOB 123/03/1985")]
    [InlineData("DOB 12/03-1985")]
    [InlineData("reborn 12/03/1985")]
    [InlineData("dob 123456789")]
    [InlineData("plan b 12/03/2024")]
    [InlineData("Geb. 01.02.2024 erstattet nach Beschwerde")]
    [InlineData("Fee b. 01/02/2024 waived")]
    [InlineData("Card dispatched b. 12.03.24")]
    public void Detect_IgnoresDatesWithoutTheirLabel(string text)
    {
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("DOB 31/02/1985")]
    [InlineData("DOB 13/13/1985")]
    [InlineData("born 30 February 1990")]
    [InlineData("DOB 1985-02-30")]
    [InlineData("dob 13131985")]
    public void Detect_ReportsImpossibleDatesAsLookAlikes(string text)
    {
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        Assert.False(Assert.Single(findings).IsValidated);
    }

    [Fact]
    public void Detect_FindsEveryLabelledDateInOneText()
    {
        const string text = "DOB 12/03/1985; joint holder born 1 May 1990";
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        Assert.Equal(["12/03/1985", "1 May 1990"], findings.Select(f => text.Substring(f.Start, f.Length)));
    }

    [Theory]
    [InlineData("DOB 12/03/1985", ValueCheck.FailedCheck)]
    [InlineData("1985-03-12", ValueCheck.NoMatch)]
    public void Validate_NeedsTheLabelInTheCell(string cell, ValueCheck expected)
    {
        // The label is text beside the date, so a cell with both is a mention, not a value of the kind.
        Assert.Equal(expected, _detector.Validate(cell));
    }

    [Property(MaxTest = 2000)]
    public bool Detect_KeepsFindingsInsideTheText(DoNotSize<int> seed)
    {
        // Pieces of labels, dates and separators in any order, cut anywhere, must never read past the text.
        string[] pieces =
        [
            "DOB", "born on", "geb.", "生年月日", "12", "3", "1985", "85", "/", "-", ".", " ", "March", "März", "of", "de",
            "th", ",", "年", "月", "日", "is", ":", "x",
        ];
        Random random = new(seed.Item);
        var text = new StringBuilder();
        int count = random.Next(1, 12);
        for (int i = 0; i < count; i++)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        List<PiiFinding> findings = [];
        _detector.Detect(text.ToString(), findings);
        return findings.All(f => f.Start >= 0 && f.Length > 0 && f.End <= text.Length && (char.IsAsciiDigit(text[f.Start]) || char.IsLetter(text[f.Start])));
    }
}
