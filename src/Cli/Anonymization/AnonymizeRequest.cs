namespace SyntheticData.Cli.Anonymization;

/// <summary>The inputs of one <c>anonymize</c> run.</summary>
/// <param name="InputPath">The raw extract: CSV (optionally gzip), JSON Lines or Parquet.</param>
/// <param name="PolicyPath">The dataset policy.</param>
/// <param name="OutputPath">The anonymized output: CSV, or Parquet when the name ends in <c>.parquet</c>.</param>
/// <param name="ReportPath">The JSON report; next to the output as <c>&lt;output&gt;.report.json</c> when null.</param>
/// <param name="KeyFilePath">The local key file.</param>
/// <param name="ShowProgress">True to draw a progress bar on the terminal.</param>
/// <param name="KeyVersion">The key version to use, to reproduce an older output; null for the current one.</param>
internal sealed record AnonymizeRequest(
    string InputPath,
    string PolicyPath,
    string OutputPath,
    string? ReportPath,
    string KeyFilePath,
    bool ShowProgress,
    int? KeyVersion = null);
