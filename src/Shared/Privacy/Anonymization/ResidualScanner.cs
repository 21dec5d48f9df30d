using System.IO.Hashing;
using System.Runtime.InteropServices;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Internal;
using SyntheticData.Tabular;

namespace SyntheticData.Privacy.Anonymization;

/// <summary>
/// Rescans an anonymized output with the validated detectors (card numbers, IBANs, SSNs, e-mail, phone,
/// IP addresses, track data). Every cell of a protected column is scanned, and a validated finding there
/// fails the run. Columns the policy keeps are scanned over the first <see cref="KeptColumnSampleRows"/>
/// records and their findings reported without failing, because keeping them was a reviewed choice.
/// Extracts repeat the same customer's values on many rows, so the 128-bit hashes of up to
/// <see cref="RememberedCleanValues"/> recent clean values per column are kept and a repeat is not scanned again.
/// A new value could pass unscanned only through a 128-bit collision with a remembered one.
/// <see cref="TryConfirm"/> instead confirms a check made while the output was written, by hashing the protected
/// cells read back, and scans only the kept columns' sample.
/// </summary>
public sealed class ResidualScanner
{
    /// <summary>Records of kept columns that are scanned for the report.</summary>
    public const int KeptColumnSampleRows = 1_000;

    /// <summary>Clean values remembered per column (2 MB of hashes). A new value replaces an old one of the same set.</summary>
    public const int RememberedCleanValues = 131_072;

    private const int ListedLines = 10;

    private readonly TextScanner _scanner;

    /// <summary>Creates a residual scanner.</summary>
    public ResidualScanner(TextScanner scanner)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        _scanner = scanner;
    }

    /// <summary>Scans <paramref name="output"/>, an output written for <paramref name="plan"/>.</summary>
    /// <exception cref="OperationCanceledException">The scan was cancelled.</exception>
    public ResidualScanResult Scan(IRecordReader output, AnonymizationPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(plan);
        return Read(output, plan, digest: null, cancellationToken);
    }

    /// <summary>
    /// Confirms <paramref name="verification"/> by reading <paramref name="output"/> back: the protected cells must hash
    /// to the digest of the cells that were found clean as they were written, and the kept columns' sample is scanned
    /// as <see cref="Scan"/> does. Returns null when the pass found something, the header or a cell differs, or the
    /// count differs, and then the caller must <see cref="Scan"/> the output.
    /// </summary>
    /// <exception cref="OperationCanceledException">The scan was cancelled.</exception>
    public ResidualScanResult? TryConfirm(
        IRecordReader output, AnonymizationPlan plan, OutputVerification verification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(verification);
        if (!verification.Clean || !output.Header.SequenceEqual(plan.OutputHeader, StringComparer.Ordinal))
        {
            return null;
        }

        var digest = new ProtectedCellDigest();
        ResidualScanResult result = Read(output, plan, digest, cancellationToken);
        bool confirmed = digest.Value == verification.Digest && digest.Cells == verification.Cells;
        return confirmed ? result with { ProtectedCellsConfirmedByHash = true } : null;
    }

    /// <summary>Reads the output: scans every protected cell, or only hashes it into <paramref name="digest"/> when one is given.</summary>
    private ResidualScanResult Read(IRecordReader output, AnonymizationPlan plan, ProtectedCellDigest? digest, CancellationToken cancellationToken)
    {
        var protectedByName = plan.Columns.Where(c => c.OutputIndex >= 0)
            .ToDictionary(c => c.Name, c => c.IsProtected, StringComparer.Ordinal);
        bool[] isProtected = output.Header.Select(name => protectedByName.GetValueOrDefault(name, true)).ToArray();
        var tallies = new Dictionary<(int Column, PiiKind Kind), (long Cells, List<long> Lines)>();

        var clean = new RecentKeySet?[output.FieldCount];
        Span<PiiKind> kinds = stackalloc PiiKind[TextScanner.TextKindCount];
        long records = 0;
        while (output.ReadNext())
        {
            records++;
            if ((records & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (int i = 0; i < output.FieldCount; i++)
            {
                if (digest is not null && isProtected[i])
                {
                    bool present = output.TryGetSpan(i, out ReadOnlySpan<char> text);
                    digest.Add(i, text, isNull: !present);
                    continue;
                }

                if ((!isProtected[i] && records > KeptColumnSampleRows) || output.IsNull(i))
                {
                    continue;
                }

                ReadOnlySpan<char> cell = output.GetSpan(i);
                if (!MayContainFinding(cell))
                {
                    continue;
                }

                UInt128 hash = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(cell));

                // Kept columns are scanned over a sample only, so a small set serves them.
                RecentKeySet remembered = clean[i] ??= new RecentKeySet(isProtected[i] ? RememberedCleanValues : KeptColumnSampleRows);
                if (remembered.Contains(hash))
                {
                    continue;
                }

                int found = _scanner.FindValidatedKinds(cell, region: null, kinds);
                if (found == 0)
                {
                    remembered.Add(hash);
                }

                foreach (PiiKind kind in kinds[..found])
                {
                    (long cells, List<long> lines) = tallies.GetValueOrDefault((i, kind), (0, []));
                    if (lines.Count < ListedLines)
                    {
                        lines.Add(output.LineNumber);
                    }

                    tallies[(i, kind)] = (cells + 1, lines);
                }
            }
        }

        ResidualFinding[] findings = tallies
            .OrderBy(pair => pair.Key.Column).ThenBy(pair => pair.Key.Kind)
            .Select(pair => new ResidualFinding(
                output.Header[pair.Key.Column], pair.Key.Kind, isProtected[pair.Key.Column], pair.Value.Cells, pair.Value.Lines))
            .ToArray();
        return new ResidualScanResult(records, findings);
    }

    // Every detector needs at least one digit or an '@' (e-mail) or ':' (IPv6, which has hex letters and colons).
    internal static bool MayContainFinding(ReadOnlySpan<char> cell) =>
        cell.IndexOfAnyInRange('0', '9') >= 0 || cell.IndexOfAny('@', ':') >= 0;
}
