using SyntheticData.Pipeline.Keys;
using SyntheticData.Pipeline.Runs;
using SyntheticData.Synthesis;
using SyntheticData.Testing;

namespace SyntheticData.Pipeline.Tests.Runs;

/// <summary>
/// Runs the whole pipeline, with a drafted policy and the Gaussian copula, on every public data set and on
/// the committed sample extract with its reviewed policy.
/// </summary>
public sealed class SharedDataRunTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shared-run-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Theory]
    [InlineData("adult.csv")]
    [InlineData("bank.csv")]
    [InlineData("card_transactions.csv")]
    [InlineData("credit_default.csv")]
    [InlineData("german_credit.csv")]
    public async Task Run_SharedDataSet_Publishes(string fileName)
    {
        RunResult result = await NewRunner().RunAsync(new RunOptions { ExtractPath = RepositoryPaths.SharedData(fileName) });

        Assert.True(result.Manifest.Outcome == RunOutcome.Published, result.Manifest.FailureReason);
        Assert.True(File.Exists(result.OutputPaths["synthetic"]));
        Assert.True(File.Exists(result.OutputPaths["report-html"]));
    }

    [Fact]
    public async Task Run_CommittedSampleWithReviewedPolicy_Publishes()
    {
        string samples = Path.Combine(RepositoryPaths.RepositoryRoot, "samples");
        var options = new RunOptions
        {
            ExtractPath = Path.Combine(samples, "card_transactions_sample.csv"),
            PolicyPath = Path.Combine(samples, "card_transactions_sample.policy.json"),
        };

        RunResult result = await NewRunner().RunAsync(options);

        Assert.True(result.Manifest.Outcome == RunOutcome.Published, result.Manifest.FailureReason);
        Assert.False(result.Manifest.PolicyDrafted);
    }

    private LocalPipelineRunner NewRunner() =>
        new(Path.Combine(_root, "workspace"), new LocalKeyProvider(Path.Combine(_root, "keys.local.json")), SynthesizerFactory.CreateDefault());
}
