using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Risk;
using SyntheticData.Privacy.Tests.Support;

namespace SyntheticData.Privacy.Tests.Cases;

/// <summary>
/// The anonymization cases that systems like this one commonly get wrong, each with its expected value,
/// run through the real reader, anonymizer and writer.
/// </summary>
public sealed class AnonymizationCaseTests
{
    private const string CardCsv =
        "row_id,card_number,note\n" +
        "1,2720000000000005,2-series 16 digits\n" +
        "2,4000 0000 0000 0000 006,19 digits grouped 4-4-4-4-3\n" +
        "3,4111111111111111;5200000000000007,two PANs one cell\n" +
        "4,4000000000000001,Luhn-invalid look-alike\n";

    private static readonly string[] OriginalCards =
        ["2720000000000005", "4000000000000000006", "4111111111111111", "5200000000000007", "4000000000000001"];

    [Fact]
    public void CardsOutsideFamiliarRanges_AreTokenizedWhole()
    {
        string policy = AnonymizationHarness.Policy(
            "\"row_id\": {\"operator\": \"keep\"}, \"card_number\": {\"operator\": \"token\"}, \"note\": {\"operator\": \"keep\"}");

        (string output, _, _) = AnonymizationHarness.Run(CardCsv, policy);
        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);

        Assert.Equal(4, rows.Count);
        string digitsOnly = new(output.Where(char.IsAsciiDigit).ToArray());
        foreach (string card in OriginalCards)
        {
            Assert.DoesNotContain(card, digitsOnly, StringComparison.Ordinal);
        }

        // The 19-digit grouped card keeps its layout: 4-4-4-4-3 with spaces.
        Assert.Matches(@"^\d{4} \d{4} \d{4} \d{4} \d{3}$", rows[1][1]);

        // Two cards in one cell are tokenized separately and keep the separator.
        Assert.Matches(@"^\d{16};\d{16}$", rows[2][1]);

        // The Luhn-invalid look-alike is transformed too, because the whole column is protected.
        Assert.NotEqual("4000000000000001", rows[3][1]);
    }

    [Fact]
    public void CardTokens_AreNotDetectedOnRescan()
    {
        string policy = AnonymizationHarness.Policy(
            "\"row_id\": {\"operator\": \"keep\"}, \"card_number\": {\"operator\": \"token\"}, \"note\": {\"operator\": \"keep\"}");

        (string output, _, _) = AnonymizationHarness.Run(CardCsv, policy);
        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);

        var detector = new CardNumberDetector();
        foreach (string?[] row in rows)
        {
            var findings = new List<PiiFinding>();
            detector.Detect(row[1], findings);
            Assert.DoesNotContain(findings, finding => finding.IsValidated);
        }
    }

    [Fact]
    public void Truncate_Cards_ShowFirstSixLastFour()
    {
        string policy = AnonymizationHarness.Policy(
            "\"row_id\": {\"operator\": \"keep\"}, \"card_number\": {\"operator\": \"truncate\"}, \"note\": {\"operator\": \"keep\"}");

        (string output, _, _) = AnonymizationHarness.Run(CardCsv, policy);
        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);

        Assert.Equal("272000******0005", rows[0][1]);
        Assert.Equal("4000 00** **** ***0 006", rows[1][1]);
        Assert.Equal("411111******1111;520000******0007", rows[2][1]);
        Assert.Equal("400000******0001", rows[3][1]);
    }

    [Fact]
    public void GroupedIban_MaskShowsCountryAndLastFour()
    {
        const string csv =
            "customer_id,iban\n" +
            "c-001,DE21123456780000012345\n" +
            "c-002,DE21 1234 5678 0000 0123 45\n" +
            "c-003,de21-1234-5678-0000-0123-45\n" +
            "c-004,DE21 1234 5678 0000 0123 46\n";
        string policy = AnonymizationHarness.Policy(
            "\"customer_id\": {\"operator\": \"keep\"}, \"iban\": {\"operator\": \"mask\", \"parameters\": {\"keepFirst\": 2, \"keepLast\": 4}}");

        (string output, _, _) = AnonymizationHarness.Run(csv, policy);
        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);

        Assert.Equal("DE****************2345", rows[0][1]);
        Assert.Equal("DE** **** **** **** **23 45", rows[1][1]);
        Assert.Equal("de**-****-****-****-**23-45", rows[2][1]);

        // The checksum failure does not exempt c-004 from the column's mask.
        Assert.Equal("DE** **** **** **** **23 46", rows[3][1]);
    }

    [Fact]
    public void IbanTokens_FailModulo97AndKeepCountry()
    {
        const string csv = "customer_id,iban\nc-001,DE21123456780000012345\nc-002,DE21 1234 5678 0000 0123 45\n";
        string policy = AnonymizationHarness.Policy(
            "\"customer_id\": {\"operator\": \"keep\"}, \"iban\": {\"operator\": \"token\", \"parameters\": {\"kind\": \"iban\"}}");

        (string output, _, _) = AnonymizationHarness.Run(csv, policy);
        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);

        var detector = new IbanDetector();
        Assert.StartsWith("DE", rows[0][1], StringComparison.Ordinal);
        Assert.Equal(22, rows[0][1]!.Length);
        Assert.NotEqual(ValueCheck.Valid, detector.Validate(rows[0][1]));
        Assert.Matches(@"^DE\d\d \d{4} \d{4} \d{4} \d{4} \d\d$", rows[1][1]);
        Assert.NotEqual(ValueCheck.Valid, detector.Validate(rows[1][1]));

        // Both rows hold the same IBAN written differently, and the digits are tokenized alike.
        Assert.Equal(rows[0][1], rows[1][1]!.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Anonymize_PunctuatedHeaders_Kept()
    {
        const string csv =
            "\"Full Name\",\"e-mail\",\"2nd phone\",class\n" +
            "Ada Brennick,ada.b@example.org,(212) 555-0147,gold\n" +
            "Tomas Ferreira,t.ferreira@example.org,(212) 555-0199,silver\n";
        string policy = AnonymizationHarness.Policy(
            "\"Full Name\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"name\"}}, " +
            "\"e-mail\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"email\"}}, " +
            "\"2nd phone\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"phone\"}}, " +
            "\"class\": {\"operator\": \"keep\"}",
            "\"defaultPhoneRegion\": \"US\"");

        (string output, _, _) = AnonymizationHarness.Run(csv, policy);
        (IReadOnlyList<string> header, List<string?[]> rows) = AnonymizationHarness.Parse(output);

        Assert.Equal(["Full Name", "e-mail", "2nd phone", "class"], header);
        foreach (string original in new[] { "Ada Brennick", "ada.b@example.org", "(212) 555-0147", "Tomas Ferreira", "t.ferreira@example.org", "(212) 555-0199" })
        {
            Assert.DoesNotContain(original, output, StringComparison.Ordinal);
        }

        Assert.Equal("gold", rows[0][3]);
        Assert.All(rows, row => Assert.Matches("^[a-z]{16}$", row[0]));
    }

    [Fact]
    public void FullySuppressedRows_AreReportedApartFromClasses()
    {
        string[][] rows =
        [
            ["<50", "female", "81***"],
            ["<50", "female", "81***"],
            ["<50", "male", "81***"],
            ["*", "*", "*"],
            ["*", "*", "*"],
            [">=50", "male", "81***"],
        ];
        var counter = new EquivalenceClassCounter(3, 0);
        foreach (string[] row in rows)
        {
            counter.Add(row, []);
        }

        RiskReport report = counter.Report(2, []);

        Assert.Equal(2, report.FullySuppressed);
        Assert.Equal(3, report.Classes);
        Assert.Equal(1, report.SmallestClass);
        Assert.Equal(1.0, report.HighestProsecutorRisk);

        // Three classes over the four records in classes; counting the suppressed pair as a class would give 4 / 6.
        Assert.Equal(0.75, report.AverageProsecutorRisk, precision: 10);
        Assert.Equal(2, report.RecordsBelowK);
    }

    [Fact]
    public void Generalize_MixedDateFormats_SameYear()
    {
        const string csv =
            "id,dob,created_at\n" +
            "1,1985-04-17,2024-03-01 09:15:00.000\n" +
            "2,,2024-03-02 10:00:00.000\n" +
            "3,17.04.1985,2024-03-03\n" +
            "4,04/17/1985,NULL\n" +
            "5,19850417,2024-03-05T08:00:00Z\n";
        string policy = AnonymizationHarness.Policy(
            "\"id\": {\"operator\": \"keep\"}, " +
            "\"dob\": {\"operator\": \"generalize\", \"parameters\": {\"method\": \"dateYear\", \"formats\": [\"yyyy-MM-dd\", \"dd.MM.yyyy\", \"MM/dd/yyyy\", \"yyyyMMdd\"]}}, " +
            "\"created_at\": {\"operator\": \"generalize\", \"parameters\": {\"method\": \"dateMonth\", \"formats\": [\"yyyy-MM-dd HH:mm:ss.fff\", \"yyyy-MM-dd\", \"yyyy-MM-ddTHH:mm:ssZ\"]}}");

        (string output, var summary, _) = AnonymizationHarness.Run(csv, policy);
        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output, ["", "NULL"]);

        Assert.Equal(new string?[] { "1985", null, "1985", "1985", "1985" }, rows.Select(row => row[1]));
        Assert.Equal(new string?[] { "2024-03", "2024-03", "2024-03", null, "2024-03" }, rows.Select(row => row[2]));
        Assert.Contains("4,1985,NULL\n", output, StringComparison.Ordinal);
        Assert.Equal(1, summary.Columns[1].Value.Missing);
        Assert.Equal(0, summary.Columns[1].Value.Invalid);
    }

    [Fact]
    public void Generalize_UnmatchedDate_ReportedByLine()
    {
        const string csv = "id,dob\n1,1985-04-17\n2,17th of April\n3,1990-01-02\n";
        string policy = AnonymizationHarness.Policy(
            "\"id\": {\"operator\": \"keep\"}, \"dob\": {\"operator\": \"generalize\", \"parameters\": {\"method\": \"dateYear\", \"formats\": [\"yyyy-MM-dd\"]}}");

        (string output, var summary, _) = AnonymizationHarness.Run(csv, policy);
        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);

        Assert.Equal(new string?[] { "1985", null, "1990" }, rows.Select(row => row[1]));
        Assert.Equal(1, summary.Columns[1].Value.Invalid);
        Assert.Equal([3L], summary.Columns[1].Value.InvalidLines);
        Assert.DoesNotContain("April", output, StringComparison.Ordinal);
    }

    [Fact]
    public void NullMarkers_AreWrittenUnchangedAndNotHashed()
    {
        const string csv =
            "id,email,phone\n" +
            "1,,(212) 555-0147\n" +
            "2,NULL,\n" +
            "3,\\N,(212) 555-0199\n" +
            "4,\"\",\n";
        string policy = AnonymizationHarness.Policy(
            "\"id\": {\"operator\": \"keep\"}, " +
            "\"email\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"email\"}}, " +
            "\"phone\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"phone\"}}",
            "\"defaultPhoneRegion\": \"US\"");

        (string output, var summary, _) = AnonymizationHarness.Run(csv, policy);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("id,email,phone", lines[0]);
        Assert.Matches("^1,,[a-z]{16}$", lines[1]);
        Assert.Equal("2,NULL,", lines[2]);
        Assert.Matches(@"^3,\\N,[a-z]{16}$", lines[3]);
        Assert.Equal("4,\"\",", lines[4]);
        Assert.DoesNotContain("None", output, StringComparison.Ordinal);
        Assert.DoesNotContain("nan", output, StringComparison.Ordinal);
        Assert.Equal(4, summary.Columns[1].Value.Missing);
        Assert.Equal(2, summary.Columns[2].Value.Transformed);
        Assert.NotEqual(lines[1][^16..], lines[3][^16..]);
    }

    [Fact]
    public void NullMarkers_QuotedMarkerDeclared_WrittenUnchanged()
    {
        // An export that quotes every field writes its null marker as "NULL", which counts as missing once declared.
        const string csv = "id,email\n\"1\",\"NULL\"\n\"2\",\"ann@example.com\"\n\"3\",\"NULL\"\n";
        string policy = AnonymizationHarness.Policy(
            "\"id\": {\"operator\": \"keep\"}, \"email\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"email\"}}",
            "\"nullMarkers\": [\"\", \"\\\"NULL\\\"\"]");

        (string output, var summary, _) = AnonymizationHarness.Run(csv, policy);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("\"1\",\"NULL\"", lines[1]);
        Assert.Matches("^\"2\",[a-z]{16}$", lines[2]);
        Assert.Equal("\"3\",\"NULL\"", lines[3]);
        Assert.Equal(2, summary.Columns[1].Value.Missing);
    }

    [Fact]
    public void Token_ReplacementCards_NotLiveCards()
    {
        const string csv = "cust_id,card_number,brand\n1,4111111111111111,VISA\n2,5200000000000007,MASTERCARD\n";
        string plain = AnonymizationHarness.Policy(
            "\"cust_id\": {\"operator\": \"keep\"}, \"card_number\": {\"operator\": \"token\"}, \"brand\": {\"operator\": \"keep\"}");
        string keepBrand = AnonymizationHarness.Policy(
            "\"cust_id\": {\"operator\": \"keep\"}, \"card_number\": {\"operator\": \"token\", \"parameters\": {\"preserveIin\": true}}, \"brand\": {\"operator\": \"keep\"}");

        (string plainOutput, _, _) = AnonymizationHarness.Run(csv, plain);
        (string brandOutput, _, _) = AnonymizationHarness.Run(csv, keepBrand);
        List<string?[]> plainRows = AnonymizationHarness.Parse(plainOutput).Rows;
        List<string?[]> brandRows = AnonymizationHarness.Parse(brandOutput).Rows;

        var detector = new CardNumberDetector();
        foreach (string? token in plainRows.Concat(brandRows).Select(row => row[1]))
        {
            Assert.Equal(16, token!.Length);
            Assert.NotEqual(ValueCheck.Valid, detector.Validate(token));
            Assert.Empty(AnonymizationHarness.Scanner.Scan(token));
        }

        Assert.StartsWith("411111", brandRows[0][1], StringComparison.Ordinal);
        Assert.StartsWith("520000", brandRows[1][1], StringComparison.Ordinal);
        Assert.NotEqual("4111111111111111", brandRows[0][1]);
        Assert.False(plainRows[0][1]!.StartsWith("411111", StringComparison.Ordinal) && plainRows[1][1]!.StartsWith("520000", StringComparison.Ordinal));
    }
}
