using SyntheticData.Pipeline.Anonymization;
using SyntheticData.Privacy.Anonymization;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Pipeline.Tests.Anonymization;

/// <summary>Trying a policy on the first records of a real file, in memory, before a full run.</summary>
public sealed class PolicyTrialTests : IDisposable
{
    private const string Extract =
        "customer,card,email,note\n" +
        "C1,4111 1111 1111 1111,ada.brennick.accounts.payable.team@ex.io,first\n" +
        "C2,5555555555554444,NULL,\n" +
        "C1,4111 1111 1111 1111,ada.brennick.accounts.payable.team@ex.io,\"two\nlines\"\n" +
        "C3,,tomas.ferreira.accounts.payable.team@ex.io,last\n" +
        "C4,4012888888881881,grace.hopper.accounts.payable.team@ex.io,after the trial\n";

    private const string PseudonymEmail = "{\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"email\"}}";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "policy-trial-tests-" + Guid.NewGuid().ToString("N"));

    public PolicyTrialTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(InputPath, Extract);
    }

    private string InputPath => Path.Combine(_folder, "in.csv");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_ProtectingPolicy_Passes()
    {
        PolicyTrialResult trial = PolicyTrial.Run(InputPath, Policy(PseudonymEmail), records: 4);

        Assert.True(trial.Passed);
        Assert.Equal(4, trial.Records);
        Assert.Equal(4, trial.Rescan.RecordsScanned);
        Assert.Empty(PolicyTrial.DescribeFailures(trial));
        Assert.Equal(["in.csv"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_MaskKeepingDomain_FailsWithoutValues()
    {
        PolicyTrialResult trial = PolicyTrial.Run(InputPath, Policy("{\"operator\": \"mask\", \"parameters\": {\"keepFirst\": 8, \"keepLast\": 8}}"), records: 4);

        Assert.False(trial.Passed);
        ResidualFinding finding = Assert.Single(trial.Rescan.Findings);
        Assert.Equal(("email", PiiKind.Email, 3L), (finding.Column, finding.Kind, finding.Cells));
        string message = Assert.Single(PolicyTrial.DescribeFailures(trial));
        Assert.Contains("'email'", message, StringComparison.Ordinal);
        Assert.Contains("3 of 4 tried records", message, StringComparison.Ordinal);
        Assert.Contains("operator 'mask'", message, StringComparison.Ordinal);
        Assert.DoesNotContain("ex.io", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LaterFinding_IsNotSeen()
    {
        // Only the fifth record has a live card number in the kept note column.
        File.AppendAllText(InputPath, "C5,,,card 4111111111111111\n");

        Assert.True(PolicyTrial.Run(InputPath, Policy(PseudonymEmail), records: 5).Passed);
        PolicyTrialResult all = PolicyTrial.Run(InputPath, Policy(PseudonymEmail), records: 6);

        Assert.False(all.Passed);
        string message = Assert.Single(PolicyTrial.DescribeFailures(all));
        Assert.Contains("'note', which the policy keeps in clear, contains CardNumber in 1 of 6 tried records", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnlistedColumn_ThrowsHeaderCheckError()
    {
        DatasetPolicy policy = PolicyReader.Parse(
            "{ \"version\": 1, \"columns\": { \"customer\": {\"operator\": \"drop\"} }, \"k\": 1 }", "test policy");

        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyTrial.Run(InputPath, policy));

        Assert.Equal(AnonymizationPlan.HeaderCheckSource, exception.Source);
    }

    private static DatasetPolicy Policy(string emailOperator) => TestPolicies.CustomerCardEmailNote(emailOperator);
}
