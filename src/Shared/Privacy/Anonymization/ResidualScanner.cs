using System.IO.Hashing;
using System.Runtime.InteropServices;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Internal;
using SyntheticData.Privacy.Operators;
using SyntheticData.Tabular;

namespace SyntheticData.Privacy.Anonymization;

/// <summary>
/// Rescans an anonymized output with the validated detectors (card numbers, IBANs, SSNs, e-mail, phone,
/// IP addresses, track data). Every cell of a protected column is scanned, and a validated finding there
/// fails the run. Columns the policy keeps are scanned over the first <see cref="KeptColumnSampleRows"/>
/// records, and a kept column whose sampled values are free text over every record. A finding in a kept column fails
/// the run when the column's sample classifies as personal data. It also fails the run when the column is free text and
/// the finding is a direct identifier. Other findings are reported without failing, because keeping the column was a
/// reviewed choice.
/// Extracts repeat the same customer's values on many rows, so the 128-bit hashes of up to
/// <see cref="RememberedCleanValues"/> recent clean values per column are kept and a repeat is not scanned again.
/// A new value could pass unscanned only through a 128-bit collision with a remembered one.
/// <see cref="TryConfirm"/> instead confirms a check made while the output was written, by comparing the text read back
/// (CSV) or the hashes of the protected cells read back (other formats), and scans only the kept columns' sample.
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
        return Read(output, plan, digest: null, keptSampleOnly: false, cancellationToken);
    }

    /// <summary>
    /// Confirms <paramref name="verification"/> by reading <paramref name="output"/> back, and scans the kept columns'
    /// sample as <see cref="Scan"/> does. For a CSV output, <paramref name="readBack"/>, the digest of the file's text,
    /// must equal the text the writer wrote, and only the sample's records are parsed. For other formats the protected
    /// cells read back must hash to the digest of the cells that were found clean as they were written. Returns null
    /// when the pass found something, the header, the text or a cell differs, or a count differs, and then the caller
    /// must <see cref="Scan"/> the output.
    /// </summary>
    /// <exception cref="OperationCanceledException">The scan was cancelled.</exception>
    public ResidualScanResult? TryConfirm(
        IRecordReader output,
        AnonymizationPlan plan,
        OutputVerification verification,
        TextDigest? readBack = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(verification);
        if (!verification.Clean || !output.Header.SequenceEqual(plan.OutputHeader, StringComparer.Ordinal))
        {
            return null;
        }

        if (verification.Text is { } written)
        {
            if (readBack != written)
            {
                return null;
            }

            // The file's text is the one written, so its records are those the pass counted and checked.
            ResidualScanResult sample = Read(output, plan, digest: null, keptSampleOnly: true, cancellationToken);
            return sample with { RecordsScanned = verification.Records, ProtectedCellsConfirmedByHash = true };
        }

        if (verification.CellDigest is not { } expected)
        {
            return null;
        }

        var digest = new ProtectedCellDigest();
        ResidualScanResult result = Read(output, plan, digest, keptSampleOnly: false, cancellationToken);
        bool confirmed = digest.Value == expected && digest.Cells == verification.Cells && result.RecordsScanned == verification.Records;
        return confirmed ? result with { ProtectedCellsConfirmedByHash = true } : null;
    }

    /// <summary>
    /// Reads the output: scans every protected cell, or only hashes it into <paramref name="digest"/> when one is given,
    /// or skips it when <paramref name="keptSampleOnly"/> is set, which also stops after the kept columns' sample.
    /// </summary>
    private ResidualScanResult Read(
        IRecordReader output, AnonymizationPlan plan, ProtectedCellDigest? digest, bool keptSampleOnly, CancellationToken cancellationToken)
    {
        var protectedByName = plan.Columns.Where(c => c.OutputIndex >= 0)
            .ToDictionary(c => c.Name, c => c.IsProtected, StringComparer.Ordinal);
        bool[] isProtected = output.Header.Select(name => protectedByName.GetValueOrDefault(name, true)).ToArray();

        // Token columns are read as their operator checked them, whatever the layout: digit groups joined, and IBANs also
        // printed in groups of four for the card check.
        var tokenOperators = plan.Columns.Where(c => c.OutputIndex >= 0 && c.Operator is TokenOperator)
            .ToDictionary(c => c.Name, c => (TokenOperator)c.Operator!, StringComparer.Ordinal);
        TokenOperator?[] tokenOperator = output.Header.Select(name => tokenOperators.GetValueOrDefault(name)).ToArray();
        var tallies = new Dictionary<(int Column, PiiKind Kind), (long Cells, List<long> Lines)>();

        var clean = new RecentKeySet?[output.FieldCount];

        // The kept columns' sampled values, classified as a whole at the end when a cell of theirs has a finding.
        var keptValues = new List<string?>?[output.FieldCount];

        // Kept columns whose sample reads as free text, such as notes, are scanned past the sample to the last record,
        // because a note can mention a card number anywhere.
        var scanWhole = new bool[output.FieldCount];
        bool anyWhole = false;
        Span<PiiKind> kinds = stackalloc PiiKind[TextScanner.TextKindCount];
        long records = 0;
        while ((!keptSampleOnly || records < KeptColumnSampleRows || anyWhole) && output.ReadNext())
        {
            records++;

            if ((records & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (int i = 0; i < output.FieldCount; i++)
            {
                if (keptSampleOnly && isProtected[i])
                {
                    continue;
                }

                if (digest is not null && isProtected[i])
                {
                    bool present = output.TryGetSpan(i, out ReadOnlySpan<char> text);
                    digest.Add(i, text, isNull: !present);
                    continue;
                }

                bool pastSample = records > KeptColumnSampleRows;
                if ((!isProtected[i] && pastSample && !scanWhole[i]) || output.IsNull(i))
                {
                    continue;
                }

                ReadOnlySpan<char> cell = output.GetSpan(i);
                if (!isProtected[i] && !pastSample)
                {
                    (keptValues[i] ??= []).Add(cell.ToString());
                }

                if (!MayContainFinding(cell))
                {
                    continue;
                }

                UInt128 hash = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(cell));

                // Kept columns other than free text are scanned over a sample only, so a small set serves them.
                RecentKeySet remembered = clean[i] ??= new RecentKeySet(isProtected[i] ? RememberedCleanValues : KeptColumnSampleRows);
                if (remembered.Contains(hash))
                {
                    continue;
                }

                int found;
                if (tokenOperator[i] is { } token)
                {
                    string text = cell.ToString();
                    found = _scanner.FindValidatedKinds(token.CheckedForm(text), region: null, kinds);
                    if (!kinds[..found].Contains(PiiKind.CardNumber) && token.HasCardInPrintedGroups(text))
                    {
                        kinds[found++] = PiiKind.CardNumber;
                    }
                }
                else
                {
                    found = _scanner.FindValidatedKinds(cell, region: null, kinds);
                }

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

            if (records == KeptColumnSampleRows)
            {
                anyWhole = MarkFreeTextColumns(keptValues, isProtected, scanWhole, clean);
            }
        }

        var sporadic = new bool[output.FieldCount];
        foreach (int column in tallies.Keys.Select(key => key.Column).Distinct().Where(column => !isProtected[column]))
        {
            bool directInFreeText = scanWhole[column] && tallies.Keys.Any(key => key.Column == column && key.Kind.IsDirectIdentifier());
            sporadic[column] = !directInFreeText && !LooksPersonal(output.Header[column], keptValues[column] ?? [], plan);
        }

        ResidualFinding[] findings = tallies
            .OrderBy(pair => pair.Key.Column).ThenBy(pair => pair.Key.Kind)
            .Select(pair => new ResidualFinding(
                output.Header[pair.Key.Column], pair.Key.Kind, isProtected[pair.Key.Column], pair.Value.Cells, pair.Value.Lines)
            {
                IsSporadic = sporadic[pair.Key.Column],
                IsWholeColumn = scanWhole[pair.Key.Column],
            })
            .ToArray();
        return new ResidualScanResult(records, findings);
    }

    /// <summary>
    /// Marks the kept columns whose sampled values read as free text for a scan to the last record, gives them the
    /// clean-value memory of a protected column, and returns whether any was marked.
    /// </summary>
    private static bool MarkFreeTextColumns(List<string?>?[] keptValues, bool[] isProtected, bool[] scanWhole, RecentKeySet?[] clean)
    {
        bool any = false;
        for (int i = 0; i < scanWhole.Length; i++)
        {
            if (!isProtected[i] && keptValues[i] is { } values && ColumnClassifier.LooksLikeFreeText([.. values.OfType<string>()]))
            {
                scanWhole[i] = true;
                clean[i] = new RecentKeySet(RememberedCleanValues);
                any = true;
            }
        }

        return any;
    }

    // Classifies a kept column's sampled values as scan and policy init do: a direct identifier, or free text with one
    // inside, makes its findings failures. A column of look-alikes, where a few values pass a check by chance, does not.
    private static bool LooksPersonal(string header, List<string?> values, AnonymizationPlan plan)
    {
        var classifier = new ColumnClassifier(new DetectionOptions { DefaultRegion = plan.Policy.DefaultPhoneRegion ?? "US" });
        ColumnClassification column = classifier.Classify(new ColumnSample(header, values));
        return column.IsDirectIdentifier || (column.IsFreeText && column.EmbeddedKinds.Any(kind => kind.IsDirectIdentifier()));
    }

    // Every detector needs at least one digit or an '@' (e-mail) or ':' (IPv6, which has hex letters and colons).
    internal static bool MayContainFinding(ReadOnlySpan<char> cell) =>
        cell.IndexOfAnyInRange('0', '9') >= 0 || cell.IndexOfAny('@', ':') >= 0;
}
