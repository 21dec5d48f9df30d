namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// The outcome of a local run: the manifest and where its files are on disk.
/// </summary>
/// <param name="Manifest">The run's manifest, as written.</param>
/// <param name="ManifestPath">The manifest file: under <c>reports/</c> when published, under <c>quarantine/</c> otherwise.</param>
/// <param name="OutputPaths">Published or quarantined files, by role (anonymized, synthetic, report, policy, ...).</param>
/// <param name="AuditLogPath">The audit log the run appended to.</param>
public sealed record RunResult(
    RunManifest Manifest,
    string ManifestPath,
    IReadOnlyDictionary<string, string> OutputPaths,
    string AuditLogPath);
