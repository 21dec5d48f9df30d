using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Anonymization;

/// <summary>The rescan of an anonymized output.</summary>
/// <param name="RecordsScanned">Output records read.</param>
/// <param name="Findings">Findings per column and kind.</param>
public sealed record ResidualScanResult(long RecordsScanned, IReadOnlyList<ResidualFinding> Findings)
{
    /// <summary>
    /// True when the output may be kept: no protected column has a finding, and no kept column shows a
    /// validated direct identifier. A live card number, e-mail address or phone number that a policy keeps
    /// in clear therefore fails closed as well.
    /// </summary>
    public bool Passed => !Findings.Any(IsFailure);

    /// <summary>
    /// True when the protected cells were found clean as they were written and the file read back contains exactly
    /// those cells, so they were not scanned again. False when every protected cell was scanned here.
    /// </summary>
    public bool ProtectedCellsConfirmedByHash { get; init; }

    /// <summary>Returns true when the finding stops the output from being kept.</summary>
    public static bool IsFailure(ResidualFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.IsProtectedColumn || (finding.Kind.IsDirectIdentifier() && !finding.IsSporadic);
    }
}
