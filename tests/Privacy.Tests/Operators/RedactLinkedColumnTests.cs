using SyntheticData.Privacy.Tests.Support;

namespace SyntheticData.Privacy.Tests.Operators;

/// <summary>
/// Redacted free text also loses the values that the policy protects in other columns of the same row, which the
/// detectors cannot recognise on their own, such as names and streets.
/// </summary>
public sealed class RedactLinkedColumnTests
{
    private const string Columns =
        "\"Full Name\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"name\"}}, "
        + "\"street\": {\"operator\": \"drop\"}, "
        + "\"email\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"email\"}}, "
        + "\"tier\": {\"operator\": \"keep\"}, "
        + "\"note\": {\"operator\": \"redact\"}";

    [Theory]
    [InlineData("Called Ada Brennick at ada.b@example.org", "Called [FULL_NAME] at [EMAIL]")]
    [InlineData("BRENNICK asked for Ada's card", "[FULL_NAME] asked for [FULL_NAME]'s card")]
    [InlineData("Moved from 12 Green Lane, likes green tea", "Moved from [STREET], likes green tea")]
    [InlineData("Annual review of gold tier, adamant", "Annual review of gold tier, adamant")]
    [InlineData("Mr Brennick-Smith phoned", "Mr [FULL_NAME]-Smith phoned")]
    [InlineData("spoke w/ mr brennick, upset", "spoke w/ mr [FULL_NAME], upset")]
    [InlineData("frau brennick rief an", "frau [FULL_NAME] rief an")]
    [InlineData("brennick tea is not a name here", "brennick tea is not a name here")]
    [InlineData("spoke to mrs van der brennick", "spoke to mrs van der [FULL_NAME]")]
    public void Redact_RemovesProtectedValuesOfTheRow(string note, string expected)
    {
        string csv = $"Full Name,street,email,tier,note\nAda Brennick,12 Green Lane,ada.b@example.org,gold,\"{note}\"\n";

        (string output, _, _) = AnonymizationHarness.Run(csv, AnonymizationHarness.Policy(Columns));

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        Assert.Equal(expected, rows[0][3]);
    }

    [Fact]
    public void Redact_RemovesDroppedColumnsValuesInOtherLayouts()
    {
        // Dropping a column protects its values in notes as much as pseudonymizing it does.
        const string DroppedColumns =
            "\"phone\": {\"operator\": \"drop\"}, \"account_number\": {\"operator\": \"drop\"}, "
            + "\"date_of_birth\": {\"operator\": \"drop\"}, \"note\": {\"operator\": \"redact\"}";
        string csv = "phone,account_number,date_of_birth,note\n+1 312 448 2291,9224105298,1964-03-20,\"call 312-448-2291; ref 9224 105298; 20 March 1964\"\n";

        (string output, _, _) = AnonymizationHarness.Run(csv, AnonymizationHarness.Policy(DroppedColumns, "\"defaultPhoneRegion\": \"GB\""));

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        Assert.Equal("call [PHONE]; ref [ACCOUNT_NUMBER]; [DATE_OF_BIRTH]", rows[0][0]);
    }

    [Fact]
    public void Redact_AmountLikeId_IsKept()
    {
        // The id 12345 in compact form would match the amount 123.45, which is no mention of it.
        const string IdColumns =
            "\"customer_id\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"identifier\"}}, \"note\": {\"operator\": \"redact\"}";
        string csv = "customer_id,note\n12345,\"refund 123.45 to 123-45 and 12345\"\n";

        (string output, _, _) = AnonymizationHarness.Run(csv, AnonymizationHarness.Policy(IdColumns));

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        Assert.Equal("refund 123.45 to [CUSTOMER_ID] and [CUSTOMER_ID]", rows[0][1]);
    }

    [Fact]
    public void Redact_RemovesTheRowsAccountWithOtherSeparators()
    {
        // The token column's value written in groups; the label 'ref' is no account label, so only the link finds it.
        const string AccountColumns =
            "\"account_number\": {\"operator\": \"token\", \"parameters\": {\"kind\": \"digits\"}}, \"note\": {\"operator\": \"redact\"}";
        string csv = "account_number,note\n9224105298,\"ref 9224 105298 and 9224-105-298\"\n";

        (string output, _, _) = AnonymizationHarness.Run(csv, AnonymizationHarness.Policy(AccountColumns));

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        Assert.Equal("ref [ACCOUNT_NUMBER] and [ACCOUNT_NUMBER]", rows[0][1]);
    }

    [Theory]
    [InlineData("US cell 312-448-2291 after 5", "US cell [MOBILE] after 5")]
    [InlineData("call (312) 448 2291 or 1-312-448-2291", "call [MOBILE] or [MOBILE]")]
    [InlineData("ref 3124482291999 and 13124482290", "ref 3124482291999 and 13124482290")]
    public void Redact_RemovesTheRowsPhoneInOtherLayouts(string note, string expected)
    {
        // With the region GB, the US number in the note is no phone number of the region, but it is the row's own number.
        const string PhoneColumns =
            "\"mobile\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"phone\"}}, \"note\": {\"operator\": \"redact\"}";
        string csv = $"mobile,note\n+1 312 448 2291,\"{note}\"\n";

        (string output, _, _) = AnonymizationHarness.Run(csv, AnonymizationHarness.Policy(PhoneColumns, "\"defaultPhoneRegion\": \"GB\""));

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        Assert.Equal(expected, rows[0][1]);
    }

    [Theory]
    [InlineData("Born 20 March 1964, see file", "Born [DATE_OF_BIRTH], see file")]
    [InlineData("dob on file 03/20/64 per agent", "dob on file [DATE_OF_BIRTH] per agent")]
    [InlineData("checked March 20, 1964 and 20.03.1964", "checked [DATE_OF_BIRTH] and [DATE_OF_BIRTH]")]
    [InlineData("paid 21.03.1964 and 1965-03-20", "paid 21.03.1964 and 1965-03-20")]
    [InlineData("born 20th March 1964; dob 20-Mar-64; 20MAR1964; March 20th, 1964", "born [DATE_OF_BIRTH]; dob [DATE_OF_BIRTH]; [DATE_OF_BIRTH]; [DATE_OF_BIRTH]")]
    public void Redact_RemovesTheRowsDateInOtherLayouts(string note, string expected)
    {
        // The note writes the customer's date of birth in another layout than its column, which the policy generalises.
        const string DateColumns =
            "\"date_of_birth\": {\"operator\": \"generalize\", \"parameters\": {\"method\": \"dateYear\"}}, \"note\": {\"operator\": \"redact\"}";
        string csv = $"date_of_birth,note\n1964-03-20,\"{note}\"\n";

        (string output, _, _) = AnonymizationHarness.Run(csv, AnonymizationHarness.Policy(DateColumns));

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        Assert.Equal(expected, rows[0][1]);
    }

    [Theory]
    [InlineData("Jos\u00E9 M\u00FCller", "Jose\u0301 Mu\u0308ller called; Jose\u0301 ok", "[FULL_NAME] called; [FULL_NAME] ok")]
    [InlineData("Jos\u00E9 M\u00FCller", "\uFF2A\uFF4F\uFF53\u00E9\u3000\uFF2D\u00FC\uFF4C\uFF4C\uFF45\uFF52 called", "[FULL_NAME] called")]
    [InlineData("Jose\u0301 Mu\u0308ller", "Jos\u00E9 M\u00FCller called; Jos\u00E9 ok", "[FULL_NAME] called; [FULL_NAME] ok")]
    [InlineData("Jose\u0301 Mu\u0308ller", "customer Jose\u0301 agreed", "customer [FULL_NAME] agreed")]
    [InlineData("\u039D\u03B9\u03BA\u03CC\u03BB\u03B1\u03BF\u03C2 Nguy\u1EC5n", "\u039D\u03B9\u03BA\u03BF\u0301\u03BB\u03B1\u03BF\u03C2 and Nguye\u0302\u0303n met", "[FULL_NAME] and [FULL_NAME] met")]
    [InlineData("Fran\u00E7ois Gro\u00DF", "CUSTOMER FRANCOIS GROSS CALLED", "CUSTOMER [FULL_NAME] CALLED")]
    [InlineData("Nguy\u1EC5n V\u0103n", "customer Nguyen Van agreed", "customer [FULL_NAME] agreed")]
    [InlineData("Bj\u00F6rn Gro\u00DF", "Bjorn Gross and Bj\u00F6rn", "[FULL_NAME] and [FULL_NAME]")]
    [InlineData("Sabine M\u00FCller", "Frau Mueller / M\u00DCLLER, S.", "Frau [FULL_NAME] / [FULL_NAME], S.")]
    [InlineData("J\u00F6rg Wei\u00DF", "Herr Joerg WEISS rief an", "Herr [FULL_NAME] rief an")]
    [InlineData("Ada Brennick", "Ada Bren\u00ADnick called, then A\u200Bda", "[FULL_NAME] called, then [FULL_NAME]")]
    public void Redact_MatchesOtherUnicodeForms(string name, string note, string expected)
    {
        string csv = $"Full Name,street,email,tier,note\n{name},12 Green Lane,a@example.org,gold,\"{note}\"\n";

        (string output, _, _) = AnonymizationHarness.Run(csv, AnonymizationHarness.Policy(Columns));

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        Assert.Equal(expected, rows[0][3]);
    }

    [Theory]
    [InlineData("CUST-00017", "cust CUST-00017 / cust-00017 / CUST00017", "cust [CUST_ID] / [CUST_ID] / [CUST_ID]")]
    [InlineData("CUST-17", "ref cust 17 and CUST 17 and cust_17, customer 17", "ref [CUST_ID] and [CUST_ID] and [CUST_ID], customer 17")]
    [InlineData("AB-12345", "orders AB12345X and XAB12345 stay", "orders AB12345X and XAB12345 stay")]
    public void Redact_IdentifierSpellings_Matched(string id, string note, string expected)
    {
        string csv = $"cust_id,note\n{id},\"{note}\"\n";
        string policy = AnonymizationHarness.Policy(
            "\"cust_id\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"identifier\"}}, \"note\": {\"operator\": \"redact\"}");

        (string output, _, _) = AnonymizationHarness.Run(csv, policy);

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        Assert.Equal(expected, rows[0][1]);
    }

    [Theory]
    [InlineData("O'Brien Se\u00E1n", "Mr O'Brien and Se\u00E1n O'Brien")]
    [InlineData("O\u2019Brien Se\u00E1n", "Mr O\u2019Brien and Se\u00E1n O\u2019Brien")]
    public void Redact_ApostropheName_RemovedWhole(string name, string note)
    {
        string csv = $"Full Name,street,email,tier,note\n{name},12 Green Lane,a@example.org,gold,\"{note}\"\n";

        (string output, _, _) = AnonymizationHarness.Run(csv, AnonymizationHarness.Policy(Columns));

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        Assert.Equal("Mr [FULL_NAME] and [FULL_NAME] [FULL_NAME]", rows[0][3]);
    }

    [Fact]
    public void Redact_RowRegion_OutputPassesDefaultRegionCheck()
    {
        // A German row's reference is no German phone number. The check of written cells reads it with the policy's US
        // region, where it is one, so redact must replace it too.
        const string csv = "country,note\nDE,\"Ref 2024-000123 offen, Tel. 030 901820\"\nUS,\"call 202-456-1111\"\n";
        string policy = AnonymizationHarness.Policy(
            "\"country\": {\"operator\": \"keep\"}, \"note\": {\"operator\": \"redact\"}",
            "\"defaultPhoneRegion\": \"US\", \"countryColumn\": \"country\"");

        (string output, _, _) = AnonymizationHarness.Run(csv, policy);

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        Assert.Equal("Ref [PHONE] offen, Tel. [PHONE]", rows[0][1]);
        Assert.Equal("call [PHONE]", rows[1][1]);
        var usScanner = new SyntheticData.Privacy.Detection.TextScanner(new SyntheticData.Privacy.Detection.DetectionOptions { DefaultRegion = "US" });
        Assert.All(rows, row => Assert.False(usScanner.ContainsValidated(row[1])));
    }

    [Fact]
    public void Redact_StreetWithSharpS_MatchesSs()
    {
        string csv = "Full Name,street,email,tier,note\nAda Brennick,Schlo\u00DFgasse 184,a@example.org,gold,\"LIVES AT SCHLOSSGASSE 184\"\n";

        (string output, _, _) = AnonymizationHarness.Run(csv, AnonymizationHarness.Policy(Columns));

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        Assert.Equal("LIVES AT [STREET]", rows[0][3]);
    }

    [Fact]
    public void Redact_TwoCharacterValuesAndNameWords()
    {
        string csv = "Full Name,street,email,tier,note\nLi Wu,X9,a@example.org,gold,\"Wu Li at X9, not X90 or li\"\n";

        (string output, _, _) = AnonymizationHarness.Run(csv, AnonymizationHarness.Policy(Columns));

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        Assert.Equal("[FULL_NAME] [FULL_NAME] at [STREET], not X90 or li", rows[0][3]);
    }

    [Fact]
    public void Redact_UsesOnlyItsOwnRow()
    {
        const string csv =
            "Full Name,street,email,tier,note\n"
            + "Ada Brennick,12 Green Lane,ada.b@example.org,gold,Met Tomas Ferreira\n"
            + "Tomas Ferreira,3 Hill Road,t.f@example.org,silver,Met Ada Brennick\n";

        (string output, _, _) = AnonymizationHarness.Run(csv, AnonymizationHarness.Policy(Columns));

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        Assert.Equal("Met Tomas Ferreira", rows[0][3]);
        Assert.Equal("Met Ada Brennick", rows[1][3]);
    }

    [Fact]
    public void Redact_PseudonymReplacement_LinksMentionsOfOneName()
    {
        string columns = Columns.Replace("\"note\": {\"operator\": \"redact\"}", "\"note\": {\"operator\": \"redact\", \"parameters\": {\"replacement\": \"pseudonym\"}}", StringComparison.Ordinal);
        const string csv =
            "Full Name,street,email,tier,note\n"
            + "Ada Brennick,12 Green Lane,ada.b@example.org,gold,Ada Brennick called\n"
            + "Ada Brennick,12 Green Lane,ada.b@example.org,gold,ada brennick wrote\n";

        (string output, _, _) = AnonymizationHarness.Run(csv, AnonymizationHarness.Policy(columns));

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        Assert.StartsWith("[FULL_NAME:", rows[0][3], StringComparison.Ordinal);
        Assert.Equal(rows[0][3]!.Replace(" called", string.Empty, StringComparison.Ordinal), rows[1][3]!.Replace(" wrote", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain("Brennick", output, StringComparison.OrdinalIgnoreCase);
    }
    [Fact]
    public void Redact_PseudonymReplacement_MatchesColumnPseudonym()
    {
        // The mention of a customer id, in either spelling, gets the pseudonym of the id's own column.
        string policy = AnonymizationHarness.Policy(
            "\"customer\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"identifier\"}}, "
            + "\"note\": {\"operator\": \"redact\", \"parameters\": {\"replacement\": \"pseudonym\"}}");
        const string csv = "customer,note\nCUST-0042,see CUST-0042 and cust-0042\n";

        (string output, _, _) = AnonymizationHarness.Run(csv, policy);

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        string pseudonym = rows[0][0]!;
        Assert.Equal($"see [CUSTOMER:{pseudonym}] and [CUSTOMER:{pseudonym}]", rows[0][1]);
    }
}
