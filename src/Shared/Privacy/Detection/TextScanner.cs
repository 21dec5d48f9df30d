using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Scans free text with every pattern detector (track data, card numbers, IBANs, SSNs, e-mail addresses,
/// phone numbers, IP addresses, national identity numbers, and labelled dates of birth, street addresses, account
/// numbers and card security codes) and merges overlapping findings into spans, so that a caller replacing
/// the spans never leaves part of a finding in clear. Full-width characters, other scripts' decimal digits and typeset
/// spaces and dashes are read as their ASCII forms, and default-ignorable characters are skipped (see
/// <see cref="TextFolding"/>). Person names, and street addresses without a label, are not found in
/// free text; they are classified per column.
/// </summary>
public sealed class TextScanner
{
    /// <summary>The number of kinds a scan can report, and so the buffer length <see cref="FindValidatedKinds"/> needs.</summary>
    public const int TextKindCount = 12;

    private readonly TrackDataDetector _trackData = new();
    private readonly CardNumberDetector _cardNumber;
    private readonly IbanDetector _iban = new();
    private readonly SsnDetector _ssn = new();
    private readonly EmailDetector _email = new();
    private readonly IpAddressDetector _ipAddress = new();
    private readonly BirthDateDetector _birthDate = new();
    private readonly StreetAddressDetector _streetAddress = new();
    private readonly SecurityCodeDetector _securityCode = new();
    private readonly NationalIdDetector _nationalId = new();
    private readonly AccountNumberDetector _accountNumber = new();
    private readonly PhoneDetector _phone;

    /// <summary>Creates a scanner with the given options.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public TextScanner(DetectionOptions? options = null)
    {
        options ??= new DetectionOptions();
        options.Validate();
        _phone = new PhoneDetector(options.DefaultRegion);
        _cardNumber = new CardNumberDetector(options.ExcludedCardPrefixes);
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
        if (includeUnvalidated)
        {
            return Merge(FindAll(text, region));
        }

        ReadOnlySpan<char> folded = text;
        char[]? buffer = TextFolding.FoldIfNeeded(ref folded, out int[]? originalOffsets);
        ValidatedFindingSink sink = new();
        FindEach(folded, region, new TextFeatures(folded), ref sink);
        TextFolding.Return(buffer);
        if (sink.Findings is null)
        {
            return [];
        }

        MapToOriginal(sink.Findings, originalOffsets);
        return Merge(sink.Findings);
    }

    /// <summary>
    /// Returns true exactly when <see cref="Scan(string, string?, bool)"/> without look-alikes would return a span.
    /// Stops at the first validated finding and allocates nothing when the text is clean.
    /// </summary>
    /// <param name="text">The text to check.</param>
    /// <param name="region">The row's region for national phone formats; null for the default region.</param>
    public bool ContainsValidated(ReadOnlySpan<char> text, string? region = null)
    {
        char[]? folded = TextFolding.FoldIfNeeded(ref text);
        TextFeatures features = new(text);
        FirstValidatedSink sink = new();
        FindEach(text, region, features, ref sink);
        TextFolding.Return(folded);
        return sink.Found;
    }

    /// <summary>
    /// Writes the distinct kinds of the validated findings in <paramref name="text"/> to <paramref name="kinds"/> in
    /// enum order and returns how many it wrote. These are the kinds of all spans that the scan without look-alikes
    /// returns. Each detector stops at its first validated finding, and nothing is allocated.
    /// </summary>
    /// <param name="text">The text to scan.</param>
    /// <param name="region">The row's region for national phone formats; null for the default region.</param>
    /// <param name="kinds">The buffer to fill; at least <see cref="TextKindCount"/> long.</param>
    /// <exception cref="ArgumentException"><paramref name="kinds"/> is shorter than <see cref="TextKindCount"/>.</exception>
    public int FindValidatedKinds(ReadOnlySpan<char> text, string? region, Span<PiiKind> kinds)
    {
        if (kinds.Length < TextKindCount)
        {
            throw new ArgumentException(
                $"The kinds buffer has length {kinds.Length}, but it needs at least {TextKindCount} ({nameof(TextKindCount)}).", nameof(kinds));
        }

        char[]? folded = TextFolding.FoldIfNeeded(ref text);
        TextFeatures features = new(text);
        int count = 0;

        // Enum order: CardNumber, Iban, Ssn, Email, Phone, IpAddress, DateOfBirth, PostalAddress, AccountNumber, Identifier,
        // CardSecurityCode, TrackData.
        FirstValidatedSink card = new();
        if (CanMatch(PiiKind.CardNumber, features) && !_cardNumber.Find(text, ref card))
        {
            kinds[count++] = PiiKind.CardNumber;
        }

        FirstValidatedSink iban = new();
        if (CanMatch(PiiKind.Iban, features) && !_iban.Find(text, ref iban))
        {
            kinds[count++] = PiiKind.Iban;
        }

        FirstValidatedSink ssn = new();
        if (CanMatch(PiiKind.Ssn, features) && !_ssn.Find(text, ref ssn))
        {
            kinds[count++] = PiiKind.Ssn;
        }

        FirstValidatedSink email = new();
        if (CanMatch(PiiKind.Email, features) && !_email.Find(text, ref email))
        {
            kinds[count++] = PiiKind.Email;
        }

        FirstValidatedSink phone = new();
        if (CanMatch(PiiKind.Phone, features) && !_phone.Find(text, region, ref phone))
        {
            kinds[count++] = PiiKind.Phone;
        }

        FirstValidatedSink ipAddress = new();
        if (CanMatch(PiiKind.IpAddress, features) && !_ipAddress.Find(text, ref ipAddress))
        {
            kinds[count++] = PiiKind.IpAddress;
        }

        FirstValidatedSink birthDate = new();
        if (CanMatch(PiiKind.DateOfBirth, features) && !_birthDate.Find(text, ref birthDate))
        {
            kinds[count++] = PiiKind.DateOfBirth;
        }

        FirstValidatedSink streetAddress = new();
        if (CanMatch(PiiKind.PostalAddress, features) && !_streetAddress.Find(text, ref streetAddress))
        {
            kinds[count++] = PiiKind.PostalAddress;
        }

        FirstValidatedSink accountNumber = new();
        if (CanMatch(PiiKind.AccountNumber, features) && !_accountNumber.Find(text, ref accountNumber))
        {
            kinds[count++] = PiiKind.AccountNumber;
        }

        FirstValidatedSink nationalId = new();
        if (CanMatch(PiiKind.Identifier, features) && !_nationalId.Find(text, ref nationalId))
        {
            kinds[count++] = PiiKind.Identifier;
        }

        FirstValidatedSink securityCode = new();
        if (CanMatch(PiiKind.CardSecurityCode, features) && !_securityCode.Find(text, ref securityCode))
        {
            kinds[count++] = PiiKind.CardSecurityCode;
        }

        FirstValidatedSink trackData = new();
        if (CanMatch(PiiKind.TrackData, features) && !_trackData.Find(text, ref trackData))
        {
            kinds[count++] = PiiKind.TrackData;
        }

        TextFolding.Return(folded);
        return count;
    }

    /// <summary>Returns every raw finding of every detector in <paramref name="text"/>, validated or not, unmerged.</summary>
    public List<PiiFinding> FindAll(ReadOnlySpan<char> text, string? region = null)
    {
        char[]? folded = TextFolding.FoldIfNeeded(ref text, out int[]? originalOffsets);
        List<PiiFinding> findings = [];
        FindingListSink sink = new(findings);
        FindEach(text, region, new TextFeatures(text), ref sink);
        TextFolding.Return(folded);
        MapToOriginal(findings, originalOffsets);
        return findings;
    }

    /// <summary>Moves findings in folded text to the original's offsets, where folding removed invisible characters.</summary>
    private static void MapToOriginal(List<PiiFinding> findings, int[]? originalOffsets)
    {
        if (originalOffsets is null)
        {
            return;
        }

        for (int i = 0; i < findings.Count; i++)
        {
            PiiFinding finding = findings[i];
            (int start, int length) = TextFolding.ToOriginal(originalOffsets, finding.Start, finding.Length);
            findings[i] = finding with { Start = start, Length = length };
        }
    }

    /// <summary>
    /// Runs the detectors that <paramref name="features"/> allows, in a fixed order with phones last (the costliest),
    /// until the sink stops the scan.
    /// </summary>
    private void FindEach<TSink>(ReadOnlySpan<char> text, string? region, TextFeatures features, ref TSink sink)
        where TSink : struct, IFindingSink
    {
        bool more = (!CanMatch(PiiKind.TrackData, features) || _trackData.Find(text, ref sink))
            && (!CanMatch(PiiKind.CardNumber, features) || _cardNumber.Find(text, ref sink))
            && (!CanMatch(PiiKind.Iban, features) || _iban.Find(text, ref sink))
            && (!CanMatch(PiiKind.Ssn, features) || _ssn.Find(text, ref sink))
            && (!CanMatch(PiiKind.Email, features) || _email.Find(text, ref sink))
            && (!CanMatch(PiiKind.IpAddress, features) || _ipAddress.Find(text, ref sink))
            && (!CanMatch(PiiKind.DateOfBirth, features) || _birthDate.Find(text, ref sink))
            && (!CanMatch(PiiKind.PostalAddress, features) || _streetAddress.Find(text, ref sink))
            && (!CanMatch(PiiKind.CardSecurityCode, features) || _securityCode.Find(text, ref sink))
            && (!CanMatch(PiiKind.Identifier, features) || _nationalId.Find(text, ref sink))
            && (!CanMatch(PiiKind.AccountNumber, features) || _accountNumber.Find(text, ref sink));
        if (more && CanMatch(PiiKind.Phone, features))
        {
            _phone.Find(text, region, ref sink);
        }
    }

    /// <summary>
    /// Returns false when the text lacks what every match of the kind contains (enough digits, an '@', a ':', an IBAN's
    /// two country letters, a label apart from its value), so prose without digits, and tokens without separators, skip most detectors. The minimums
    /// are the shortest valid forms of each kind: a track contains a PAN of 12 or more digits, '^' or '=', and a
    /// four-digit expiry date, and an IPv4 address has dots and four numbers while an IPv6 address always has a colon.
    /// </summary>
    private static bool CanMatch(PiiKind kind, TextFeatures features) => kind switch
    {
        PiiKind.TrackData => features.Digits >= 16 && features.HasTrackSeparator,
        PiiKind.CardNumber => features.Digits >= 12,
        PiiKind.Iban => features.Digits >= 2 && features.AsciiLetters >= 2,
        PiiKind.Ssn => features.Digits >= 9,
        PiiKind.Email => features.HasAt,
        PiiKind.IpAddress => (features.Digits >= 4 && features.HasDot) || features.HasColon,
        PiiKind.Phone => features.Digits >= 5,
        PiiKind.DateOfBirth => features.Digits >= 4 && (features.AsciiLetters >= 1 || features.HasNonAscii) && !features.OneWord,
        PiiKind.PostalAddress => features.Digits >= 1 && features.AsciiLetters >= 6 && !features.OneWord,
        PiiKind.CardSecurityCode => features.Digits >= 3 && features.AsciiLetters >= 3,
        PiiKind.Identifier => features.Digits >= 6,
        PiiKind.AccountNumber => features.Digits >= 6 && (features.AsciiLetters >= 3 || (features.AsciiLetters == 2 && features.HasSlash)),
        _ => true,
    };

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
        // Of equally long findings a phone number names the span last: a label named the account or id number, while
        // digits read as a phone number far more often than they are one.
        PiiFinding longest = group.OrderByDescending(f => f.Length).ThenBy(f => f.Kind == PiiKind.Phone).ThenBy(f => f.Kind).First();
        PiiKind[] kinds = group.Select(f => f.Kind).Distinct().Order().ToArray();
        return new PiiSpan(start, end - start, longest.Kind, kinds);
    }
}
