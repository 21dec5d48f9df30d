using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// An append-only JSON Lines audit log in which each entry carries the SHA-256 of the previous one,
/// so that editing, deleting or reordering past entries is detected by <see cref="Verify"/>.
/// </summary>
public sealed class AuditLog
{
    /// <summary>The previous-hash value of the first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly AuditLogJsonContext LineJson = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    });

    private readonly TimeProvider _time;
    private readonly object _gate = new();

    /// <summary>Creates a log that appends to <paramref name="path"/>; the file is created on the first append.</summary>
    public AuditLog(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The log file.</summary>
    public string Path { get; }

    /// <summary>Appends one event, chained to the last entry in the file, and returns the entry written.</summary>
    /// <exception cref="AuditLogCorruptException">The existing log fails verification, so nothing is appended.</exception>
    public AuditEntry Append(string runId, string eventName, JsonObject? details = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        lock (_gate)
        {
            AuditVerification state = Verify();
            if (!state.IsValid)
            {
                throw new AuditLogCorruptException(Path, state.FirstInvalidLine ?? 0, state.Problem ?? "invalid entry");
            }

            var unsigned = new AuditEntry
            {
                Sequence = state.EntryCount + 1,
                Time = _time.GetUtcNow(),
                RunId = runId,
                Event = eventName,
                Details = details?.DeepClone().AsObject(),
                PreviousHash = state.LastHash,
                Hash = string.Empty,
            };
            AuditEntry entry = unsigned with { Hash = ComputeHash(unsigned) };

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, LineJson.AuditEntry) + "\n");
            stream.Write(line);
            stream.Flush(flushToDisk: true);
            return entry;
        }
    }

    /// <summary>Reads the whole log and checks every entry's hash, chain link and sequence number.</summary>
    public AuditVerification Verify()
    {
        if (!File.Exists(Path))
        {
            return new AuditVerification(true, 0, GenesisHash, null, null);
        }

        string previous = GenesisHash;
        long count = 0;
        int lineNumber = 0;
        foreach (string line in File.ReadLines(Path, Encoding.UTF8))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                return Invalid(lineNumber, "empty line");
            }

            AuditEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize(line, LineJson.AuditEntry);
            }
            catch (JsonException)
            {
                return Invalid(lineNumber, "line is not a valid audit entry");
            }

            if (entry is null)
            {
                return Invalid(lineNumber, "line is not a valid audit entry");
            }

            if (entry.Sequence != count + 1)
            {
                return Invalid(lineNumber, $"sequence {entry.Sequence} where {count + 1} was expected");
            }

            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
            {
                return Invalid(lineNumber, "previous-hash does not match the entry before it");
            }

            if (!string.Equals(entry.Hash, ComputeHash(entry), StringComparison.Ordinal))
            {
                return Invalid(lineNumber, "hash does not match the entry's content");
            }

            previous = entry.Hash;
            count++;
        }

        return new AuditVerification(true, count, previous, null, null);

        AuditVerification Invalid(int line, string problem) => new(false, count, previous, line, problem);
    }

    /// <summary>Computes the hash of an entry: SHA-256 over its compact JSON with an empty hash field.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string canonical = JsonSerializer.Serialize(entry with { Hash = string.Empty }, LineJson.AuditEntry);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
