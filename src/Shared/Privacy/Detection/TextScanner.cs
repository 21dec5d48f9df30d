namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Scans free text with every pattern detector (track data, card numbers, IBANs, SSNs, e-mail addresses,
/// phone numbers, IP addresses) and merges overlapping findings into spans, so that a caller replacing
/// the spans never leaves part of a finding in clear. Person names and street addresses are not found in
/// free text; they are classified per column.
/// </summary>
public sealed class TextScanner
{
    private readonly IDetector[] _detectors;
    private readonly PhoneDetector _phone;

    /// <summary>Creates a scanner with the given options.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public TextScanner(DetectionOptions? options = null)
    {
        options ??= new DetectionOptions();
        options.Validate();
        _phone = new PhoneDetector(options.DefaultRegion);
        _detectors =
        [
            new TrackDataDetector(),
            new CardNumberDetector(options.ExcludedCardPrefixes),
            new IbanDetector(),
            new SsnDetector(),
            new EmailDetector(),
            new IpAddressDetector(),
        ];
    }

    /// <summary>Returns the merged spans of validated findings in <paramref name="text"/>, in text order.</summary>
    public IReadOnlyList<PiiSpan> Scan(string text) => Scan(text, region: null, includeUnvalidated: false);

    /// <summary>Returns the merged spans in <paramref name="text"/>, in text order.</summary>
    /// <param name="text">The text to scan; it is read whole, however long.</param>
    /// <param name="region">The row's region for national phone formats; null for the default region.</param>
    /// <param name="includeUnvalidated">True to also cover look-alikes that failed their checksum.</param>
    public IReadOnlyList<PiiSpan> Scan(string text, string? region, bool includeUnvalidated)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<PiiFinding> findings = FindAll(text, region);
        if (!includeUnvalidated)
        {
            findings.RemoveAll(f => !f.IsValidated);
        }

        return Merge(findings);
    }

    /// <summary>Returns every raw finding of every detector in <paramref name="text"/>, validated or not, unmerged.</summary>
    public List<PiiFinding> FindAll(ReadOnlySpan<char> text, string? region = null)
    {
        List<PiiFinding> findings = [];
        int digits = CountDigits(text);
        bool hasAt = text.Contains('@');
        bool hasColon = text.Contains(':');
        foreach (IDetector detector in _detectors)
        {
            if (CanMatch(detector.Kind, digits, hasAt, hasColon))
            {
                detector.Detect(text, findings);
            }
        }

        if (CanMatch(PiiKind.Phone, digits, hasAt, hasColon))
        {
            _phone.Detect(text, region, findings);
        }

        return findings;
    }

    /// <summary>
    /// Returns false when the text lacks what every match of the kind contains (enough digits, an '@', a ':'),
    /// so prose without digits skips most detectors. The minimums are the shortest valid forms of each kind.
    /// </summary>
    private static bool CanMatch(PiiKind kind, int digits, bool hasAt, bool hasColon) => kind switch
    {
        PiiKind.TrackData => digits >= 12,
        PiiKind.CardNumber => digits >= 12,
        PiiKind.Iban => digits >= 2,
        PiiKind.Ssn => digits >= 9,
        PiiKind.Email => hasAt,
        PiiKind.IpAddress => digits >= 4 || hasColon,
        PiiKind.Phone => digits >= 5,
        _ => true,
    };

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (char c in text)
        {
            if (c is >= '0' and <= '9')
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Merges overlapping findings into spans ordered by start.</summary>
    public static IReadOnlyList<PiiSpan> Merge(IEnumerable<PiiFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        List<PiiSpan> spans = [];
        List<PiiFinding> group = [];
        int groupEnd = -1;
        foreach (PiiFinding finding in findings.OrderBy(f => f.Start).ThenByDescending(f => f.Length))
        {
            if (group.Count > 0 && finding.Start >= groupEnd)
            {
                spans.Add(ToSpan(group, groupEnd));
                group.Clear();
            }

            group.Add(finding);
            groupEnd = Math.Max(groupEnd, finding.End);
        }

        if (group.Count > 0)
        {
            spans.Add(ToSpan(group, groupEnd));
        }

        return spans;
    }

    private static PiiSpan ToSpan(List<PiiFinding> group, int end)
    {
        int start = group[0].Start;
        PiiFinding longest = group.OrderByDescending(f => f.Length).ThenBy(f => f.Kind).First();
        PiiKind[] kinds = group.Select(f => f.Kind).Distinct().Order().ToArray();
        return new PiiSpan(start, end - start, longest.Kind, kinds);
    }
}
