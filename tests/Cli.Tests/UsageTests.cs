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
    public void InvalidUsage_ExitsWithUsageCode(params string[] arguments)
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "a,b\n1,2\n");

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, arguments);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--help", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is a folder; name a file inside it", "anonymize", "in.csv", "--policy", "policy.json", "--out", "folder")]
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
}
