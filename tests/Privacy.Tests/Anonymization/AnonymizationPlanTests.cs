using SyntheticData.Privacy.Anonymization;
using SyntheticData.Privacy.Policies;
using SyntheticData.Privacy.Tests.Support;

namespace SyntheticData.Privacy.Tests.Anonymization;

public sealed class AnonymizationPlanTests
{
    [Fact]
    public void Create_UnlistedColumn_FailsClosed()
    {
        DatasetPolicy policy = PolicyReader.Parse(AnonymizationHarness.Policy("\"a\": {\"operator\": \"keep\"}"));

        PolicyException exception = Assert.Throws<PolicyException>(
            () => AnonymizationPlan.Create(policy, ["a", "surprise"], AnonymizationHarness.KeyA));

        Assert.Contains(exception.Errors, error => error.Contains("'surprise' (position 2)", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_UnlistedDrop_RemovesColumn()
    {
        DatasetPolicy policy = PolicyReader.Parse(AnonymizationHarness.Policy("\"a\": {\"operator\": \"keep\"}", "\"unlistedColumns\": \"drop\""));

        AnonymizationPlan plan = AnonymizationPlan.Create(policy, ["x", "a"], AnonymizationHarness.KeyA);

        Assert.Equal(["a"], plan.OutputHeader);
        Assert.Equal(ColumnTreatment.Unlisted, plan.Columns[0].Treatment);
    }

    [Fact]
    public void Create_SecurityCodeUnderKeep_IsDroppedAnyway()
    {
        DatasetPolicy policy = PolicyReader.Parse(AnonymizationHarness.Policy("\"a\": {\"operator\": \"keep\"}", "\"unlistedColumns\": \"keep\""));

        AnonymizationPlan plan = AnonymizationPlan.Create(
            policy, ["a", "CVV2", "track1", "card_csc", "Card Verification Number", "Prüfziffer"], AnonymizationHarness.KeyA);

        Assert.Equal(["a"], plan.OutputHeader);
        Assert.All(plan.Columns.Skip(1), column => Assert.Equal(ColumnTreatment.ForcedDrop, column.Treatment));
    }

    [Fact]
    public void Create_QuasiIdentifierMissingFromInput_IsRejected()
    {
        DatasetPolicy policy = PolicyReader.Parse(AnonymizationHarness.Policy(
            "\"a\": {\"operator\": \"keep\"}, \"zip\": {\"operator\": \"keep\"}", "\"quasiIdentifiers\": [\"zip\"]"));

        PolicyException exception = Assert.Throws<PolicyException>(() => AnonymizationPlan.Create(policy, ["a"], AnonymizationHarness.KeyA));

        Assert.Contains(exception.Errors, error => error.Contains("quasi-identifier 'zip' is not in the input", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_KeyOtherThanPolicyNames_IsRejected()
    {
        DatasetPolicy policy = PolicyReader.Parse(AnonymizationHarness.Policy("\"a\": {\"operator\": \"keep\"}", "\"keyId\": \"other\""));

        Assert.Throws<ArgumentException>(() => AnonymizationPlan.Create(policy, ["a"], AnonymizationHarness.KeyA));
    }

    [Fact]
    public void Run_EnforceK_SuppressesSmallClasses()
    {
        var csv = new System.Text.StringBuilder("id,zip,age\n");
        for (int i = 0; i < 6; i++)
        {
            csv.Append(i).Append(",81675,34\n");
        }

        csv.Append("6,10115,71\n7,10117,72\n");
        string policy = AnonymizationHarness.Policy(
            "\"id\": {\"operator\": \"pseudonym\"}, \"zip\": {\"operator\": \"generalize\", \"parameters\": {\"method\": \"postcodePrefix\", \"length\": 2}}, \"age\": {\"operator\": \"generalize\", \"parameters\": {\"method\": \"ageBands\"}}",
            "\"quasiIdentifiers\": [\"zip\", \"age\"], \"k\": 3, \"enforceK\": true");

        (string output, AnonymizationSummary summary, _) = AnonymizationHarness.Run(csv.ToString(), policy);
        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);

        Assert.Equal(8, rows.Count);
        Assert.Equal(2, summary.SuppressedToReachK);
        Assert.Equal(2, summary.RiskBeforeEnforcement!.SmallestClass);
        Assert.Equal(2, summary.Risk!.FullySuppressed);
        Assert.Equal(6, summary.Risk.SmallestClass);
        Assert.True(summary.Risk.MeetsK);
        Assert.Equal(new string?[] { "81***", "30-39" }, rows[0][1..]);
        Assert.Equal(new string?[] { "*", "*" }, rows[7][1..]);
    }

    [Fact]
    public void Run_EntityColumn_CountsPeopleNotRecords()
    {
        // Five transactions of one customer form a class of five records but of one person.
        var csv = new System.Text.StringBuilder("customer,zip,amount\n");
        for (int i = 0; i < 5; i++)
        {
            csv.Append("C1,81675,").Append(i).Append('\n');
        }

        for (int i = 0; i < 6; i++)
        {
            csv.Append('C').Append(10 + i).Append(",10115,").Append(i).Append('\n');
        }

        string columns = "\"customer\": {\"operator\": \"pseudonym\"}, \"zip\": {\"operator\": \"keep\"}, \"amount\": {\"operator\": \"keep\"}";
        string byRecords = AnonymizationHarness.Policy(columns, "\"quasiIdentifiers\": [\"zip\"], \"k\": 3");
        string byPeople = AnonymizationHarness.Policy(columns, "\"quasiIdentifiers\": [\"zip\"], \"k\": 3, \"entityColumn\": \"customer\", \"enforceK\": true");

        (_, AnonymizationSummary records, _) = AnonymizationHarness.Run(csv.ToString(), byRecords);
        (string output, AnonymizationSummary people, _) = AnonymizationHarness.Run(csv.ToString(), byPeople);
        (_, List<string?[]> rows) = AnonymizationHarness.Parse(output);

        Assert.True(records.Risk!.MeetsK);
        Assert.Equal(5, records.Risk.SmallestClass);
        Assert.Equal(1, people.RiskBeforeEnforcement!.SmallestClass);
        Assert.Equal("customer", people.RiskBeforeEnforcement.EntityColumn);
        Assert.Equal(5, people.SuppressedToReachK);
        Assert.Equal(6, people.Risk!.SmallestClass);
        Assert.Equal("*", rows[0][1]);
        Assert.Equal("10115", rows[5][1]);
    }

    [Theory]
    [InlineData("email", "Ann@example.com", " ann@example.com ", 1)]
    [InlineData("identifier", "AB-12", "ab12", 1)]
    [InlineData("identifier", "AB-12", "AB-13", 2)]
    public void Run_EntityColumn_MergedSpellings(string kind, string first, string second, int people)
    {
        // Two spellings that get one pseudonym are one person in the output, so they cannot make a class of two.
        string csv = $"customer,zip\n{first},10115\n{second},10115\nB1,20095\nB2,20095\n";
        string columns = $"\"customer\": {{\"operator\": \"pseudonym\", \"parameters\": {{\"kind\": \"{kind}\"}}}}, \"zip\": {{\"operator\": \"keep\"}}";
        string policy = AnonymizationHarness.Policy(columns, "\"quasiIdentifiers\": [\"zip\"], \"k\": 2, \"entityColumn\": \"customer\"");

        (_, AnonymizationSummary summary, _) = AnonymizationHarness.Run(csv, policy);

        Assert.Equal(people, summary.Risk!.SmallestClass);
        Assert.Equal(people == 2, summary.Risk.MeetsK);
    }

    [Fact]
    public void Run_EntityColumnNotInInput_IsRejected()
    {
        string policy = AnonymizationHarness.Policy(
            "\"zip\": {\"operator\": \"keep\"}, \"customer\": {\"operator\": \"drop\"}",
            "\"quasiIdentifiers\": [\"zip\"], \"entityColumn\": \"customer\"");

        PolicyException exception = Assert.Throws<PolicyException>(() => AnonymizationHarness.Run("zip\n81675\n", policy));

        Assert.Contains(exception.Errors, error => error.Contains("entityColumn 'customer'", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_SensitiveAttribute_ReportsDiversity()
    {
        const string csv = "zip,diagnosis\n81675,flu\n81675,flu\n81675,cold\n10115,flu\n10115,flu\n";
        string policy = AnonymizationHarness.Policy(
            "\"zip\": {\"operator\": \"keep\"}, \"diagnosis\": {\"operator\": \"keep\"}",
            "\"quasiIdentifiers\": [\"zip\"], \"sensitiveAttributes\": [\"diagnosis\"], \"k\": 2");

        (_, AnonymizationSummary summary, _) = AnonymizationHarness.Run(csv, policy);

        SyntheticData.Privacy.Risk.DiversityFigure diversity = Assert.Single(summary.Risk!.Diversity);
        Assert.Equal(1, diversity.SmallestL);
        Assert.Equal(1, diversity.HomogeneousClasses);
    }

    [Theory]
    // A missing value next to flu leaves flu disclosed.
    [InlineData("zip,diagnosis\n81675,flu\n81675,NULL\n10115,flu\n10115,cold\n", 1, 1)]
    // So does a blank one.
    [InlineData("zip,diagnosis\n81675,flu\n81675,  \n10115,flu\n10115,cold\n", 1, 1)]
    // A class whose values are all missing discloses nothing and is left out.
    [InlineData("zip,diagnosis\n10115,flu\n10115,cold\n20095,NULL\n20095,\n", 2, 0)]
    public void Run_MissingSensitiveValues_AreNotCounted(string csv, int smallestL, long homogeneous)
    {
        string policy = AnonymizationHarness.Policy(
            "\"zip\": {\"operator\": \"keep\"}, \"diagnosis\": {\"operator\": \"keep\"}",
            "\"quasiIdentifiers\": [\"zip\"], \"sensitiveAttributes\": [\"diagnosis\"], \"k\": 2");

        (_, AnonymizationSummary summary, _) = AnonymizationHarness.Run(csv, policy);

        SyntheticData.Privacy.Risk.DiversityFigure diversity = Assert.Single(summary.Risk!.Diversity);
        Assert.Equal(smallestL, diversity.SmallestL);
        Assert.Equal(homogeneous, diversity.HomogeneousClasses);
    }

    [Theory]
    [InlineData(5, 48)]
    [InlineData(8, 64)]
    [InlineData(12, 64)]
    public void Create_ManyCachedColumns_FitCacheBudget(int columns, long expectedMegabytes)
    {
        // One IBAN token (long slots) and pseudonyms (short slots) for the rest.
        string[] header = [.. Enumerable.Range(0, columns).Select(i => "c" + i)];
        string rules = string.Join(", ", header.Select((name, i) => i == 0
            ? $"\"{name}\": {{\"operator\": \"token\", \"parameters\": {{\"kind\": \"iban\"}}}}"
            : $"\"{name}\": {{\"operator\": \"pseudonym\"}}"));
        DatasetPolicy policy = PolicyReader.Parse(AnonymizationHarness.Policy(rules), "test policy");

        AnonymizationPlan plan = AnonymizationPlan.Create(policy, header, AnonymizationHarness.KeyA);

        long total = plan.Columns.Sum(column => column.Operator!.MaximumCacheBytes);
        Assert.Equal(expectedMegabytes << 20, total);
        Assert.True(total <= AnonymizationPlan.CacheBudgetBytes);
    }
}
