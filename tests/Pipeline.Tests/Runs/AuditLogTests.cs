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
}
