namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// Thrown when the audit log fails verification, so appending to it would hide tampering.
/// </summary>
public sealed class AuditLogCorruptException : Exception
{
    public AuditLogCorruptException(string path, int line, string problem)
        : base($"Audit log {path} failed verification at line {line}: {problem}. Keep the file for investigation and start a new log.")
    {
        LogPath = path;
        Line = line;
    }

    /// <summary>The log file.</summary>
    public string LogPath { get; }

    /// <summary>The first line that failed verification (1-based).</summary>
    public int Line { get; }
}
