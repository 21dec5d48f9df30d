using SyntheticData.Privacy.Tests.Support;

namespace SyntheticData.Privacy.Tests.Anonymization;

/// <summary>Date shifting takes its per-person offset from the entity column as that column's pseudonyms read it.</summary>
public sealed class DateShiftEntityTests
{
    [Fact]
    public void EntityKind_DefaultsToEntityColumnPseudonymKind()
    {
        // Two spellings of one e-mail address get one pseudonym, so their dates must move by one offset too.
        string csv = "email,d\nAlice@Example.com,2024-01-10\n alice@example.com ,2024-01-10\nbob@example.com,2024-01-10\n";
        string policy = AnonymizationHarness.Policy(
            "\"email\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"email\"}}, "
            + "\"d\": {\"operator\": \"dateShift\", \"parameters\": {\"entityColumn\": \"email\", \"maxDays\": 3650}}");

        (string output, _, _) = AnonymizationHarness.Run(csv, policy);

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        Assert.Equal(rows[0][0], rows[1][0]);
        Assert.Equal(rows[0][1], rows[1][1]);
        Assert.NotEqual("2024-01-10", rows[0][1]);
    }

    [Theory]
    [InlineData("card", "4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111")]
    [InlineData("iban", "DE89 3704 0044 0532 0130 00", "de89370400440532013000", "DE89-3704-0044-0532-0130-00")]
    public void EntityKind_TokenColumn_OneOffsetPerValue(string kind, string first, string second, string third)
    {
        // The three spellings get one token, so their dates must move by one offset too.
        string csv = $"account,d\n{first},2024-03-01\n{second},2024-03-01\n{third},2024-03-01\n";
        string policy = AnonymizationHarness.Policy(
            $"\"account\": {{\"operator\": \"token\", \"parameters\": {{\"kind\": \"{kind}\"}}}}, "
            + "\"d\": {\"operator\": \"dateShift\", \"parameters\": {\"entityColumn\": \"account\", \"maxDays\": 3650}}");

        (string output, _, _) = AnonymizationHarness.Run(csv, policy);

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        Assert.Equal(rows[0][1], rows[1][1]);
        Assert.Equal(rows[0][1], rows[2][1]);
        Assert.NotEqual("2024-03-01", rows[0][1]);
    }

    [Fact]
    public void RowsWithoutEntity_ShiftTheirDatesTogether()
    {
        // Without a customer, the two dates of one row keep their one-day gap, and the same date in two rows moves apart.
        string csv = "customer,d1,d2\n,2024-01-10,2024-01-11\nNULL,2024-01-10,2024-01-11\n";
        string policy = AnonymizationHarness.Policy(
            "\"customer\": {\"operator\": \"pseudonym\"}, "
            + "\"d1\": {\"operator\": \"dateShift\", \"parameters\": {\"entityColumn\": \"customer\", \"maxDays\": 3650}}, "
            + "\"d2\": {\"operator\": \"dateShift\", \"parameters\": {\"entityColumn\": \"customer\", \"maxDays\": 3650}}",
            "\"nullMarkers\": [\"\", \"NULL\"]");

        (string output, _, _) = AnonymizationHarness.Run(csv, policy);

        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);
        foreach (string?[] row in rows)
        {
            DateTime first = DateTime.Parse(row[1]!, System.Globalization.CultureInfo.InvariantCulture);
            DateTime second = DateTime.Parse(row[2]!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(1, (second - first).TotalDays);
        }

        Assert.NotEqual(rows[0][1], rows[1][1]);
    }
}
