using System.Globalization;
using System.Text;
using System.Text.Json;
using SyntheticData.Pipeline.Keys;
using SyntheticData.Pipeline.Runs;
using SyntheticData.Synthesis;

namespace SyntheticData.Pipeline.Tests.Runs;

public sealed class LocalPipelineRunnerTests : IDisposable
{
    private static readonly string[] FirstNames = ["Alice", "Bruno", "Chiara", "Dmitri", "Elif", "Farah", "Goran", "Hana", "Ivan", "Jana"];
    private static readonly string[] LastNames = ["Keller", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrova", "Quinn", "Rossi"];
    private static readonly string[] Segments = ["retail", "premium", "business"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "runner-" + Guid.NewGuid().ToString("N"));

    public LocalPipelineRunnerTests()
    {
        Directory.CreateDirectory(_root);
    }

    private string Workspace => Path.Combine(_root, "workspace");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Run_DraftsPolicyAndPublishesEverything()
    {
        string extract = WriteExtract("customers.csv", rows: 400);

        RunResult result = await NewRunner().RunAsync(new RunOptions { ExtractPath = extract, Seed = 3 });

        Assert.True(result.Manifest.Outcome == RunOutcome.Published, result.Manifest.FailureReason);
        Assert.True(result.Manifest.PolicyDrafted);
        foreach (string role in new[] { "anonymized", "synthetic", "report-html", "report-json", "policy", "manifest", "model" })
        {
            Assert.True(File.Exists(result.OutputPaths[role]), $"missing output {role}");
        }

        Assert.StartsWith(Path.Combine(Workspace, "synthetic"), result.OutputPaths["synthetic"], StringComparison.Ordinal);
        Assert.Equal(
            ["validate", "anonymize", "verify", "split-holdout", "train", "sample", "evaluate", "publish"],
            result.Manifest.Steps.Select(step => step.Name));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Workspace, "work"), "*", SearchOption.AllDirectories));

        // The manifest names the published policy, not its staged copy, which is gone.
        Assert.Equal(result.OutputPaths["policy"], Path.Combine(Workspace, result.Manifest.Policy!.Reference.Bucket, result.Manifest.Policy.Reference.Key));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Runner_PersonalDataBuckets_AreOwnerOnly()
    {
        // A landing folder that others could read before is tightened too.
        Directory.CreateDirectory(Path.Combine(Workspace, "landing"));
        File.SetUnixFileMode(Path.Combine(Workspace, "landing"), (UnixFileMode)0b111_101_101);

        LocalPipelineRunner runner = NewRunner();

        const UnixFileMode GroupOrOther = (UnixFileMode)0b000_111_111;
        foreach (string bucket in runner.Buckets.PersonalData)
        {
            Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(Path.Combine(Workspace, bucket)) & GroupOrOther);
        }

        Assert.Equal(["landing", "work", "quarantine"], runner.Buckets.PersonalData);
        Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(Path.Combine(Workspace, LocalPipelineRunner.ScratchFolderName)) & GroupOrOther);
    }

    [Fact]
    public async Task Run_ScratchCopies_StayInWorkspace()
    {
        // The steps copy the raw extract to their scratch folder. Progress reports come while the anonymize step has
        // its copies there, so each report lists what the scratch folders contain at that moment.
        string extract = WriteExtract("customers.csv", rows: 200);
        string scratch = Path.Combine(Workspace, LocalPipelineRunner.ScratchFolderName);
        var copies = new List<string>();
        var progress = new ListingProgress(() => copies.AddRange(Directory.EnumerateFiles(scratch, "*", SearchOption.AllDirectories)));
        var runner = new LocalPipelineRunner(
            Workspace, new LocalKeyProvider(Path.Combine(_root, "keys.local.json")), SynthesizerFactory.CreateDefault(), progress: progress);

        RunResult result = await runner.RunAsync(new RunOptions { ExtractPath = extract, SkipSynthesis = true });

        Assert.True(result.Manifest.Outcome == RunOutcome.Published, result.Manifest.FailureReason);
        Assert.Contains(copies, path => Path.GetFileName(path) == "customers.csv");
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch));
    }

    [Fact]
    public async Task Run_OutputsContainNoOriginalEmails()
    {
        string extract = WriteExtract("customers.csv", rows: 300);
        string[] emails = File.ReadAllLines(extract).Skip(1).Select(line => line.Split(',')[2]).ToArray();

        RunResult result = await NewRunner().RunAsync(new RunOptions { ExtractPath = extract });

        Assert.Equal(RunOutcome.Published, result.Manifest.Outcome);
        foreach (string role in new[] { "anonymized", "synthetic", "report-html", "report-json", "manifest" })
        {
            string content = File.ReadAllText(result.OutputPaths[role]);
            Assert.DoesNotContain(emails, email => content.Contains(email, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Run_ManifestRecordsHashesKeyAndMetrics()
    {
        string extract = WriteExtract("customers.csv", rows: 300);

        RunResult result = await NewRunner().RunAsync(new RunOptions { ExtractPath = extract });

        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(result.ManifestPath));
        JsonElement root = manifest.RootElement;
        Assert.Equal(Sha256Of(extract), root.GetProperty("input").GetProperty("sha256").GetString());
        Assert.Equal("default", root.GetProperty("keyId").GetString());
        Assert.Equal(1, root.GetProperty("keyVersion").GetInt32());
        Assert.Equal("published", root.GetProperty("outcome").GetString());
        Assert.True(root.GetProperty("metrics").GetProperty("QualityScore").GetDouble() > 0.5);
        Assert.Equal(300, root.GetProperty("metrics").GetProperty("ExtractRecords").GetDouble());
        Assert.DoesNotContain("\"bytes\"", File.ReadAllText(result.ManifestPath), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Run_AppendsVerifiableAuditTrail()
    {
        string extract = WriteExtract("customers.csv", rows: 300);
        LocalPipelineRunner runner = NewRunner();

        RunResult first = await runner.RunAsync(new RunOptions { ExtractPath = extract, SkipSynthesis = true });
        RunResult second = await runner.RunAsync(new RunOptions { ExtractPath = extract, SkipSynthesis = true });

        AuditVerification verification = new AuditLog(second.AuditLogPath).Verify();
        Assert.True(verification.IsValid, verification.Problem);
        string log = File.ReadAllText(second.AuditLogPath);
        Assert.Contains(first.Manifest.RunId, log, StringComparison.Ordinal);
        Assert.Contains(second.Manifest.RunId, log, StringComparison.Ordinal);
        Assert.Contains("run.published", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SameSeed_SameSyntheticOutput()
    {
        string extract = WriteExtract("customers.csv", rows: 300);

        RunResult first = await NewRunner().RunAsync(new RunOptions { ExtractPath = extract, Seed = 11 });
        RunResult second = await NewRunner().RunAsync(new RunOptions { ExtractPath = extract, Seed = 11 });

        Assert.Equal(File.ReadAllText(first.OutputPaths["synthetic"]), File.ReadAllText(second.OutputPaths["synthetic"]));
    }

    [Fact]
    public async Task Run_MalformedExtract_FailsAndQuarantinesCopy()
    {
        string extract = Path.Combine(_root, "broken.csv");
        File.WriteAllText(extract, "name,amount\nAlice Keller,10\nBruno Novak,20,surplus\n");

        RunResult result = await NewRunner().RunAsync(new RunOptions { ExtractPath = extract });

        Assert.Equal(RunOutcome.Failed, result.Manifest.Outcome);
        Assert.Contains("validate", result.Manifest.FailureReason, StringComparison.Ordinal);
        Assert.Contains("line 3", result.Manifest.FailureReason, StringComparison.Ordinal);
        Assert.DoesNotContain("surplus", result.Manifest.FailureReason, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), result.Manifest.FailureReason, StringComparison.Ordinal);
        Assert.Contains("landing/broken/", result.Manifest.FailureReason, StringComparison.Ordinal);
        string runId = result.Manifest.RunId;
        Assert.True(File.Exists(Path.Combine(Workspace, "landing", "broken", runId, "broken.csv")));
        Assert.True(File.Exists(Path.Combine(Workspace, "quarantine", runId, "reason.json")));
        Assert.True(File.Exists(Path.Combine(Workspace, "quarantine", runId, "landing", "broken", runId, "broken.csv")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Workspace, "anonymized"), "*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Workspace, "synthetic"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Run_SameFileName_KeepsEachDelivery()
    {
        string extract = WriteExtract("customers.csv", rows: 60);
        RunResult first = await NewRunner().RunAsync(new RunOptions { ExtractPath = extract, SkipSynthesis = true });
        File.WriteAllText(extract, "customer_name,age\nAlice Keller,30\n");

        await NewRunner().RunAsync(new RunOptions { ExtractPath = extract, SkipSynthesis = true });

        string firstDelivery = Path.Combine(Workspace, "landing", first.Manifest.Input.Reference.Key);
        Assert.Equal(first.Manifest.Input.Sha256, Sha256Of(firstDelivery));
    }

    [Fact]
    public async Task Run_KeptCardColumn_Quarantined()
    {
        string extract = Path.Combine(_root, "cards.csv");
        var text = new StringBuilder("card,segment\n");
        for (int i = 0; i < 40; i++)
        {
            text.Append(i % 2 == 0 ? "4111111111111111" : "5555555555554444").Append(',').Append(Segments[i % 3]).Append('\n');
        }

        File.WriteAllText(extract, text.ToString());
        string policy = Path.Combine(_root, "keep.policy.json");
        File.WriteAllText(policy, """
            { "version": 1, "keyId": "default", "columns": { "card": { "operator": "keep" }, "segment": { "operator": "keep" } } }
            """);

        RunResult result = await NewRunner().RunAsync(new RunOptions { ExtractPath = extract, PolicyPath = policy });

        Assert.Equal(RunOutcome.Quarantined, result.Manifest.Outcome);
        Assert.Contains("'card'", result.Manifest.FailureReason, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", result.Manifest.FailureReason, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Workspace, "anonymized"), "*", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(Workspace, "work", result.Manifest.RunId)));
        Assert.Equal($"{result.Manifest.RunId}/work/{result.Manifest.RunId}/policy.json", result.Manifest.Policy!.Reference.Key);
        Assert.True(File.Exists(Path.Combine(Workspace, "quarantine", result.Manifest.Policy.Reference.Key)));
    }

    [Fact]
    public async Task Run_FailedQualityGate_QuarantinesSynthetic()
    {
        string extract = WriteExtract("customers.csv", rows: 300);
        string policy = await DraftPolicyWithGatesAsync(extract, "{\"minQualityScore\": 0.9999}");

        RunResult result = await NewRunner().RunAsync(new RunOptions { ExtractPath = extract, PolicyPath = policy });

        Assert.Equal(RunOutcome.Quarantined, result.Manifest.Outcome);
        Assert.Contains("Gate Quality score", result.Manifest.FailureReason, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Workspace, "synthetic"), "*", SearchOption.AllDirectories));
        string quarantine = Path.Combine(Workspace, "quarantine", result.Manifest.RunId);
        Assert.True(File.Exists(Path.Combine(quarantine, "reason.json")));
        Assert.True(File.Exists(Path.Combine(quarantine, "work", result.Manifest.RunId, "synthetic.csv")));
        Assert.True(File.Exists(Path.Combine(quarantine, "manifest.json")));

        // A quality gate is not a privacy gate, and a failed run counts once, under the alarmed name.
        Assert.DoesNotContain(SyntheticData.Telemetry.PipelineMetrics.PrivacyGateFailures, result.Manifest.Metrics.Keys);
        Assert.Equal(1, result.Manifest.Metrics[SyntheticData.Telemetry.PipelineMetrics.RunsFailed]);
        Assert.DoesNotContain("FailedRuns", result.Manifest.Metrics.Keys);
    }

    [Fact]
    public async Task Run_PolicyMissingColumn_FailsValidation()
    {
        string extract = WriteExtract("customers.csv", rows: 50);
        string policy = Path.Combine(_root, "partial.policy.json");
        File.WriteAllText(policy, """
            { "version": 1, "keyId": "default", "columns": { "customer_name": { "operator": "drop" } } }
            """);

        RunResult result = await NewRunner().RunAsync(new RunOptions { ExtractPath = extract, PolicyPath = policy });

        Assert.Equal(RunOutcome.Failed, result.Manifest.Outcome);
        Assert.Contains("'email'", result.Manifest.FailureReason, StringComparison.Ordinal);
        StepRecord failed = Assert.Single(result.Manifest.Steps, step => step.Outcome == StepOutcome.Failed);
        Assert.Equal(StepFailureCause.InvalidPolicy, failed.Cause);

        // The given policy goes to quarantine with the rejected extract, and nothing of the run stays in work/.
        string quarantine = Path.Combine(Workspace, "quarantine", result.Manifest.RunId);
        Assert.True(File.Exists(Path.Combine(quarantine, "work", result.Manifest.RunId, "policy.json")));
        Assert.False(Directory.Exists(Path.Combine(Workspace, "work", result.Manifest.RunId)));

        // The manifest hashes the extract and the policy, although validation failed before it hashed them.
        Assert.Equal(64, result.Manifest.Input.Sha256.Length);
        Assert.Equal(new FileInfo(extract).Length, result.Manifest.Input.Length);
        Assert.NotNull(result.Manifest.Policy);
        Assert.Equal(Path.Combine(quarantine, "work", result.Manifest.RunId, "policy.json"), Path.Combine(Workspace, result.Manifest.Policy.Reference.Bucket, result.Manifest.Policy.Reference.Key));
    }

    [Fact]
    public async Task Run_UnreadableValues_WarnInManifest()
    {
        // Numeric bins cannot read the opened dates, so the whole column is written empty. The run must report it
        // without any date.
        string extract = WriteExtract("customers.csv", rows: 200);
        string drafted = await DraftPolicyWithGatesAsync(extract, "{}");
        var policy = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(drafted))!.AsObject();
        policy["columns"]!["opened"] = System.Text.Json.Nodes.JsonNode.Parse(
            """{ "operator": "generalize", "parameters": { "method": "numericBins", "width": 10 } }""");
        string path = Path.Combine(_root, "unreadable.policy.json");
        File.WriteAllText(path, policy.ToJsonString());

        RunResult result = await NewRunner().RunAsync(new RunOptions { ExtractPath = extract, PolicyPath = path, SkipSynthesis = true });

        Assert.True(result.Manifest.Outcome == RunOutcome.Published, result.Manifest.FailureReason);
        string warning = Assert.Single(result.Manifest.Warnings);
        Assert.Contains("column 'opened': 200 of 200 values could not be read by operator 'generalize'", warning, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d\d-\d\d", warning);
    }

    [Fact]
    public async Task Run_Cancelled_LeavesManifest()
    {
        // The first progress report comes from the validate step; cancelling there stops the run at its next check.
        string extract = WriteExtract("customers.csv", rows: 200);
        using var cancellation = new CancellationTokenSource();
        var runner = new LocalPipelineRunner(
            Workspace,
            new LocalKeyProvider(Path.Combine(_root, "keys.local.json")),
            SynthesizerFactory.CreateDefault(),
            progress: new ListingProgress(cancellation.Cancel));

        string policyPath = await DraftPolicyWithGatesAsync(extract, "{}");

        RunCancelledException cancelled = await Assert.ThrowsAsync<RunCancelledException>(
            () => runner.RunAsync(new RunOptions { ExtractPath = extract, PolicyPath = policyPath, SkipSynthesis = true }, cancellation.Token));

        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(cancelled.ManifestPath));
        JsonElement root = manifest.RootElement;
        Assert.Equal("cancelled", root.GetProperty("outcome").GetString());
        Assert.EndsWith(": cancelled", root.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(64, root.GetProperty("input").GetProperty("sha256").GetString()!.Length);
        JsonElement policy = root.GetProperty("policy");
        Assert.Equal(64, policy.GetProperty("sha256").GetString()!.Length);
        Assert.Equal("quarantine", policy.GetProperty("reference").GetProperty("bucket").GetString());
        Assert.StartsWith(Path.Combine(Workspace, "quarantine", root.GetProperty("runId").GetString()!), cancelled.ManifestPath, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Workspace, "work"), "*", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(Workspace, "anonymized", "customers", root.GetProperty("runId").GetString()!)));
    }

    [Fact]
    public async Task Run_DatedFileName_KeepsDateInDataset()
    {
        // Only the data-format extensions leave the name, so the month stays and another month gets its own folder.
        byte[] text = File.ReadAllBytes(WriteExtract("cards.csv", rows: 200));
        string extract = Path.Combine(_root, "cards.2024-01.csv.gz");
        using (FileStream target = File.Create(extract))
        using (var gzip = new System.IO.Compression.GZipStream(target, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(text);
        }

        RunResult result = await NewRunner().RunAsync(new RunOptions { ExtractPath = extract, SkipSynthesis = true });

        Assert.True(result.Manifest.Outcome == RunOutcome.Published, result.Manifest.FailureReason);
        Assert.True(Directory.Exists(Path.Combine(Workspace, "landing", "cards-2024-01", result.Manifest.RunId)));
    }

    [Fact]
    public async Task Run_EverythingSuppressed_RecordsNoSmallestClass()
    {
        // A k above the record count suppresses every record's quasi-identifiers, which leaves no class to measure.
        string extract = WriteExtract("customers.csv", rows: 200);
        string drafted = await DraftPolicyWithGatesAsync(extract, "{}");
        var policy = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(drafted))!.AsObject();
        policy["k"] = 1000;
        string path = Path.Combine(_root, "high-k.policy.json");
        File.WriteAllText(path, policy.ToJsonString());

        RunResult result = await NewRunner().RunAsync(new RunOptions { ExtractPath = extract, PolicyPath = path, SkipSynthesis = true });

        Assert.True(result.Manifest.Outcome == RunOutcome.Published, result.Manifest.FailureReason);
        Assert.DoesNotContain("SmallestEquivalenceClass", result.Manifest.Metrics.Keys);
        Assert.Equal(200, result.Manifest.Metrics["RecordsSuppressedToReachK"]);
    }

    [Fact]
    public async Task Run_PolicyDataset_NamesFolders()
    {
        // Dated extracts of one dataset land in the folders of the policy's dataset name, not of each file name.
        string extract = WriteExtract("customers-2026-12-01.csv", rows: 200);
        string drafted = await DraftPolicyWithGatesAsync(extract, "{}");
        var policy = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(drafted))!.AsObject();
        policy["dataset"] = "customer master/EU";
        string path = Path.Combine(_root, "named.policy.json");
        File.WriteAllText(path, policy.ToJsonString());

        RunResult result = await NewRunner().RunAsync(new RunOptions { ExtractPath = extract, PolicyPath = path, SkipSynthesis = true });

        Assert.True(result.Manifest.Outcome == RunOutcome.Published, result.Manifest.FailureReason);
        Assert.StartsWith(
            Path.Combine(Workspace, "anonymized", "customer-master-EU", result.Manifest.RunId) + Path.DirectorySeparatorChar,
            result.OutputPaths["anonymized"],
            StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(Workspace, "landing", "customer-master-EU", result.Manifest.RunId)));
    }

    private sealed class ListingProgress(Action list) : IProgress<Steps.StepProgress>
    {
        public void Report(Steps.StepProgress value) => list();
    }

    private LocalPipelineRunner NewRunner() =>
        new(Workspace, new LocalKeyProvider(Path.Combine(_root, "keys.local.json")), SynthesizerFactory.CreateDefault());

    private async Task<string> DraftPolicyWithGatesAsync(string extract, string gatesJson)
    {
        RunResult drafted = await NewRunner().RunAsync(new RunOptions { ExtractPath = extract, SkipSynthesis = true });
        string policyJson = File.ReadAllText(drafted.OutputPaths["policy"]);
        var node = System.Text.Json.Nodes.JsonNode.Parse(policyJson)!.AsObject();
        node["gates"] = System.Text.Json.Nodes.JsonNode.Parse(gatesJson);
        string path = Path.Combine(_root, "gated.policy.json");
        File.WriteAllText(path, node.ToJsonString());
        return path;
    }

    private string WriteExtract(string fileName, int rows)
    {
        var random = new Random(42);
        var text = new StringBuilder("customer_name,age,email,segment,balance,opened\n");
        for (int i = 0; i < rows; i++)
        {
            string first = FirstNames[random.Next(FirstNames.Length)];
            string last = LastNames[random.Next(LastNames.Length)];
            int age = 18 + random.Next(60);
            string segment = Segments[Math.Min(Segments.Length - 1, age / 25)];
            double balance = Math.Round(age * 120 + random.NextDouble() * 2000, 2);
            var opened = new DateTime(2015, 1, 1).AddDays(random.Next(3000));
            text.Append(CultureInfo.InvariantCulture, $"{first} {last},{age},{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{i}@example.com,{segment},{balance},{opened:yyyy-MM-dd}\n");
        }

        string path = Path.Combine(_root, fileName);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string Sha256Of(string path) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
