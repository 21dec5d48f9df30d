using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class ColumnClassifierTests
{
    private static readonly FixedTimeProvider Clock = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

    private readonly ColumnClassifier _classifier = new(timeProvider: Clock);

    [Fact]
    public void Classify_CardColumnWithLookAlike()
    {
        IReadOnlyList<ColumnClassification> result = _classifier.ClassifyTable(
        [
            new ColumnSample("row_id", ["1", "2", "3", "4"]),
            new ColumnSample("card_number", ["2720000000000005", "4000 0000 0000 0000 006", "4111111111111111;5200000000000007", "4000000000000001"]),
            new ColumnSample("note", ["2-series 16 digits", "19 digits grouped 4-4-4-4-3", "two PANs one cell", "Luhn-invalid look-alike"]),
        ]);

        Assert.Equal(PiiKind.None, result[0].Kind);
        Assert.Equal(PiiKind.CardNumber, result[1].Kind);
        Assert.Equal(0.75, result[1].ValidatedShare);
        Assert.Equal(PiiKind.None, result[2].Kind);
        Assert.Empty(result[2].EmbeddedKinds);
    }

    [Fact]
    public void Classify_IbanColumnWithBadChecksum()
    {
        IReadOnlyList<ColumnClassification> result = _classifier.ClassifyTable(
        [
            new ColumnSample("customer_id", ["c-001", "c-002", "c-003", "c-004"]),
            new ColumnSample("iban", ["DE21123456780000012345", "DE21 1234 5678 0000 0123 45", "de21-1234-5678-0000-0123-45", "DE21 1234 5678 0000 0123 46"]),
        ]);

        Assert.Equal(PiiKind.Identifier, result[0].Kind);
        Assert.Equal(PiiKind.Iban, result[1].Kind);
        Assert.Equal(0.75, result[1].ValidatedShare);
    }

    [Fact]
    public void Classify_IdsBarcodesAndAmountsHaveNoFinding()
    {
        IReadOnlyList<ColumnClassification> result = _classifier.ClassifyTable(
        [
            new ColumnSample("order_id", ["4820917", "4820918"]),
            new ColumnSample("request_guid", ["c4e8a1f0-7b2d-4c9e-8212-5550147ab3d2", "0d91f3a7-2c44-4e1b-9046-1297901ea7c5"]),
            new ColumnSample("sku_upc", ["098765012345", "098765012345"]),
            new ColumnSample("amount", ["1599123456.00", "-0.42"]),
        ]);

        Assert.All(result, column => Assert.Equal(PiiKind.None, column.Kind));
        Assert.All(result, column => Assert.Empty(column.EmbeddedKinds));
        Assert.All(result, column => Assert.False(column.IsFreeText));
        Assert.Contains("UUID", result[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_PhoneColumnTakesRegionFromCountryColumn()
    {
        ColumnSample phone = new("phone", ["020 7946 0123", "07700 900123", "01 23 45 67 89", "+44 20 7946 0456"]);
        ColumnSample country = new("country", ["GB", "GB", "FR", "GB"]);

        IReadOnlyList<ColumnClassification> result = _classifier.ClassifyTable([new ColumnSample("cust", ["a", "b", "c", "d"]), phone, country]);

        Assert.Equal(PiiKind.Phone, result[1].Kind);
        Assert.Equal("country", result[1].RegionColumn);
        Assert.Equal(1.0, result[1].ValidatedShare);
        Assert.Same(country, ColumnClassifier.FindRegionColumn([phone, country]));
        PhoneDetector detector = new("US");
        for (int row = 0; row < phone.Values.Count; row++)
        {
            Assert.NotEqual(ValueCheck.NoMatch, detector.Validate(phone.Values[row], country.Values[row]));
        }
    }

    [Fact]
    public void Classify_NamesInCapitalsAndOtherScripts()
    {
        IReadOnlyList<ColumnClassification> result = _classifier.ClassifyTable(
        [
            new ColumnSample("customer_name", ["SOPHIA MARLOWE-QUINN", "Νικόλαος Παπαδάκης", "李雨桐"]),
            new ColumnSample("city", ["Austin", "Σπάρτη", "San Francisco"]),
            new ColumnSample("product", ["Jordan Runner 5", "Olympus Trek Tent", "Paris Mug"]),
        ]);

        Assert.Equal(PiiKind.PersonName, result[0].Kind);
        Assert.Equal(1.0, result[0].ValidatedShare);
        Assert.Equal(PiiKind.Location, result[1].Kind);
        Assert.True(result[1].IsQuasiIdentifier);
        Assert.Equal(PiiKind.None, result[2].Kind);
        Assert.Empty(result[2].EmbeddedKinds);
    }

    [Theory]
    [InlineData("Όνομα", PiiKind.PersonName)]
    [InlineData("姓名", PiiKind.PersonName)]
    [InlineData("Nachname", PiiKind.PersonName)]
    [InlineData("Straße", PiiKind.PostalAddress)]
    [InlineData("Geburtsdatum", PiiKind.DateOfBirth)]
    [InlineData("Телефон", PiiKind.Phone)]
    public void Classify_ReadsNonAsciiHeaders(string header, PiiKind expected)
    {
        string[] values = expected switch
        {
            PiiKind.PersonName => ["Lena Rivera", "Σοφία Νικολάου"],
            PiiKind.PostalAddress => ["Hauptstraße 5", "Lindenweg 12"],
            PiiKind.DateOfBirth => ["17.04.1985", "02.11.1990"],
            _ => ["+49 30 901820", "+44 20 7946 0456"],
        };

        Assert.Equal(expected, _classifier.Classify(new ColumnSample(header, values)).Kind);
    }

    [Theory]
    [InlineData("CardNumber", PiiKind.CardNumber)]
    [InlineData("customerId", PiiKind.Identifier)]
    [InlineData("user_name", PiiKind.Identifier)]
    [InlineData("FirstName", PiiKind.PersonName)]
    [InlineData("company_name", PiiKind.None)]
    [InlineData("merchant_city", PiiKind.None)]
    public void Classify_ReadsHeaderTokens(string header, PiiKind expected)
    {
        string[] values = expected == PiiKind.CardNumber ? ["4111111111111111", "5200000000000007"] : ["Lena Rivera", "Austin"];

        Assert.Equal(expected, _classifier.Classify(new ColumnSample(header, values)).Kind);
    }

    [Theory]
    [InlineData("birth_date", "M/d/yy")]
    [InlineData("生年月日", "yyyy年M月d日")]
    public void Classify_BirthDatesInOtherForms_AreBirthDates(string header, string format)
    {
        string[] values = [.. Enumerable.Range(0, 40).Select(i => new DateTime(1950, 1, 1).AddDays(i * 523).ToString(format, System.Globalization.CultureInfo.InvariantCulture))];

        ColumnClassification column = _classifier.Classify(new ColumnSample(header, values));

        Assert.Equal(PiiKind.DateOfBirth, column.Kind);
    }

    [Theory]
    [InlineData("account_balance")]
    [InlineData("avg_account_balance")]
    [InlineData("account_tenure_days")]
    [InlineData("acct_bal")]
    [InlineData("credit_card_limit")]
    [InlineData("Kontostand")]
    public void Classify_AccountMeasureHeaders_AreNotAccounts(string header)
    {
        string[] values = [.. Enumerable.Range(0, 40).Select(i => (21244 + (i * 797)).ToString(System.Globalization.CultureInfo.InvariantCulture))];

        ColumnClassification column = _classifier.Classify(new ColumnSample(header, values));

        Assert.False(column.IsDirectIdentifier, column.Reason);
    }

    [Theory]
    [InlineData("voornaam", PiiKind.PersonName)]
    [InlineData("achternaam", PiiKind.PersonName)]
    [InlineData("apelidos", PiiKind.PersonName)]
    [InlineData("relationship_manager", PiiKind.PersonName)]
    [InlineData("telefoonnummer", PiiKind.Phone)]
    [InlineData("telefone", PiiKind.Phone)]
    [InlineData("adres", PiiKind.PostalAddress)]
    [InlineData("po_box", PiiKind.PostalAddress)]
    [InlineData("woonplaats", PiiKind.Location)]
    [InlineData("localidade", PiiKind.Location)]
    [InlineData("comune", PiiKind.Location)]
    [InlineData("nationality", PiiKind.Location)]
    [InlineData("cap", PiiKind.PostalCode)]
    [InlineData("geboortedatum", PiiKind.DateOfBirth)]
    [InlineData("Mobil", PiiKind.Phone)]
    [InlineData("Mobiltelefon", PiiKind.Phone)]
    [InlineData("Hausnummer", PiiKind.PostalAddress)]
    [InlineData("Personalausweisnummer", PiiKind.Identifier)]
    [InlineData("Ausweis-Nr", PiiKind.Identifier)]
    [InlineData("AHV-Nummer", PiiKind.Identifier)]
    [InlineData("SVNR", PiiKind.Identifier)]
    [InlineData("Steuernummer", PiiKind.Identifier)]
    public void Match_HeadersInMoreLanguages(string header, PiiKind expected) =>
        Assert.Equal(expected, SyntheticData.Privacy.Detection.Internal.HeaderHints.Match(header)?.Kind);

    [Theory]
    [InlineData("2027-02-12|2031-11-03|2029-06-30|2026-01-15|2033-09-09|2028-04-21")]
    [InlineData("56-31-95|40-12-77|20-99-13|83-55-21|60-14-02|11-22-33")]
    public void Classify_DatesAndCodes_AreNotGermanPhones(string values)
    {
        // With DE, libphonenumber takes these for valid national numbers, but a German number is written after the trunk
        // prefix 0, and a column of dates is dates.
        var classifier = new ColumnClassifier(new DetectionOptions { DefaultRegion = "DE" });

        ColumnClassification column = classifier.Classify(new ColumnSample("value", values.Split('|')));

        Assert.NotEqual(PiiKind.Phone, column.Kind);
    }

    [Theory]
    [InlineData("12345678Z|87654321X|11223344B|00000000T|99999999R|45678912S")]
    [InlineData("AB123456C|CE654321A|EH476939B|JG102938D|KL564738C|PR112233A")]
    public void Classify_NationalIdsWithoutHint_AreIdentifiers(string values)
    {
        ColumnClassification column = _classifier.Classify(new ColumnSample("ref_a", values.Split('|')));

        Assert.Equal(PiiKind.Identifier, column.Kind);
    }

    [Fact]
    public void Classify_CodesWithChanceId_AreKept()
    {
        // One of ten codes of eight digits and a letter passes the DNI check letter by chance, as one in 23 does.
        string[] codes = ["48213907K", "55120398B", "70331245Q", "12345678Z", "90817263C", "33442211D", "61029384F", "77889900H", "20193847M", "84736251P"];

        ColumnClassification column = _classifier.Classify(new ColumnSample("item_code", codes));

        Assert.Equal(PiiKind.None, column.Kind);
        Assert.False(column.IsFreeText);
    }

    [Theory]
    [InlineData("passport_expiry")]
    [InlineData("licence_issue_date")]
    [InlineData("id_type")]
    [InlineData("market_cap")]
    public void Match_DocumentAttributes_AreNotIdentifiers(string header) =>
        Assert.NotEqual(PiiKind.Identifier, SyntheticData.Privacy.Detection.Internal.HeaderHints.Match(header)?.Kind);

    [Theory]
    [InlineData("account_number", PiiKind.AccountNumber)]
    [InlineData("card_number", PiiKind.CardNumber)]
    [InlineData("iban", PiiKind.Iban)]
    public void Match_AccountNumberHeaders_StillHinted(string header, PiiKind expected) =>
        Assert.Equal(expected, SyntheticData.Privacy.Detection.Internal.HeaderHints.Match(header)?.Kind);

    [Theory]
    [InlineData("national_insurance_number")]
    [InlineData("NINO")]
    [InlineData("NI_NUMBER")]
    [InlineData("burgerservicenummer")]
    [InlineData("BSN")]
    [InlineData("numéro_sécu")]
    [InlineData("NIR")]
    [InlineData("Steueridentifikationsnummer")]
    [InlineData("documento_identidad")]
    [InlineData("PESEL")]
    [InlineData("マイナンバー")]
    [InlineData("itin")]
    [InlineData("taxpayer_id")]
    [InlineData("dl_no")]
    [InlineData("licence")]
    [InlineData("ppt_num")]
    [InlineData("id_cliente")]
    [InlineData("num_cliente")]
    [InlineData("codice_cliente")]
    [InlineData("identifiant")]
    [InlineData("klantnummer")]
    public void Classify_NationalIdHeaders_AreIdentifiers(string header)
    {
        // Nine-digit numbers of one length, which no value check claims, so the header decides.
        string[] values = [.. Enumerable.Range(0, 40).Select(i => (501421774 + (i * 7919)).ToString(System.Globalization.CultureInfo.InvariantCulture))];

        Assert.Equal(PiiKind.Identifier, _classifier.Classify(new ColumnSample(header, values)).Kind);
    }

    [Theory]
    [InlineData("race")]
    [InlineData("Ethnicity")]
    [InlineData("religion")]
    [InlineData("health_status")]
    [InlineData("TradeUnion")]
    [InlineData("sexual orientation")]
    [InlineData("Gewerkschaft")]
    [InlineData("religión")]
    public void Classify_SpecialCategoryHeaders(string header)
    {
        string[] values = ["White", "Black", "Asian-Pac-Islander", "White", "Other", "1", "Amer-Indian-Eskimo"];

        ColumnClassification column = _classifier.Classify(new ColumnSample(header, values));

        Assert.Equal(PiiKind.SpecialCategory, column.Kind);
        Assert.True(column.IsSpecialCategory);
        Assert.False(column.IsDirectIdentifier);
        Assert.Contains("GDPR Article 9", column.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hospital_diagnosis")]
    [InlineData("race_count")]
    public void Classify_SpecialCategoryOfNonPerson_IsNone(string header)
    {
        string[] values = ["12", "7", "31", "4"];

        Assert.Equal(PiiKind.None, _classifier.Classify(new ColumnSample(header, values)).Kind);
    }

    [Theory]
    [InlineData("c3")]
    [InlineData("customer")]
    public void Classify_FullNamesWithoutHint_ArePersonNames(string header)
    {
        string[] first = ["Susan", "Mary", "James", "Κώστας", "Сергей", "PETER", "Nora", "Liam", "Aoife", "Tomás", "Ada", "Zoë"];
        string[] last = ["Thomas", "Miller", "O'Brien", "Γεωργίου", "Смирнов", "WHITE", "Smith-Jones", "Ferreira"];
        string[] values = [.. Enumerable.Range(0, 40).Select(i => first[i % first.Length] + " " + (first[i % first.Length] == "PETER" ? "WHITE" : last[i % last.Length]))];

        ColumnClassification column = _classifier.Classify(new ColumnSample(header, values));

        Assert.Equal(PiiKind.PersonName, column.Kind);
        Assert.Equal(0.6, column.Confidence);
        Assert.Contains("No header hint", column.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("product_name", new[] { "Garden Hose", "Wool Socks", "Steel Hammer", "Paper Towels", "Desk Lamp", "Coffee Mug", "Ice Tray", "Wall Clock", "Shoe Rack", "Bath Mat", "Door Mat", "Tea Pot" })]
    [InlineData("c4", new[] { "Garden Hose", "Wool Socks", "Steel Hammer", "Paper Towels", "Desk Lamp", "Coffee Mug" })]
    [InlineData("c5", new[] { "Mechanical engineer", "Data scientist", "Tax adviser", "Film editor", "Chief of staff", "Architect", "Surveyor", "Barrister", "Teacher", "Nurse", "Curator", "Editor" })]
    public void Classify_OtherCapitalisedWords_AreNotNames(string header, string[] distinct)
    {
        string[] values = [.. Enumerable.Range(0, 60).Select(i => distinct[i % distinct.Length])];

        Assert.Equal(PiiKind.None, _classifier.Classify(new ColumnSample(header, values)).Kind);
    }

    [Theory]
    [InlineData("c9")]
    [InlineData("location")]
    public void Classify_StreetLinesWithoutHint_AreAddresses(string header)
    {
        string[] names = ["Darlene", "Oak", "Maple", "Cedar", "Hill", "Lake", "Pine", "Elm", "Birch", "Willow", "Aspen", "Walnut"];
        string[] types = ["Green", "Street", "Avenue", "Road", "Drive", "Lane", "Court", "Plains Apt. 12", "Mountains Suite 250"];
        string[] values = [.. Enumerable.Range(0, 40).Select(i => $"{100 + (i * 37)} {names[i % names.Length]} {types[i % types.Length]}")];

        ColumnClassification column = _classifier.Classify(new ColumnSample(header, values));

        Assert.Equal(PiiKind.PostalAddress, column.Kind);
        Assert.Equal(0.6, column.Confidence);
        Assert.Contains("No header hint", column.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c4", new[] { "2 Way Radio", "3 Pack Socks", "4 Port Switch", "12 Inch Pizza", "6 Pack Cola", "10 Piece Set", "8 Ball Pool", "5 Star Deal", "2 Door Fridge", "7 Day Pass", "9 Volt Battery", "1 Litre Jug" })]
    [InlineData("merchant", new[] { "351 Darlene Green", "12 Main Street", "4 Privet Drive", "10 Oak Park Road", "77 Sunset Blvd", "5 Elm Court", "9 Pine Lane", "3 Lake Road", "8 Hill Avenue", "6 Birch Way", "2 Cedar Close", "1 Aspen Grove" })]
    [InlineData("c5", new[] { "12 Main Street", "4 Privet Drive" })]
    public void Classify_OtherNumberedText_IsNotAnAddress(string header, string[] distinct)
    {
        string[] values = [.. Enumerable.Range(0, 60).Select(i => distinct[i % distinct.Length])];

        Assert.Equal(PiiKind.None, _classifier.Classify(new ColumnSample(header, values)).Kind);
    }

    [Fact]
    public void Classify_SpreadOldDates_AreBirthDates()
    {
        // The clock is at 2026-06-01, so the latest date read as a birth date is 2012-06-01.
        string[] values = [.. Enumerable.Range(0, 50).Select(i => new DateOnly(1940, 1, 1).AddDays(i * 443).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))];

        ColumnClassification column = _classifier.Classify(new ColumnSample("c17", values));

        Assert.Equal(PiiKind.DateOfBirth, column.Kind);
        Assert.Equal(0.6, column.Confidence);
        Assert.Contains("spread over 59 years", column.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MMMM d, yyyy")]
    [InlineData("d MMMM yyyy")]
    [InlineData("M/d/yyyy")]
    [InlineData("dd.MM.yyyy")]
    [InlineData("yyyyMMdd")]
    public void Classify_SpreadOldDates_ReadInEachFormat(string format)
    {
        // Long month names (September, November, December) must not be taken for a date followed by a time.
        string[] values = [.. Enumerable.Range(0, 50).Select(i => new DateOnly(1940, 1, 1).AddDays(i * 443).ToString(format, System.Globalization.CultureInfo.InvariantCulture))];

        ColumnClassification column = _classifier.Classify(new ColumnSample("c17", values));

        Assert.Equal(PiiKind.DateOfBirth, column.Kind);
        Assert.Equal(1.0, column.ValidatedShare);
    }

    [Fact]
    public void Classify_EightDigitIds_AreNotBirthDates()
    {
        string[] values = [.. Enumerable.Range(0, 50).Select(i => (19_000_000 + (i * 104_729)).ToString(System.Globalization.CultureInfo.InvariantCulture))];

        Assert.Equal(PiiKind.None, _classifier.Classify(new ColumnSample("c3", values)).Kind);
    }

    [Theory]
    [InlineData(2015, 1, "yyyy-MM-dd")]
    [InlineData(1940, 443, "yyyy-MM-dd HH:mm:ss")]
    [InlineData(1990, 30, "yyyy-MM-dd")]
    public void Classify_RecentTimedOrNarrowDates_AreNotBirthDates(int fromYear, int stepDays, string format)
    {
        string[] values = [.. Enumerable.Range(0, 50).Select(i => new DateTime(fromYear, 1, 1, 9, 30, 0, DateTimeKind.Unspecified).AddDays(i * stepDays).ToString(format, System.Globalization.CultureInfo.InvariantCulture))];

        Assert.Equal(PiiKind.None, _classifier.Classify(new ColumnSample("c1", values)).Kind);
    }

    [Fact]
    public void ClassifyTable_NamesInEmails_AreNames()
    {
        string[] first = ["Susan", "Mary", "James", "Κώστας", "Nora", "Liam", "Aoife", "Peter", "Ada", "Zoe", "Omar", "Ines"];
        string[] last = ["Thomas", "Miller", "O'Brien", "Georgiou", "Smith-Jones", "Ferreira", "Novak", "Sato", "Berg", "Keller", "Haddad"];
        string[] cities = ["Columbia", "Springfield", "Riverside", "Fairview", "Madison", "Georgetown", "Salem", "Clinton", "Franklin", "Arlington"];
        int[] rows = [.. Enumerable.Range(0, 60)];
        ColumnSample firstNames = new("c3", [.. rows.Select(i => first[i % first.Length])]);
        ColumnSample lastNames = new("c4", [.. rows.Select(i => last[i % last.Length])]);
        ColumnSample city = new("c5", [.. rows.Select(i => cities[i % cities.Length])]);
        ColumnSample merchant = new("merchant", [.. rows.Select(i => last[i % last.Length])]);
        ColumnSample email = new("c6", [.. rows.Select(i => $"{first[i % first.Length].ToLowerInvariant()}.{last[i % last.Length].Replace("'", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}{i}@example.com")]);

        IReadOnlyList<ColumnClassification> withEmail = _classifier.ClassifyTable([firstNames, lastNames, city, merchant, email]);
        IReadOnlyList<ColumnClassification> withoutEmail = _classifier.ClassifyTable([firstNames, lastNames, city]);

        Assert.Equal([PiiKind.PersonName, PiiKind.PersonName, PiiKind.None, PiiKind.None, PiiKind.Email], withEmail.Select(c => c.Kind));
        Assert.Contains("e-mail address (column 'c6')", withEmail[0].Reason, StringComparison.Ordinal);
        Assert.All(withoutEmail, c => Assert.Equal(PiiKind.None, c.Kind));
    }

    [Theory]
    [InlineData("per card", true)]
    [InlineData("per row", false)]
    [InlineData("merchant codes", false)]
    [InlineData("no leading zeros", false)]
    public void ClassifyTable_SecurityCodesBesideCards(string codes, bool found)
    {
        // 60 rows over 20 cards, each card three times.
        string[] cards = ["4539148803436467", "5555555555554444", "4111111111111111", "378282246310005", "6011111111111117"];
        int[] rows = [.. Enumerable.Range(0, 60)];
        ColumnSample card = new("card_number", [.. rows.Select(i => cards[i % 5][..^4] + (i % 20).ToString("D4", System.Globalization.CultureInfo.InvariantCulture))]);
        ColumnSample code = new("c2", [.. rows.Select(i => codes switch
        {
            "per card" => ((i % 20) * 37 % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
            "per row" => (i * 53 % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
            "merchant codes" => (new[] { "0742", "5411", "5812", "4111", "0763" })[i % 5],
            _ => (200 + ((i % 20) * 37 % 700)).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
        })]);

        IReadOnlyList<ColumnClassification> withCards = _classifier.ClassifyTable([card, code]);
        IReadOnlyList<ColumnClassification> alone = _classifier.ClassifyTable([code]);

        Assert.Equal(found ? PiiKind.CardSecurityCode : PiiKind.None, withCards[1].Kind);
        Assert.Equal(PiiKind.None, alone[0].Kind);
    }

    [Fact]
    public void ClassifyTable_AccentedNamesInEmails()
    {
        (string Name, string Local)[] people =
        [
            ("J\u00FCrgen", "juergen"), ("Bj\u00F6rn", "bjoern"), ("Jos\u00E9", "jose"), ("S\u00F8ren", "soeren"), ("Ren\u00E9e", "renee"),
            ("\u00C5sa", "aasa"), ("Zo\u00EB", "zoe"), ("G\u00FCnther", "guenther"), ("Fran\u00E7ois", "francois"), ("In\u00E9s", "ines"),
        ];
        int[] rows = [.. Enumerable.Range(0, 40)];
        ColumnSample names = new("c3", [.. rows.Select(i => people[i % people.Length].Name)]);
        ColumnSample email = new("c6", [.. rows.Select(i => $"{people[i % people.Length].Local}.m{i}@example.com")]);

        IReadOnlyList<ColumnClassification> result = _classifier.ClassifyTable([names, email]);

        Assert.Equal(PiiKind.PersonName, result[0].Kind);
    }

    [Fact]
    public void Classify_HintedNotesMentioningIbans_AreFreeText()
    {
        string[] ibans = ["DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606", "NL91ABNA0417164300"];
        string[] values = [.. Enumerable.Range(0, 40).Select(i => $"refund {i} to {ibans[i % ibans.Length]} asap please")];

        ColumnClassification column = _classifier.Classify(new ColumnSample("note_iban", values));

        Assert.Equal(PiiKind.None, column.Kind);
        Assert.True(column.IsFreeText);
        Assert.Contains(PiiKind.Iban, column.EmbeddedKinds);
        Assert.Equal(PiiKind.Iban, column.UnconfirmedHint);
    }

    [Fact]
    public void Classify_MonthNameBirthDates_Found()
    {
        string[] values = ["14-Jul-1946", "04-May-1988", "1-Feb-1990", "23-Nov-1975", "30-Aug-2001"];

        Assert.Equal(PiiKind.DateOfBirth, _classifier.Classify(new ColumnSample("born", values)).Kind);
    }

    [Theory]
    [InlineData("born", new[] { "14/Jul/46", "04/May/88", "01/Feb/90", "23/Nov/75", "30/Aug/01", "12/Jan/64", "09/Sep/59", "17/Mar/82", "28/Oct/93", "05/Jun/70" }, PiiKind.DateOfBirth)]
    [InlineData("own_telephone", new[] { "yes", "none", "yes", "none", "none", "yes", "none", "yes", "none", "yes" }, null)]
    public void Classify_UnconfirmedHint_OnlyForDistinctValues(string header, string[] values, PiiKind? expected)
    {
        ColumnClassification column = _classifier.Classify(new ColumnSample(header, values));

        Assert.Equal(PiiKind.None, column.Kind);
        Assert.Equal(expected, column.UnconfirmedHint);
    }

    [Theory]
    [InlineData("firmware", PiiKind.None)]
    [InlineData("os_version", PiiKind.None)]
    [InlineData("c9", PiiKind.IpAddress)]
    public void Classify_FourPartVersions_AreIpAddressesOnlyWithoutVersionHeader(string header, PiiKind expected)
    {
        string[] values = [.. Enumerable.Range(0, 30).Select(i => $"2.{i}.{(i * 7) % 200}.{(i * 13) % 250}")];

        Assert.Equal(expected, _classifier.Classify(new ColumnSample(header, values)).Kind);
    }

    [Theory]
    [InlineData("marital_status")]
    [InlineData("Familienstand")]
    [InlineData("estado civil")]
    [InlineData("education")]
    public void Classify_FamilyAndEducation_AreQuasiIdentifiers(string header)
    {
        string[] values = ["married", "single", "divorced", "widowed", "single", "married"];

        ColumnClassification column = _classifier.Classify(new ColumnSample(header, values));

        Assert.Equal(PiiKind.Demographic, column.Kind);
        Assert.True(column.IsQuasiIdentifier);
    }

    [Fact]
    public void Classify_HexHashes_AreNotFreeText()
    {
        string[] values = [.. Enumerable.Range(0, 30).Select(i => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i))).ToLowerInvariant())];

        ColumnClassification column = _classifier.Classify(new ColumnSample("sha256", values));

        Assert.Equal(PiiKind.None, column.Kind);
        Assert.False(column.IsFreeText);
    }

    [Fact]
    public void Classify_HeadersWithSpacesAndPunctuation()
    {
        IReadOnlyList<ColumnClassification> result = _classifier.ClassifyTable(
        [
            new ColumnSample("Full Name", ["Ada Brennick", "Tomas Ferreira"]),
            new ColumnSample("e-mail", ["ada.b@example.org", "t.ferreira@example.org"]),
            new ColumnSample("2nd phone", ["(212) 555-0147", "(212) 555-0199"]),
            new ColumnSample("class", ["gold", "silver"]),
        ]);

        Assert.Equal(PiiKind.PersonName, result[0].Kind);
        Assert.Equal(PiiKind.Email, result[1].Kind);
        Assert.Equal(PiiKind.Phone, result[2].Kind);
        Assert.Equal(PiiKind.None, result[3].Kind);
    }

    [Fact]
    public void Classify_BirthDatesInMixedFormatsWithBlanks()
    {
        IReadOnlyList<ColumnClassification> result = _classifier.ClassifyTable(
        [
            new ColumnSample("dob", ["1985-04-17", null, "17.04.1985", "04/17/1985", "19850417"]),
            new ColumnSample("created_at", ["2024-03-01 09:15:00.000", "2024-03-02 10:00:00.000", "2024-03-03", null, "2024-03-05T08:00:00Z"]),
        ]);

        Assert.Equal(PiiKind.DateOfBirth, result[0].Kind);
        Assert.Equal(4, result[0].SampleCount);
        Assert.Equal(1.0, result[0].ValidatedShare);
        Assert.Equal(PiiKind.None, result[1].Kind);
    }

    [Fact]
    public void Classify_RejectsFutureDatesAsBirthDates()
    {
        ColumnClassification result = _classifier.Classify(new ColumnSample("birth_date", ["2030-01-01", "2031-05-05"]));

        Assert.Equal(PiiKind.None, result.Kind);
    }

    [Theory]
    [InlineData("ssn")]
    [InlineData("\uFEFFssn")]
    public void Classify_SsnHeaderWithOrWithoutByteOrderMark(string header)
    {
        ColumnClassification result = _classifier.Classify(new ColumnSample(header, ["536-22-7419"]));

        Assert.Equal(PiiKind.Ssn, result.Kind);
    }

    [Fact]
    public void Classify_NullsAreNotValues()
    {
        IReadOnlyList<ColumnClassification> result = _classifier.ClassifyTable(
        [
            new ColumnSample("id", ["1", "2", "3", "4"]),
            new ColumnSample("email", [null, null, null, null]),
            new ColumnSample("phone", ["(212) 555-0147", null, "(212) 555-0199", null]),
        ]);

        Assert.Equal(PiiKind.Email, result[1].Kind);
        Assert.Equal(0, result[1].SampleCount);
        Assert.Equal(PiiKind.Phone, result[2].Kind);
        Assert.Equal(2, result[2].SampleCount);
        Assert.Equal(1.0, result[2].ValidatedShare);
    }

    [Fact]
    public void Classify_ReplacementCardsValidateNothing()
    {
        ColumnClassification result = _classifier.Classify(new ColumnSample("card_number", ["4111111111111112", "5200000000000008"]));

        Assert.Equal(PiiKind.CardNumber, result.Kind);
        Assert.Equal(0, result.ValidatedShare);
    }

    [Fact]
    public void Classify_FindsCardsWithoutHeaderHint()
    {
        ColumnClassification result = _classifier.Classify(new ColumnSample("x7", ["4111111111111111", "5200000000000007", "378282246310005"]));

        Assert.Equal(PiiKind.CardNumber, result.Kind);
        Assert.StartsWith("No header hint", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_FlagsFreeTextWithEmbeddedFindings()
    {
        ColumnClassification result = _classifier.Classify(new ColumnSample("comments",
        [
            "Customer asked to be reached at lena.r@example.org about the refund",
            "Card 4111 1111 1111 1111 was declined twice at the terminal",
            "No further action needed",
        ]));

        Assert.Equal(PiiKind.None, result.Kind);
        Assert.True(result.IsFreeText);
        Assert.Equal([PiiKind.CardNumber, PiiKind.Email], result.EmbeddedKinds);
    }

    [Fact]
    public void Classify_PhoneHintWithCodedValuesIsNone()
    {
        ColumnClassification result = _classifier.Classify(new ColumnSample("own_telephone", ["A191", "A192", "A191"]));

        Assert.Equal(PiiKind.None, result.Kind);
        Assert.Contains("own_telephone", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_ReasonNeverContainsValues()
    {
        string[] values = ["4111111111111111", "Lena Rivera", "ada.b@example.org"];
        foreach (string header in new[] { "card", "name", "email", "notes" })
        {
            ColumnClassification result = _classifier.Classify(new ColumnSample(header, values));
            Assert.All(values, value => Assert.DoesNotContain(value, result.Reason, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Classify_RejectsMismatchedRegionColumn()
    {
        Assert.Throws<ArgumentException>(() => _classifier.Classify(new ColumnSample("phone", ["1"]), new ColumnSample("country", ["GB", "FR"])));
    }
}
