using FsCheck;
using System.Text;
using FsCheck.Xunit;
using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class TextScannerTests
{
    private readonly TextScanner _scanner = new();

    [Fact]
    public void Merge_JoinsOverlappingFindings()
    {
        PiiFinding[] findings =
        [
            new(PiiKind.Phone, 3, 4, true),
            new(PiiKind.CardNumber, 0, 5, true),
            new(PiiKind.Email, 10, 2, true),
        ];

        IReadOnlyList<PiiSpan> spans = TextScanner.Merge(findings);

        Assert.Equal(2, spans.Count);
        Assert.Equal((0, 7), (spans[0].Start, spans[0].Length));
        Assert.Equal([PiiKind.CardNumber, PiiKind.Phone], spans[0].Kinds);
        Assert.Equal((10, 2), (spans[1].Start, spans[1].Length));
    }

    [Fact]
    public void Scan_MergesCardInsideTrackData()
    {
        const string track = ";4111111111111111=28121010000000000?";
        IReadOnlyList<PiiSpan> spans = _scanner.Scan($"raw {track} end");

        PiiSpan span = Assert.Single(spans);
        Assert.Equal(4, span.Start);
        Assert.Equal(track.Length, span.Length);
        Assert.Equal(PiiKind.TrackData, span.Kind);
        Assert.Contains(PiiKind.CardNumber, span.Kinds);
    }

    [Fact]
    public void Scan_FindsTwoCardsInOneCell()
    {
        IReadOnlyList<PiiSpan> spans = _scanner.Scan("4111111111111111;5200000000000007");

        Assert.Equal(2, spans.Count);
        Assert.All(spans, s => Assert.Equal(PiiKind.CardNumber, s.Kind));
    }

    [Theory]
    [InlineData("Card no.4539146639233215", "4539146639233215", PiiKind.CardNumber)]
    [InlineData("ref.4539-1466-3923-3215 ok", "4539-1466-3923-3215", PiiKind.CardNumber)]
    [InlineData("x.4539146639233215.y", "4539146639233215", PiiKind.CardNumber)]
    [InlineData("card 4539 1466\n3923 3215", "4539 1466\n3923 3215", PiiKind.CardNumber)]
    [InlineData("card 45391466\r\n39233215", "45391466\r\n39233215", PiiKind.CardNumber)]
    [InlineData("card 4539  1466  3923  3215", "4539  1466  3923  3215", PiiKind.CardNumber)]
    [InlineData("IBAN DE44 5001\n0517 5407 3249 31", "DE44 5001\n0517 5407 3249 31", PiiKind.Iban)]
    [InlineData("call (+1 212 555 0147) today", "+1 212 555 0147", PiiKind.Phone)]
    [InlineData("call (212) 555-0147 today", "(212) 555-0147", PiiKind.Phone)]
    [InlineData("Tel:0049 30 901820", "0049 30 901820", PiiKind.Phone)]
    [InlineData("phone 0033 1 42 68 53 00.", "0033 1 42 68 53 00", PiiKind.Phone)]
    [InlineData("SSN=588320215", "588320215", PiiKind.Ssn)]
    [InlineData("ssn: 588320215.", "588320215", PiiKind.Ssn)]
    [InlineData("SS#588320215", "588320215", PiiKind.Ssn)]
    [InlineData("social security number 588320215", "588320215", PiiKind.Ssn)]
    [InlineData("ssn: 588.32.0215", "588.32.0215", PiiKind.Ssn)]
    [InlineData("IP:160.130.183.204", "160.130.183.204", PiiKind.IpAddress)]
    [InlineData("Contact:160.130.183.204 today", "160.130.183.204", PiiKind.IpAddress)]
    [InlineData("from 160.130.183.204:8080", "160.130.183.204", PiiKind.IpAddress)]
    [InlineData("IP:bd69:fe29:d76d:4330:f144:6bea:b0c1:1fde", "bd69:fe29:d76d:4330:f144:6bea:b0c1:1fde", PiiKind.IpAddress)]
    [InlineData("value:bd69:fe29:d76d:4330:f144:6bea:b0c1:1fde.", "bd69:fe29:d76d:4330:f144:6bea:b0c1:1fde", PiiKind.IpAddress)]
    [InlineData("verified ID, DOB 12/03/1985, moved", "12/03/1985", PiiKind.DateOfBirth)]
    [InlineData("Kunde geb. 12.03.1985", "12.03.1985", PiiKind.DateOfBirth)]
    [InlineData("born on ８ March 1985", "８ March 1985", PiiKind.DateOfBirth)]
    [InlineData("Konto 0532013000 gesperrt", "0532013000", PiiKind.AccountNumber)]
    public void Scan_FindsValueInCommonNoteLayouts(string text, string value, PiiKind kind)
    {
        PiiSpan span = Assert.Single(_scanner.Scan(text));

        Assert.Equal(kind, span.Kind);
        Assert.Equal(value, text.Substring(span.Start, span.Length));
    }

    [Theory]
    [InlineData("order 588320215 shipped")]
    [InlineData("version 1.4539146639233215")]
    [InlineData("amount 4539146639233215.00")]
    [InlineData("release 10.2.3.4.5")]
    [InlineData("paid 12/03/1985 by transfer")]
    public void Scan_LeavesLookAlikesOutsideTheirContext(string text)
    {
        Assert.Empty(_scanner.Scan(text));
    }

    [Fact]
    public void Scan_SkipsLuhnInvalidLookAlike()
    {
        Assert.Empty(_scanner.Scan("ref 4000000000000001 noted"));
        Assert.Single(_scanner.Scan("ref 4000000000000001 noted", region: null, includeUnvalidated: true));
    }

    [Fact]
    public void Scan_FindsEmailAndCardInLongCell()
    {
        // Filler of letters and spaces with the snippets written over it, so letters may touch them on either side.
        StringBuilder text = new(Filler(5000));
        const string email = "reach me at ines.o@example.com";
        const string card = "4111111111111111";
        text.Remove(300, email.Length).Insert(300, email);
        text.Remove(4900, card.Length).Insert(4900, card);
        string cell = text.ToString();

        IReadOnlyList<PiiSpan> spans = _scanner.Scan(cell);

        Assert.Equal(2, spans.Count);
        Assert.Equal(PiiKind.Email, spans[0].Kind);
        Assert.Equal(312, spans[0].Start);
        Assert.StartsWith("ines.o@example.com", cell.Substring(spans[0].Start, spans[0].Length), StringComparison.Ordinal);
        Assert.Equal(PiiKind.CardNumber, spans[1].Kind);
        Assert.Equal((4900, card.Length), (spans[1].Start, spans[1].Length));
    }

    [Fact]
    public void Scan_SkipsDigitRunsInsideHexTokens()
    {
        Assert.Empty(_scanner.Scan("token 9f4111111111111111ab"));
        Assert.Single(_scanner.Scan("ipsum4111111111111111dolor"));
    }

    [Fact]
    public void Scan_FindsShortIpv6WithFewDigits()
    {
        PiiSpan span = Assert.Single(_scanner.Scan("login from fe80::1 today"));

        Assert.Equal(PiiKind.IpAddress, span.Kind);
        Assert.Equal(11, span.Start);
    }

    [Fact]
    public void Scan_UsesRowRegionForPhones()
    {
        Assert.Empty(_scanner.Scan("Tel. 01 23 45 67 89", region: null, includeUnvalidated: false));
        Assert.Single(_scanner.Scan("Tel. 01 23 45 67 89", region: "FR", includeUnvalidated: false));
    }

    [Fact]
    public void Scan_ReportsNoCardForLuhnInvalidReplacements()
    {
        // Replacement numbers that keep the brand prefix but break the Luhn check are not live cards on a rescan.
        Assert.Empty(_scanner.Scan("4111111111111112"));
        Assert.Empty(_scanner.Scan("5200000000000008"));
    }

    [Fact]
    public void Scan_AcceptsConfiguredTestRange()
    {
        TextScanner scanner = new(new DetectionOptions { ExcludedCardPrefixes = ["400000"] });

        Assert.Empty(scanner.Scan("token 4000000000000002"));
        Assert.Single(_scanner.Scan("token 4000000000000002"));
    }

    [Property(MaxTest = 200)]
    public bool Scan_MaskingSpansLeavesNoFinding(int seed)
    {
        Random random = new(seed);
        string card = CardNumbers.Group(CardNumbers.RandomValid(random), random);
        string email = $"user{random.Next(1000)}@example.org";
        const string iban = "DE21 1234 5678 0000 0123 45";
        string[] parts = [Filler(random.Next(1, 40)), card, Filler(random.Next(1, 40)), email, " ", iban, Filler(random.Next(1, 40))];
        string text = string.Join(" ", parts);

        char[] masked = text.ToCharArray();
        foreach (PiiSpan span in _scanner.Scan(text))
        {
            Array.Fill(masked, 'X', span.Start, span.Length);
        }

        string result = new(masked);
        return _scanner.Scan(result).Count == 0
            && !result.Contains(card, StringComparison.Ordinal)
            && !result.Contains(email, StringComparison.Ordinal)
            && !result.Contains(iban, StringComparison.Ordinal);
    }

    [Property(MaxTest = 500)]
    public bool ContainsValidated_AgreesWithScan(DoNotSize<int> seed)
    {
        // DoNotSize spreads seeds over the whole int range, because a plain int stays within the test size (at most 100).
        Random random = new(seed.Item);
        string cell = ScanCells.Cell(random);
        string? region = random.Next(3) == 0 ? null : ScanCells.Regions[random.Next(ScanCells.Regions.Length)];

        bool expected = _scanner.Scan(cell, region, includeUnvalidated: false).Count > 0;
        return _scanner.ContainsValidated(cell, region) == expected;
    }

    [Property(MaxTest = 500)]
    public bool FindValidatedKinds_AgreesWithScan(DoNotSize<int> seed)
    {
        // DoNotSize spreads seeds over the whole int range, because a plain int stays within the test size (at most 100).
        Random random = new(seed.Item);
        string cell = ScanCells.Cell(random);
        string? region = random.Next(3) == 0 ? null : ScanCells.Regions[random.Next(ScanCells.Regions.Length)];

        PiiKind[] expected = [.. _scanner.Scan(cell, region, includeUnvalidated: false).SelectMany(span => span.Kinds).Distinct().Order()];
        Span<PiiKind> kinds = stackalloc PiiKind[TextScanner.TextKindCount];
        int count = _scanner.FindValidatedKinds(cell, region, kinds);
        return kinds[..count].SequenceEqual(expected);
    }

    [Fact]
    public void ContainsValidated_MatchesScanOnGeneratedCells()
    {
        // A fixed sample that must give both results, so the property tests above cannot pass on one-sided input.
        Random random = new(20_261_204);
        int positives = 0;
        for (int i = 0; i < 2_000; i++)
        {
            string cell = ScanCells.Cell(random);
            bool expected = _scanner.Scan(cell).Count > 0;
            Assert.True(_scanner.ContainsValidated(cell) == expected, $"cell {i} of the seeded sample");
            positives += expected ? 1 : 0;
        }

        Assert.InRange(positives, 200, 1_800);
    }

    [Theory]
    [InlineData("2221 1275 1722 5331")]
    [InlineData("NL98 QCGU 0205 0072 04")]
    [InlineData("ES37 1106 1349 4580 0107 5198")]
    [InlineData("MZXW6YTBOI3DEMRQGQ2A")]
    [InlineData("order 123456 shipped 2024-03-15")]
    public void ContainsValidated_RejectsTokensAndProse(string cell)
    {
        Assert.False(_scanner.ContainsValidated(cell));
        Assert.Empty(_scanner.Scan(cell));
    }

    [Theory]
    [InlineData("card 4111 1111 1111 1111", PiiKind.CardNumber)]
    [InlineData("2221 1275 1722 5330", PiiKind.CardNumber)]
    [InlineData("NL98 QCGU 0205 0072 03", PiiKind.Iban)]
    [InlineData("DE21 1234 5678 0000 0123 45", PiiKind.Iban)]
    [InlineData("ssn 123-45-6789", PiiKind.Ssn)]
    [InlineData("ines.o@example.com", PiiKind.Email)]
    [InlineData("call (212) 555-0147", PiiKind.Phone)]
    [InlineData("from 192.168.10.4", PiiKind.IpAddress)]
    [InlineData(";4111111111111111=28121010000000000?", PiiKind.TrackData)]
    [InlineData("%B4111111111111111^DOE/JANE^2812101", PiiKind.TrackData)]
    [InlineData("host 2001:db8::8a2e:370:7334", PiiKind.IpAddress)]
    [InlineData("DOB 12/03/1985", PiiKind.DateOfBirth)]
    [InlineData("生年月日 1985年3月12日", PiiKind.DateOfBirth)]
    [InlineData("moved to 9 Mill Lane", PiiKind.PostalAddress)]
    [InlineData("Tarjeta bloqueada, CVV 123", PiiKind.CardSecurityCode)]
    [InlineData("ITIN 912784431 on file", PiiKind.Ssn)]
    [InlineData("acct# 9684106147 (joint)", PiiKind.AccountNumber)]
    public void ContainsValidated_FindsEachKind(string cell, PiiKind kind)
    {
        Assert.True(_scanner.ContainsValidated(cell));
        Span<PiiKind> kinds = stackalloc PiiKind[TextScanner.TextKindCount];
        int count = _scanner.FindValidatedKinds(cell, null, kinds);
        Assert.Contains(kind, kinds[..count].ToArray());
    }

    [Property(MaxTest = 1000)]
    public bool FindValidatedKinds_SkipsNoDetectorThatWouldFind(DoNotSize<int> seed)
    {
        // Cells join address, track and card pieces with single characters, including those that decide which
        // detectors run ('.', ':', '^', '=', '@'), so each shortcut is compared with its detector run alone.
        string[] pieces =
        [
            "10.0.0.7", "192.168", "2001:db8::1", "fe80::", "4111111111111111", "5555555555554444", "2812101",
            "^DOE/JANE^", "%B", ";", "=", "^", ".", ":", "123-45-6789", "0", "7", "99", " ", "-", "?", "@", "x",
        ];
        Random random = new(seed.Item);
        var cell = new StringBuilder();
        int count = random.Next(1, 8);
        for (int i = 0; i < count; i++)
        {
            cell.Append(pieces[random.Next(pieces.Length)]);
        }

        string text = cell.ToString();
        Span<PiiKind> kinds = stackalloc PiiKind[TextScanner.TextKindCount];
        PiiKind[] found = kinds[..new TextScanner().FindValidatedKinds(text, null, kinds)].ToArray();
        IDetector[] detectors = [new IpAddressDetector(), new TrackDataDetector(), new CardNumberDetector(), new SsnDetector()];
        foreach (IDetector detector in detectors)
        {
            List<PiiFinding> findings = [];
            detector.Detect(text, findings);
            if (findings.Any(f => f.IsValidated) && !found.Contains(detector.Kind))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void FindValidatedKinds_ListsKindsInEnumOrder()
    {
        Span<PiiKind> kinds = stackalloc PiiKind[TextScanner.TextKindCount];
        int count = _scanner.FindValidatedKinds("from 10.0.0.7 mail a@example.org card 4111111111111111 dob 1985-03-12", null, kinds);

        Assert.Equal([PiiKind.CardNumber, PiiKind.Email, PiiKind.IpAddress, PiiKind.DateOfBirth], kinds[..count].ToArray());
    }

    [Fact]
    public void FindValidatedKinds_RejectsShortBuffer()
    {
        PiiKind[] kinds = new PiiKind[TextScanner.TextKindCount - 1];

        Assert.Throws<ArgumentException>(() => _scanner.FindValidatedKinds("x", null, kinds));
    }

    [Theory]
    [InlineData("2221 1275 1722 5331")]
    [InlineData("NL98 QCGU 0205 0072 04")]
    [InlineData("MZXW6YTBOI3DEMRQGQ2A")]
    [InlineData("order 123456 shipped")]
    public void ContainsValidated_AllocatesNothingOnCleanCell(string cell)
    {
        _scanner.ContainsValidated(cell);

        // Tests on other threads use the same phone profiles, and a shared regular expression that two threads match at
        // once likely makes a second runner. One call may then allocate, so the check is that calls settle at none.
        long fewest = long.MaxValue;
        for (int call = 0; call < 5 && fewest > 0; call++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            _scanner.ContainsValidated(cell);
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
    }

    private static string Filler(int length)
    {
        const string words = "lorem ipsum dolor sit amet consectetur adipiscing elit ";
        StringBuilder filler = new(length);
        while (filler.Length < length)
        {
            filler.Append(words);
        }

        return filler.ToString(0, length);
    }
}
