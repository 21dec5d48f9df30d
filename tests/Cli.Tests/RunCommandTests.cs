using SyntheticData.Cli.Tests.Anonymization;

namespace SyntheticData.Cli.Tests;

public sealed class RunCommandTests
{
    [Fact]
    public void Run_PolicyMissingColumn_ExitsInvalidPolicy()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "id,email\n1,ada@example.org\n2,tom@example.org\n");
        File.WriteAllText(folder.File("policy.json"), """{ "version": 1, "columns": { "id": { "operator": "keep" } } }""");

        (int code, _, string error) = SynthdataProcess.Run(
            folder.Path, "run", "in.csv", "--policy", "policy.json", "--synthesizer", "none", "--workspace", "ws");

        Assert.True(code == ExitCodes.InvalidPolicy, error);
        Assert.Contains("'email'", error, StringComparison.Ordinal);
        Assert.Contains("validate: failed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InvalidPolicy_NamesTheGivenFile()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "id,email\n1,ada@example.org\n2,tom@example.org\n");
        File.WriteAllText(folder.File("mine.json"), """{ "version": 1, "columns": { "id": { "operator": "keep" }, "email": { "operator": "scramble" } } }""");

        (int code, _, string error) = SynthdataProcess.Run(
            folder.Path, "run", "in.csv", "--policy", "mine.json", "--synthesizer", "none", "--workspace", "ws", "--no-progress");

        Assert.True(code == ExitCodes.InvalidPolicy, error);
        Assert.Contains($"Invalid policy {folder.File("mine.json")}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RescanFinding_ShowsGateFailedStep()
    {
        using var folder = new TemporaryFolder();
        // Masking that keeps 8 characters at each end leaves long addresses with short domains detectable.
        File.WriteAllText(folder.File("in.csv"), "id,email\n1,ada.brennick.accounts.payable.team@ex.io\n2,tomas.ferreira.accounts.payable.team@ex.io\n");
        File.WriteAllText(
            folder.File("policy.json"),
            """{ "version": 1, "k": 1, "columns": { "id": { "operator": "keep" }, "email": { "operator": "mask", "parameters": { "keepFirst": 8, "keepLast": 8 } } } }""");

        (int code, _, string error) = SynthdataProcess.Run(
            folder.Path, "run", "in.csv", "--policy", "policy.json", "--synthesizer", "none", "--workspace", "ws", "--no-progress");

        Assert.True(code == ExitCodes.GateFailed, error);
        Assert.Contains("verify: gate failed", error, StringComparison.Ordinal);
        Assert.DoesNotContain("verify: done", error, StringComparison.Ordinal);
        Assert.DoesNotContain("ada.brennick", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Published_PrintsFigures()
    {
        using var folder = new TemporaryFolder();
        SynthdataProcess.Run(folder.Path, "generate-sample", "--rows", "300", "--out", "in.csv");

        (int code, string output, string error) = SynthdataProcess.Run(
            folder.Path, "run", "in.csv", "--synthesizer", "none", "--workspace", "ws", "--no-progress");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("anonymized records 300", output, StringComparison.Ordinal);
        Assert.Contains("smallest class", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EveryRecordSuppressed_Warns()
    {
        // Ten records of ten distinct zip codes: no class reaches k = 5, so enforcing it suppresses every record.
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "id,zip\n" + string.Concat(Enumerable.Range(0, 10).Select(i => $"{i},{10001 + (i * 7)}\n")));
        File.WriteAllText(
            folder.File("policy.json"),
            """{ "version": 1, "k": 5, "enforceK": true, "quasiIdentifiers": ["zip"], "columns": { "id": { "operator": "keep" }, "zip": { "operator": "keep" } } }""");

        (int code, _, string error) = SynthdataProcess.Run(
            folder.Path, "run", "in.csv", "--policy", "policy.json", "--synthesizer", "none", "--workspace", "ws", "--no-progress");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("suppressed the quasi-identifiers of every record", error, StringComparison.Ordinal);
        string manifest = File.ReadAllText(Directory.GetFiles(folder.File("ws/reports"), "manifest.json", SearchOption.AllDirectories).Single());
        Assert.Contains("suppressed the quasi-identifiers of every record", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MalformedExtract_ExitsInvalidInput()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "id,email\n1,ada@example.org\n2,tom@example.org,extra\n");

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "run", "in.csv", "--synthesizer", "none", "--workspace", "ws");

        Assert.True(code == ExitCodes.InvalidInput, error);
        Assert.Contains("line 3", error, StringComparison.Ordinal);
        Assert.DoesNotContain("tom@example.org", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WorkspaceIsFile_ExitsUsage()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "id,email\n1,ada@example.org\n");
        File.WriteAllText(folder.File("wsfile"), string.Empty);

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "run", "in.csv", "--synthesizer", "none", "--workspace", "wsfile");

        Assert.True(code == ExitCodes.Usage, error);
        Assert.Contains("is a file", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wsfile/sub")]
    [InlineData("blocked")]
    public void Run_WorkspaceBlockedByFile_ExitsUsage(string workspace)
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "id,email\n1,ada@example.org\n");
        File.WriteAllText(folder.File("wsfile"), string.Empty);
        Directory.CreateDirectory(folder.File("blocked"));
        File.WriteAllText(Path.Combine(folder.File("blocked"), "landing"), string.Empty);

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "run", "in.csv", "--synthesizer", "none", "--workspace", workspace);

        Assert.True(code == ExitCodes.Usage, error);
        Assert.Contains("cannot be used", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", error, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Run_KeyFileReadableByOthers_ExitsInvalidPolicy()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "id,email\n1,ada@example.org\n2,tom@example.org\n");
        File.WriteAllText(
            folder.File("policy.json"),
            """{ "version": 1, "k": 1, "columns": { "id": { "operator": "keep" }, "email": { "operator": "pseudonym", "parameters": { "kind": "email" } } } }""");
        (int created, _, string createError) = SynthdataProcess.Run(folder.Path, "keys", "rotate", "--key-file", "keys.json");
        File.SetUnixFileMode(folder.File("keys.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        (int code, _, string error) = SynthdataProcess.Run(
            folder.Path, "run", "in.csv", "--policy", "policy.json", "--key-file", "keys.json", "--synthesizer", "none", "--workspace", "ws", "--no-progress");

        Assert.True(created == ExitCodes.Success, createError);
        Assert.True(code == ExitCodes.InvalidPolicy, error);
        Assert.Contains("chmod 600", error, StringComparison.Ordinal);
        Assert.DoesNotContain("KeyStoreException", error, StringComparison.Ordinal);
    }
}
