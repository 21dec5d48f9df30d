using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class StreetAddressDetectorTests
{
    private readonly StreetAddressDetector _detector = new();

    [Theory]
    [InlineData("new address: 12 Baker Street, London NW1 6XE", "12 Baker Street, London NW1 6XE")]
    [InlineData("Customer moved to 351 Darlene Green; card re-sent", "351 Darlene Green")]
    [InlineData("lives at 10 Oak Park Road. Called twice", "10 Oak Park Road")]
    [InlineData("Address is now 12 Main St. Apt. 4", "12 Main St. Apt. 4")]
    [InlineData("mailing address 5 rue de Rivoli, 75001 Paris", "5 rue de Rivoli, 75001 Paris")]
    [InlineData("Kunde umgezogen nach Hauptstraße 12, 10115 Berlin", "Hauptstraße 12, 10115 Berlin")]
    [InlineData("neue Adresse: Lindenallee 4", "Lindenallee 4")]
    [InlineData("nueva dirección: Calle Mayor 3, Madrid", "Calle Mayor 3, Madrid")]
    [InlineData("woont op Kastanjestraat 68", "Kastanjestraat 68")]
    [InlineData("address: 12 Baker Street London NW1 6XE", "12 Baker Street London NW1 6XE")]
    [InlineData("new address 44 Elm Avenue Springfield IL 62704 since May", "44 Elm Avenue Springfield IL 62704")]
    [InlineData("Anschrift: Hauptstraße 12 10115 Berlin", "Hauptstraße 12 10115 Berlin")]
    [InlineData("moved to 420 sycamore way, fee of $35 waived", "420 sycamore way")]
    [InlineData("lives at 12 elm st, has 2 kids", "12 elm st")]
    [InlineData("new addr 616 Oak Way, Austin TX 78700, wants new checkbook", "616 Oak Way, Austin TX 78700")]
    [InlineData("moved to 12 May Street fair cancelled", "12 May Street")]
    [InlineData("neue Anschrift: Am Mühlbach 4, 10115 Berlin", "Am Mühlbach 4, 10115 Berlin")]
    [InlineData("neue Anschrift: Ulmenring 12, 04109 Leipzig", "Ulmenring 12, 04109 Leipzig")]
    [InlineData("neue Anschrift: Lerchenfelder Gürtel 5, 1070 Wien", "Lerchenfelder Gürtel 5, 1070 Wien")]
    [InlineData("neue Anschrift: Limmatquai 37, 8001 Zürich", "Limmatquai 37, 8001 Zürich")]
    [InlineData("moved to 12 Baker Street, near our Leeds branch", "12 Baker Street")]
    [InlineData("zieht um nach Lindenallee 4, 10115 Berlin", "Lindenallee 4, 10115 Berlin")]
    [InlineData("neue Anschrift: Hauptstraße 12, 1010 Wien. Neue Karte zugesandt", "Hauptstraße 12, 1010 Wien")]
    [InlineData("moved to Flat 2, 8 King St, Leeds LS1 4AB", "Flat 2, 8 King St, Leeds LS1 4AB")]
    [InlineData("address 42 Elm St, Apt 5, Springfield IL 62704", "42 Elm St, Apt 5, Springfield IL 62704")]
    [InlineData("address 12 Baker Street, London NW1 6XE, Customer requested statement", "12 Baker Street, London NW1 6XE")]
    [InlineData("address 12 Baker Street London NW1 6XE Customer complained", "12 Baker Street London NW1 6XE")]
    [InlineData("Anschrift Hauptstraße 12, 10115 Berlin, Kunde möchte Rückruf", "Hauptstraße 12, 10115 Berlin")]
    public void Detect_FindsLabelledStreets(string text, string street)
    {
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        PiiFinding finding = Assert.Single(findings);
        Assert.True(finding.IsValidated);
        Assert.Equal(PiiKind.PostalAddress, finding.Kind);
        Assert.Equal(street, text.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("12 Baker Street")]
    [InlineData("address verified with 2 documents")]
    [InlineData("e-mail address updated 2024-01-15")]
    [InlineData("moved to Berlin in 2019")]
    [InlineData("sent to 2 Way Radio support")]
    [InlineData("readdress 12 Baker Street")]
    [InlineData("moved to 2 accounts in the same branch")]
    [InlineData("lives at 5 minutes from the park")]
    [InlineData("lives at 3 hours drive")]
    [InlineData("Branch address: 1 Market Street, customer to visit on Monday.")]
    [InlineData("Anschrift: Filiale Marktplatz 1 für Abholung.")]
    [InlineData("Moved to 10 Park Lane branch after the merger.")]
    public void Detect_IgnoresTextWithoutALabelledStreet(string text)
    {
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        Assert.Empty(findings);
    }

    [Fact]
    public void Detect_FindsEveryLabelledStreetInOneText()
    {
        const string text = "old address 4 Elm Court; new address 9 Mill Lane";
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        Assert.Equal(["4 Elm Court", "9 Mill Lane"], findings.Select(f => text.Substring(f.Start, f.Length)));
    }
}
