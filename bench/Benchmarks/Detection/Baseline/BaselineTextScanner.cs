using SyntheticData.Privacy.Detection;

namespace SyntheticData.Benchmarks.Detection.Baseline;

/// <summary>
/// <see cref="TextScanner.Scan(string, string?, bool)"/> as of commit 8edaf9d, the baseline of the token-cell measurements:
/// every detector appends to a new list, look-alikes are removed afterwards, and phones use
/// <see cref="BaselinePhoneDetector"/>. The other detectors are today's. Their findings are unchanged and they no longer
/// allocate per call, so this baseline is, if anything, faster than the old scan was.
/// </summary>
internal sealed class BaselineTextScanner
{
    private readonly IDetector[] _detectors =
    [
        new TrackDataDetector(),
        new CardNumberDetector(),
        new IbanDetector(),
        new SsnDetector(),
        new EmailDetector(),
        new IpAddressDetector(),
    ];

    private readonly BaselinePhoneDetector _phone = new("US");

    /// <summary>Returns the merged spans of validated findings, as the old scan did.</summary>
    public IReadOnlyList<PiiSpan> Scan(string text, string? region = null)
    {
        List<PiiFinding> findings = [];
        int digits = 0;
        foreach (char c in text)
        {
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
        }

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

        findings.RemoveAll(f => !f.IsValidated);
        return TextScanner.Merge(findings);
    }

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
}
