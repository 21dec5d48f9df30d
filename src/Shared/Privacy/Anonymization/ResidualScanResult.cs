namespace SyntheticData.Privacy.Anonymization;

/// <summary>The rescan of an anonymized output.</summary>
/// <param name="RecordsScanned">Output records read.</param>
/// <param name="Findings">Findings per column and kind.</param>
public sealed record ResidualScanResult(long RecordsScanned, IReadOnlyList<ResidualFinding> Findings)
{
    /// <summary>True when no protected column has a finding; the output may then be kept.</summary>
    public bool Passed => !Findings.Any(finding => finding.IsProtectedColumn);
}
