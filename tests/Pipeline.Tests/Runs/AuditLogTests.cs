using System.Text.Json.Nodes;
using SyntheticData.Pipeline.Runs;

namespace SyntheticData.Pipeline.Tests.Runs;

public sealed class AuditLogTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "audit-" + Guid.NewGuid().ToString("N"));

    private string LogPath => Path.Combine(_folder, "audit.jsonl");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Append_ChainsEachEntryToThePrevious()
    {
        var log = new AuditLog(LogPath);

        AuditEntry first = log.Append("run-1", "run.started", new JsonObject { ["input"] = "landing/a.csv" });
        AuditEntry second = log.Append("run-1", "run.finished");

        Assert.Equal(AuditLog.GenesisHash, first.PreviousHash);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(2, second.Sequence);
        Assert.True(log.Verify().IsValid);
    }

    [Fact]
    public void Verify_EditedDetail_FailsAtThatLine()
    {
        var log = new AuditLog(LogPath);
        log.Append("run-1", "run.started", new JsonObject { ["rows"] = 100 });
        log.Append("run-1", "step.completed", new JsonObject { ["rows"] = 100 });
        log.Append("run-1", "run.finished");
        string[] lines = File.ReadAllLines(LogPath);
        lines[1] = lines[1].Replace("\"rows\":100", "\"rows\":99", StringComparison.Ordinal);
        File.WriteAllLines(LogPath, lines);

        AuditVerification result = log.Verify();

        Assert.False(result.IsValid);
        Assert.Equal(2, result.FirstInvalidLine);
    }

    [Fact]
    public void Verify_DeletedLine_Fails()
    {
        var log = new AuditLog(LogPath);
        log.Append("run-1", "a");
        log.Append("run-1", "b");
        log.Append("run-1", "c");
        List<string> lines = [.. File.ReadAllLines(LogPath)];
        lines.RemoveAt(1);
        File.WriteAllLines(LogPath, lines);

        AuditVerification result = log.Verify();

        Assert.False(result.IsValid);
        Assert.Equal(2, result.FirstInvalidLine);
    }

    [Fact]
    public void Append_AfterTampering_Throws()
    {
        var log = new AuditLog(LogPath);
        log.Append("run-1", "a");
        File.AppendAllText(LogPath, "{\"not\":\"an entry\"}\n");

        Assert.Throws<AuditLogCorruptException>(() => log.Append("run-1", "b"));
    }

    [Fact]
    public void Verify_MissingFile_IsValidAndEmpty()
    {
        AuditVerification result = new AuditLog(LogPath).Verify();

        Assert.True(result.IsValid);
        Assert.Equal(0, result.EntryCount);
    }

    [Fact]
    public void Append_NewInstance_ContinuesChain()
    {
        new AuditLog(LogPath).Append("run-1", "a");

        AuditEntry entry = new AuditLog(LogPath).Append("run-2", "b");

        Assert.Equal(2, entry.Sequence);
        Assert.True(new AuditLog(LogPath).Verify().IsValid);
    }

    // Three entries as an earlier build wrote them with reflection-based serialization. The hash chain covers
    // these exact bytes, so existing logs verify only while the format stays the same.
    private const string VersionOneLog = """
        {"sequence":1,"time":"2025-03-14T09:26:53.5897932+01:00","runId":"20250314T082653Z-0a1b2c3d","event":"run.started","details":{"input":"landing/café/ünïcode <&> 'q' \"d\" + \\ \n\t\u2028 \uD83D\uDE00.csv","policyGiven":false},"previousHash":"0000000000000000000000000000000000000000000000000000000000000000","hash":"7328f6a307c0189f15571e3a78b7e08b329ccb484dd6c8b9ad4f5c17b07f84ec"}
        {"sequence":2,"time":"2025-03-14T09:26:53.5897932+01:00","runId":"20250314T082653Z-0a1b2c3d","event":"step.succeeded","details":{"step":"validate","seconds":0.1,"rows":12345678901,"ratio":1E-07,"nested":{"list":[1,"two",null,true]}},"previousHash":"7328f6a307c0189f15571e3a78b7e08b329ccb484dd6c8b9ad4f5c17b07f84ec","hash":"4eec93aedb05508330488fc2a2c1266d34b2c30aa312a74b61ab63ca490e6f6e"}
        {"sequence":3,"time":"2025-03-14T09:26:53.5897932+01:00","runId":"20250314T082653Z-0a1b2c3d","event":"run.finished","details":null,"previousHash":"4eec93aedb05508330488fc2a2c1266d34b2c30aa312a74b61ab63ca490e6f6e","hash":"9a8a40e7778b9f9e3aca9445942b0734b16c8aa447332db9b780af932324bbed"}
        """;

    private static readonly DateTimeOffset VersionOneTime = new DateTimeOffset(2025, 3, 14, 9, 26, 53, 589, TimeSpan.FromHours(1)).AddTicks(7932);

    [Fact]
    public void Append_WritesVersionOneBytes()
    {
        var log = new AuditLog(LogPath, new FixedTimeProvider(VersionOneTime));

        log.Append("20250314T082653Z-0a1b2c3d", "run.started", new JsonObject
        {
            ["input"] = "landing/café/ünïcode <&> 'q' \"d\" + \\ \n\t\u2028 \U0001F600.csv",
            ["policyGiven"] = false,
        });
        log.Append("20250314T082653Z-0a1b2c3d", "step.succeeded", new JsonObject
        {
            ["step"] = "validate",
            ["seconds"] = 0.1,
            ["rows"] = 12345678901L,
            ["ratio"] = 1e-7,
            ["nested"] = new JsonObject { ["list"] = new JsonArray(1, "two", null, true) },
        });
        log.Append("20250314T082653Z-0a1b2c3d", "run.finished");

        Assert.Equal(VersionOneLog + "\n", File.ReadAllText(LogPath));
    }

    [Fact]
    public void Verify_VersionOneLog_IsValid()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(LogPath, VersionOneLog + "\n");

        AuditVerification result = new AuditLog(LogPath).Verify();

        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(3, result.EntryCount);
        Assert.Equal("9a8a40e7778b9f9e3aca9445942b0734b16c8aa447332db9b780af932324bbed", result.LastHash);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
