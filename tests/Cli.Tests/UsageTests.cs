using SyntheticData.Cli.Tests.Anonymization;

namespace SyntheticData.Cli.Tests;

/// <summary>Command-line mistakes exit with the documented usage code and a hint, never a stack trace.</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData("run", "in.csv", "--epochs", "abc")]
    [InlineData("run", "in.csv", "--bogus")]
    [InlineData("generate-sample", "--rows", "10")]
    [InlineData("no-such-command")]
    [InlineData("anonymize", "in.csv", "--policy", "p.json", "--out", "o.csv", "--key-version", "abc")]
    public void InvalidUsage_ExitsWithUsageCode(params string[] arguments)
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "a,b\n1,2\n");

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, arguments);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--help", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is a folder; name a file inside it", "anonymize", "in.csv", "--policy", "policy.json", "--out", "folder")]
    [InlineData("Report ", "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv", "--report", "folder")]
    [InlineData("Input file", "anonymize", "folder", "--policy", "policy.json", "--out", "out.csv")]
    [InlineData("Policy file", "anonymize", "in.csv", "--policy", "folder", "--out", "out.csv")]
    [InlineData("is a folder; name a file inside it", "generate-sample", "--rows", "10", "--out", "folder")]
    [InlineData("Extract", "run", "folder", "--workspace", "ws")]
    [InlineData("Input file", "scan", "folder")]
    [InlineData("Input file", "policy", "init", "folder")]
    [InlineData("Policy file", "policy", "check", "folder")]
    [InlineData("key file path", "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv", "--key-file", "folder")]
    public void FolderWhereFileBelongs_IsNamed(string expected, params string[] arguments)
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "a,b\n1,2\n");
        File.WriteAllText(folder.File("policy.json"), """{ "version": 1, "k": 1, "columns": { "a": { "operator": "keep" }, "b": { "operator": "keep" } } }""");
        Directory.CreateDirectory(folder.File("folder"));

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, arguments);

        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("folder", error, StringComparison.Ordinal);
        Assert.True(code is ExitCodes.Usage or ExitCodes.InvalidPolicy, $"exit code {code}: {error}");
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--out", "the input", "anonymize", "in.csv", "--policy", "policy.json", "--out", "in.csv")]
    [InlineData("--out", "the input", "anonymize", "in.csv", "--policy", "policy.json", "--out", "link.csv")]
    [InlineData("--out", "the policy", "anonymize", "in.csv", "--policy", "policy.json", "--out", "policy.json")]
    [InlineData("--out", "the key file", "anonymize", "in.csv", "--policy", "policy.json", "--out", "keys.json", "--key-file", "keys.json")]
    [InlineData("--out", "the report", "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv", "--report", "out.csv")]
    [InlineData("--report", "the input", "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv", "--report", "in.csv")]
    [InlineData("--report", "the key file", "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv", "--report", "keys.json", "--key-file", "keys.json")]
    [InlineData("--out", "the input", "policy", "init", "in.csv", "--out", "in.csv")]
    public void OutputNamingAnotherFile_IsRejected(string option, string role, params string[] arguments)
    {
        using var folder = new TemporaryFolder();
        const string Extract = "a,b\n1,2\n";
        File.WriteAllText(folder.File("in.csv"), Extract);
        File.CreateSymbolicLink(folder.File("link.csv"), folder.File("in.csv"));
        string policy = """{ "version": 1, "k": 1, "columns": { "a": { "operator": "keep" }, "b": { "operator": "keep" } } }""";
        File.WriteAllText(folder.File("policy.json"), policy);

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, arguments);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.Contains("is also " + role, error, StringComparison.Ordinal);
        Assert.Equal(Extract, File.ReadAllText(folder.File("in.csv")));
        Assert.Equal(policy, File.ReadAllText(folder.File("policy.json")));
        Assert.False(File.Exists(folder.File("out.csv")));
        Assert.False(File.Exists(folder.File("keys.json")));
    }

    [Fact]
    public void PolicyInitExistingOutput_NeedsForce()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "a,b\n1,2\n");
        const string Reviewed = "{ \"reviewed\": true }";
        File.WriteAllText(folder.File("policy.json"), Reviewed);

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "policy", "init", "in.csv", "--out", "policy.json");
        string afterRejection = File.ReadAllText(folder.File("policy.json"));
        (int forcedCode, _, string forcedError) = SynthdataProcess.Run(folder.Path, "policy", "init", "in.csv", "--out", "policy.json", "--force");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal(Reviewed, afterRejection);
        Assert.True(forcedCode == ExitCodes.Success, forcedError);
        Assert.Contains("\"columns\"", File.ReadAllText(folder.File("policy.json")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("out.jsonl", "not JSON")]
    [InlineData("out.json", "not JSON")]
    [InlineData("out.parquet.gz", "Name the output .parquet")]
    public void AnonymizeOutputInUnwrittenFormat_IsRejected(string output, string expected)
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "a,b\n1,2\n");
        File.WriteAllText(folder.File("policy.json"), """{ "version": 1, "k": 1, "columns": { "a": { "operator": "keep" }, "b": { "operator": "keep" } } }""");

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", output);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File(output)));
    }

    [Theory]
    [InlineData("Report folder", "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv", "--report", "missing/report.json")]
    [InlineData("Output folder", "policy", "init", "in.csv", "--out", "missing/policy.json")]
    public void OutputInMissingFolder_IsRejectedFirst(string role, params string[] arguments)
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "a,b\n1,2\n");
        File.WriteAllText(folder.File("policy.json"), """{ "version": 1, "k": 1, "columns": { "a": { "operator": "keep" }, "b": { "operator": "keep" } } }""");

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, arguments);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(role, error, StringComparison.Ordinal);
        Assert.Contains("missing", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("out.csv")));
    }
}
