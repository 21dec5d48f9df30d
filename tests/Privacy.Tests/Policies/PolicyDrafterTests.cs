using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Policies;
using SyntheticData.Privacy.Tests.Support;

namespace SyntheticData.Privacy.Tests.Policies;

public sealed class PolicyDrafterTests
{
    [Theory]
    [InlineData("customer_id", 9_100, true)]
    [InlineData("customer_id", 9_950, false)]
    [InlineData("customer_id", 10_000, false)]
    [InlineData("transaction_id", 9_100, false)]
    public void EntityCandidate_NeedsPersonHeaderAndRepeats(string header, int distinct, bool proposed)
    {
        // 10,000 sampled rows, as a sample of a large extract with four rows per customer gives about 9,100 distinct ids.
        string?[] values = Enumerable.Range(0, 10_000).Select(row => "C" + (row % distinct)).ToArray();
        ColumnClassification classification = new()
        {
            Header = header,
            Kind = PiiKind.Identifier,
            Confidence = 0.9,
            ValidatedShare = 1,
            SampleCount = values.Length,
            Reason = "test",
        };

        string? proposal = PolicyDrafter.DescribeEntityCandidate([classification], [new ColumnSample(header, values)]);

        Assert.Equal(proposed, proposal is not null);
    }

    [Fact]
    public void EntityCandidate_RepeatingCardNumbers_Proposed()
    {
        string?[] cards = Enumerable.Range(0, 1_000).Select(row => "4111 1111 1111 " + (row % 200).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        ColumnClassification card = new()
        {
            Header = "cc_num",
            Kind = PiiKind.CardNumber,
            Confidence = 1,
            ValidatedShare = 1,
            SampleCount = cards.Length,
            Reason = "test",
        };

        string? proposal = PolicyDrafter.DescribeEntityCandidate([card], [new ColumnSample("cc_num", cards)]);

        Assert.NotNull(proposal);
        Assert.Contains("\"entityColumn\": \"cc_num\"", proposal, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_UnconfirmedDirectHint_DropsColumn()
    {
        ColumnClassification born = new()
        {
            Header = "born",
            Kind = PiiKind.None,
            Confidence = 0.6,
            ValidatedShare = 0,
            SampleCount = 10,
            Reason = "test",
            UnconfirmedHint = PiiKind.DateOfBirth,
        };
        ColumnClassification scale = born with { Header = "residence_since", UnconfirmedHint = null };

        DatasetPolicy draft = PolicyDrafter.Draft([born, scale], [], new DatasetPolicy());

        Assert.Equal(OperatorKind.Drop, draft.Columns["born"].Operator);
        Assert.Contains("fail closed", draft.Columns["born"].Comment, StringComparison.Ordinal);
        Assert.Equal(OperatorKind.Keep, draft.Columns["residence_since"].Operator);
    }

    [Fact]
    public void Draft_SpecialCategory_KeptAsSensitiveAttribute()
    {
        ColumnClassification race = new()
        {
            Header = "race",
            Kind = PiiKind.SpecialCategory,
            Confidence = 0.95,
            ValidatedShare = 1,
            SampleCount = 3,
            Reason = "test",
        };
        ColumnClassification sex = race with { Header = "sex", Kind = PiiKind.Gender };
        DatasetPolicy settings = new() { SensitiveAttributes = ["income"] };

        DatasetPolicy draft = PolicyDrafter.Draft([race, sex], [], settings);

        Assert.Equal(OperatorKind.Keep, draft.Columns["race"].Operator);
        Assert.Contains("GDPR Article 9", draft.Columns["race"].Comment, StringComparison.Ordinal);
        Assert.Equal(["income", "race"], draft.SensitiveAttributes);
        Assert.Equal(["sex"], draft.QuasiIdentifiers);
    }

    [Theory]
    [InlineData(new[] { "2/9/1975", "12/25/1980", "03/04/1990", "7/14/1966" }, new[] { "M/d/yyyy" })]
    [InlineData(new[] { "2/9/1975", "25/12/1980", "03/04/1990", "14/7/1966" }, new[] { "d/M/yyyy" })]
    [InlineData(new[] { "2.9.1975", "25.12.1980", "1980-12-25" }, new[] { "yyyy-MM-dd", "d.M.yyyy" })]
    [InlineData(new[] { "28-10-1958", "09-02-1998", "3-4-1990" }, new[] { "d-M-yyyy" })]
    [InlineData(new[] { "10/28/58", "2/9/75", "12/1/66" }, new[] { "M/d/yy" })]
    [InlineData(new[] { "1991年12月17日", "1975年2月9日" }, new[] { "yyyy年M月d日" })]
    [InlineData(new[] { "1991.12.17", "1975.02.09" }, new[] { "yyyy.MM.dd" })]
    public void Draft_BirthDateFormats_ReadEveryValue(string[] dates, string[] expected)
    {
        string?[] values = [.. Enumerable.Range(0, 40).Select(i => dates[i % dates.Length])];
        ColumnClassification born = new()
        {
            Header = "dob", Kind = PiiKind.DateOfBirth, Confidence = 0.9, ValidatedShare = 1, SampleCount = values.Length, Reason = "test",
        };

        DatasetPolicy draft = PolicyDrafter.Draft([born], [new ColumnSample("dob", values)], new DatasetPolicy());

        string[] formats = [.. draft.Columns["dob"].Parameters["formats"].EnumerateArray().Select(format => format.GetString()!)];
        Assert.Equal(expected, formats);
        var parser = new SyntheticData.Privacy.Operators.DateFormats(formats);
        Assert.All(dates, date => Assert.True(parser.TryParse(date, out _) >= 0, date));
    }

    [Theory]
    [InlineData("GB", "d/M/yyyy")]
    [InlineData("US", "M/d/yyyy")]
    [InlineData(null, "M/d/yyyy")]
    public void Draft_AmbiguousBirthDates_OrderFromRegion(string? region, string expected)
    {
        // No day is above 12, so both orders read every date.
        string?[] values = [.. Enumerable.Range(0, 40).Select(i => $"{(i % 12) + 1:00}/{(i % 11) + 1:00}/19{50 + i}")];
        ColumnClassification born = new()
        {
            Header = "dob", Kind = PiiKind.DateOfBirth, Confidence = 0.9, ValidatedShare = 1, SampleCount = values.Length, Reason = "test",
        };

        DatasetPolicy draft = PolicyDrafter.Draft([born], [new ColumnSample("dob", values)], new DatasetPolicy { DefaultPhoneRegion = region });

        Assert.Equal([expected], draft.Columns["dob"].Parameters["formats"].EnumerateArray().Select(format => format.GetString()!));
    }

    [Fact]
    public void Draft_ProxyNoteWithId_IsRedacted()
    {
        // Each customer's note names the customer and so also goes with the customer's single postcode.
        const int rows = 100;
        ColumnSample customer = new("customer_id", [.. Enumerable.Range(0, rows).Select(i => $"C{10000 + (i % 20)}")]);
        ColumnSample postcode = new("postcode", [.. Enumerable.Range(0, rows).Select(i => $"{10100 + (i % 20)}")]);
        ColumnSample remarks = new("remarks", [.. Enumerable.Range(0, rows).Select(i => $"cust C{10000 + (i % 20)} prefers e-mail")]);
        ColumnClassification identifier = new()
        {
            Header = "customer_id", Kind = PiiKind.Identifier, Confidence = 0.9, ValidatedShare = 1, SampleCount = rows, Reason = "test",
        };

        DatasetPolicy draft = PolicyDrafter.Draft(
            [identifier, identifier with { Header = "postcode", Kind = PiiKind.PostalCode }, identifier with { Header = "remarks", Kind = PiiKind.None }],
            [customer, postcode, remarks],
            new DatasetPolicy());

        Assert.Equal(OperatorKind.Redact, draft.Columns["remarks"].Operator);
        Assert.DoesNotContain("remarks", draft.QuasiIdentifiers);
    }

    [Fact]
    public void Draft_HintedNotesMentioningTheKind_AreRedacted()
    {
        ColumnClassification note = new()
        {
            Header = "note_iban", Kind = PiiKind.None, Confidence = 0.6, ValidatedShare = 0, SampleCount = 40, Reason = "test",
            IsFreeText = true, EmbeddedKinds = [PiiKind.Iban], UnconfirmedHint = PiiKind.Iban,
        };

        DatasetPolicy draft = PolicyDrafter.Draft([note, note with { Header = "born", IsFreeText = false, EmbeddedKinds = [], UnconfirmedHint = PiiKind.DateOfBirth }], [], new DatasetPolicy());

        Assert.Equal(OperatorKind.Redact, draft.Columns["note_iban"].Operator);
        Assert.Equal(OperatorKind.Drop, draft.Columns["born"].Operator);
    }

    [Fact]
    public void Draft_ProxyOfQuasiIdentifier_IsListed()
    {
        string[] cities = ["Columbia", "Dayton", "Fresno", "Akron", "Salem", "Tulsa", "Provo", "Boise"];
        string[] populations = ["333497", "141003", "542107", "190469", "175535", "413066", "115162", "235684"];
        string[] categories = ["grocery", "travel", "health"];
        const int rows = 120;
        ColumnSample city = new("city", [.. Enumerable.Range(0, rows).Select(i => cities[i % cities.Length])]);
        ColumnSample population = new("city_pop", [.. Enumerable.Range(0, rows).Select(i => populations[i % populations.Length])]);
        ColumnSample category = new("category", [.. Enumerable.Range(0, rows).Select(i => categories[i % categories.Length])]);
        ColumnSample amount = new("amount", [.. Enumerable.Range(0, rows).Select(i => (i * 1.37).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))]);
        ColumnClassification location = new()
        {
            Header = "city", Kind = PiiKind.Location, Confidence = 0.95, ValidatedShare = 1, SampleCount = rows, Reason = "test",
        };
        ColumnClassification none = location with { Kind = PiiKind.None };

        DatasetPolicy draft = PolicyDrafter.Draft(
            [location, none with { Header = "city_pop" }, none with { Header = "category" }, none with { Header = "amount" }],
            [city, population, category, amount],
            new DatasetPolicy());

        Assert.Equal(["city", "city_pop"], draft.QuasiIdentifiers);
        Assert.Contains("goes with a single 'city'", draft.Columns["city_pop"].Comment, StringComparison.Ordinal);
        Assert.Equal(OperatorKind.Keep, draft.Columns["city_pop"].Operator);
    }

    [Theory]
    [InlineData("cid")]
    [InlineData("pin_block")]
    [InlineData("CVN")]
    public void Draft_SecurityCodeHeader_IsDropped(string header)
    {
        // Values that scan cannot confirm as security codes: the header alone makes the policy reader reject any other
        // operator, so the draft must drop the column to be accepted.
        ColumnClassification column = new()
        {
            Header = header,
            Kind = PiiKind.Identifier,
            Confidence = 0.6,
            ValidatedShare = 1,
            SampleCount = 10,
            Reason = "test",
        };

        DatasetPolicy draft = PolicyDrafter.Draft([column], [], new DatasetPolicy());

        Assert.Equal(OperatorKind.Drop, draft.Columns[header].Operator);
        Assert.Contains("PCI DSS", draft.Columns[header].Comment, StringComparison.Ordinal);
    }
    [Fact]
    public void Draft_NotesWithNationalPhones_UseCountryColumn()
    {
        // Scan reads the notes' national numbers with each row's country; the draft's redact must read them the same way.
        string[] countries = ["DE", "FR", "GB"];
        string[] numbers = ["030 3188131", "01 80 39 34 70", "020 7946 1701"];
        var csv = new System.Text.StringBuilder("order_id,country,amount,notes\n");
        for (int i = 0; i < 60; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{1000 + i},{countries[i % 3]},{100 + i}.25,please call back on {numbers[i % 3]} after 5pm\n");
        }

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(csv.ToString());
        string[] header = ["order_id", "country", "amount", "notes"];
        ColumnSample[] samples = [.. header.Select((name, i) => new ColumnSample(name, [.. rows.Select(row => row[i])]))];
        DatasetPolicy draft = PolicyDrafter.Draft(new ColumnClassifier().ClassifyTable(samples), samples, new DatasetPolicy());

        (string output, _, _) = AnonymizationHarness.Run(csv.ToString(), draft);

        Assert.Equal("country", draft.CountryColumn);
        Assert.Equal(OperatorKind.Redact, draft.Columns["notes"].Operator);
        Assert.StartsWith("Free text with personal data inside: ", draft.Columns["notes"].Comment, StringComparison.Ordinal);
        foreach (string number in numbers)
        {
            Assert.DoesNotContain(number, output, StringComparison.Ordinal);
        }
    }
    [Fact]
    public void Draft_NotesNamingSurname_AreRedacted()
    {
        // The memo and the reordered name repeat words of the row's protected name, not the whole value.
        string[] first = ["Oliver", "Hanna", "Marek", "Sofia", "Jonas", "Elena", "Tobias", "Clara"];
        string[] last = ["Weber", "Lindqvist", "Novak", "Moreau", "Keller", "Rossi", "Petrova", "Okafor"];
        const int rows = 80;
        ColumnSample name = new("full_name", [.. Enumerable.Range(0, rows).Select(i => $"{first[i % 8]} {last[(i / 8) % 8]}")]);
        ColumnSample reordered = new("c2", [.. Enumerable.Range(0, rows).Select(i => $"{last[(i / 8) % 8].ToUpperInvariant()}, {first[i % 8]}")]);
        ColumnSample memo = new("memo_a", [.. Enumerable.Range(0, rows).Select(i => $"Spoke with customer {last[(i / 8) % 8]} about the card")]);
        ColumnSample[] samples = [name, reordered, memo];

        DatasetPolicy draft = PolicyDrafter.Draft(new ColumnClassifier().ClassifyTable(samples), samples, new DatasetPolicy());

        Assert.Equal(OperatorKind.Pseudonym, draft.Columns["full_name"].Operator);
        Assert.Equal(OperatorKind.Redact, draft.Columns["c2"].Operator);
        Assert.Equal(OperatorKind.Redact, draft.Columns["memo_a"].Operator);
    }

    [Theory]
    [InlineData("note", OperatorKind.Redact)]
    [InlineData("Bemerkung", OperatorKind.Redact)]
    [InlineData("status_text", OperatorKind.Keep)]
    public void Draft_OneNoteNamingItsCustomer_IsRedacted(string header, OperatorKind expected)
    {
        // One note in 40 names its customer: for notes that is a leak, for another short text column a coincidence.
        const int rows = 40;
        ColumnSample name = new("full_name", [.. Enumerable.Range(0, rows).Select(i => i == 0 ? "Zephyrine Quaglio" : $"Anna Becker{(char)('a' + (i % 26))}")]);
        ColumnSample note = new(header, [.. Enumerable.Range(0, rows).Select(i => i == 0 ? "Call Zephyrine about it" : "no issue")]);
        ColumnSample[] samples = [name, note];

        DatasetPolicy draft = PolicyDrafter.Draft(new ColumnClassifier().ClassifyTable(samples), samples, new DatasetPolicy());

        Assert.Equal(expected, draft.Columns[header].Operator);
        if (expected == OperatorKind.Redact)
        {
            Assert.Contains("does not find names of people in no protected column", draft.Columns[header].Comment, StringComparison.Ordinal);
        }
    }
}
