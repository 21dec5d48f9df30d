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
}
