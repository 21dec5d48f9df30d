using FsCheck;
using FsCheck.Xunit;
using PhoneNumbers;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Tests.Detection;

/// <summary>
/// Checks the window filter against libphonenumber itself: every window the filter skips must fail
/// <c>Parse</c> plus <c>IsValidNumber</c>, and the detector must find what parsing every window finds.
/// </summary>
public sealed class PhoneRegionProfileTests
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    [Property(MaxTest = 500)]
    public bool MayBeValid_NeverSkipsValidWindow(DoNotSize<int> seed) =>
        GeneratedWindows(seed).All(w => PhoneRegionProfile.For(w.Region).MayBeValid(w.Window) || !IsValid(w.Window, w.Region));

    [Property(MaxTest = 500)]
    public bool Classify_AgreesWithParsing(DoNotSize<int> seed) =>
        GeneratedWindows(seed).All(w => PhoneRegionProfile.For(w.Region).Classify(w.Window) switch
        {
            WindowVerdict.Valid => IsValid(w.Window, w.Region),
            WindowVerdict.Invalid => !IsValid(w.Window, w.Region),
            _ => true,
        });

    [Theory]
    [InlineData("US")]
    [InlineData("GB")]
    [InlineData("NL")]
    [InlineData("DE")]
    public void Classify_DecidesPlainNationalWindows(string region)
    {
        // Plain digits are decided without parsing, valid or not, unless they start with a prefix or the calling code
        // (49 in Germany), and every decision agrees with parsing.
        Random random = new(11);
        PhoneRegionProfile profile = PhoneRegionProfile.For(region);
        int decided = 0;
        int valid = 0;
        for (int i = 0; i < 2_000; i++)
        {
            string window = random.Next(2, 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + ScanCells.Digits(random, 9);
            WindowVerdict verdict = profile.Classify(window);
            if (verdict == WindowVerdict.NeedsParse)
            {
                continue;
            }

            decided++;
            valid += verdict == WindowVerdict.Valid ? 1 : 0;
            Assert.Equal(IsValid(window, region), verdict == WindowVerdict.Valid);
        }

        Assert.True(decided >= 1_900, $"Only {decided} of 2,000 windows were decided without parsing.");
        Assert.True(region != "US" || valid > 500, $"Only {valid} of 2,000 ten-digit US windows were valid.");
    }

    [Fact]
    public void Classify_PrefixedExampleNumbers_AgreeWithParsing()
    {
        // Each region's example numbers, plain, behind the national prefix and behind the calling code: the forms
        // where parsing may strip digits, which Classify must leave to parsing or decide as parsing does.
        PhoneNumberType[] types = [PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE];
        int checkedWindows = 0;
        foreach (string region in ScanCells.Regions)
        {
            PhoneRegionProfile profile = PhoneRegionProfile.For(region);
            PhoneMetadata metadata = Util.GetMetadataForRegion(region);
            foreach (PhoneNumberType type in types)
            {
                if (Util.GetExampleNumberForType(region, type) is not { } example)
                {
                    continue;
                }

                string national = Util.GetNationalSignificantNumber(example);
                string countryCode = example.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
                string prefix = metadata.NationalPrefix ?? string.Empty;
                foreach (string window in new[] { national, prefix + national, countryCode + national, countryCode + prefix + national, national[1..] + "1" })
                {
                    WindowVerdict verdict = profile.Classify(window);
                    checkedWindows++;
                    Assert.True(
                        verdict == WindowVerdict.NeedsParse || (verdict == WindowVerdict.Valid) == IsValid(window, region),
                        $"{region} {type}: Classify gave {verdict} for a window of {window.Length} digits.");
                }
            }
        }

        Assert.True(checkedWindows > 50, $"Only {checkedWindows} windows were checked.");
    }

    [Property(MaxTest = 500)]
    public bool Detect_FindsWhatParsingEveryWindowFinds(DoNotSize<int> seed)
    {
        // DoNotSize spreads seeds over the whole int range, because a plain int stays within the test size (at most 100).
        Random random = new(seed.Item);
        string region = ScanCells.Regions[random.Next(ScanCells.Regions.Length)];
        string text = PhoneText(random, region);

        List<PiiFinding> findings = [];
        new PhoneDetector("US").Detect(text, region, findings);
        List<(int Start, int End)> expected = ParseEveryWindow(text, region);

        return findings.Select(f => (f.Start, f.End)).SequenceEqual(expected);
    }

    [Fact]
    public void Detect_FindsGeneratedPhonesInEveryRegion()
    {
        // Most generated numbers are valid, so the equivalence above is not met by finding nothing.
        Random random = new(7);
        foreach (string region in ScanCells.Regions)
        {
            int found = 0;
            for (int i = 0; i < 40; i++)
            {
                List<PiiFinding> findings = [];
                new PhoneDetector(region).Detect(ScanCells.Phone(random, region), findings);
                found += findings.Count > 0 ? 1 : 0;
            }

            Assert.True(found >= 20, $"{region}: {found} of 40 generated numbers found");
        }
    }

    [Theory]
    [InlineData("US", 0.8)]
    [InlineData("GB", 0.8)]
    [InlineData("FR", 0.8)]
    [InlineData("NL", 0.8)]
    [InlineData("ES", 0.8)]
    [InlineData("DE", 0.3)]
    public void MayBeValid_SkipsCardTokenWindows(string region, double minimumShare)
    {
        // German numbers have 5 to 15 digits and broad patterns, so fewer windows can be ruled out there.
        Random random = new(11);
        PhoneRegionProfile profile = PhoneRegionProfile.For(region);
        int windows = 0;
        int skipped = 0;
        for (int i = 0; i < 500; i++)
        {
            string token = ScanCells.CardToken(random);
            foreach ((int start, int end) in AllWindows(token))
            {
                windows++;
                skipped += profile.MayBeValid(token.AsSpan(start, end - start)) ? 0 : 1;
            }
        }

        Assert.True(windows > 0, "the tokens produced no candidate windows");
        Assert.True(skipped >= windows * minimumShare, $"{region}: {skipped} of {windows} windows skipped");
    }

    [Theory]
    [InlineData("US")]
    [InlineData("DE")]
    [InlineData("IT")]
    [InlineData("BR")]
    [InlineData("MX")]
    [InlineData("IN")]
    public void IsValidNumber_RejectsLocalOnlyLengths(string region)
    {
        // The filter relies on this: IsNumberMatchingDesc checks PossibleLengthList, which leaves out the
        // PossibleLengthLocalOnly lengths, so a number of such a length never validates.
        PhoneNumberDesc general = Util.GetMetadataForRegion(region).GeneralDesc;
        int[] localOnly = [.. general.PossibleLengthLocalOnlyList.Except(general.PossibleLengthList)];
        Random random = new(3);
        foreach (int length in localOnly)
        {
            for (int i = 0; i < 300; i++)
            {
                string digits = new([.. Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10)))]);
                Assert.False(IsValid(digits, region), $"{region}: a {length}-digit local number validated");
            }
        }
    }

    [Theory]
    [InlineData("011 44 20 7946 0123", "US")]
    [InlineData("(+44) 20 7946 0123", "US")]
    [InlineData("0044 20 7946 0123", "FR")]
    [InlineData("020 7946 0123", "GB")]
    [InlineData("06 12 34 56 78", "FR")]
    [InlineData("1 212 555 0147", "US")]
    [InlineData("(11) 91234-5678", "BR")]
    public void MayBeValid_KeepsValidNumbers(string window, string region)
    {
        Assert.True(IsValid(window, region), "the example is not a valid number");
        Assert.True(PhoneRegionProfile.For(region).MayBeValid(window));
    }

    /// <summary>Returns prose around a phone, a card or IBAN token, or digit groups of any length.</summary>
    private static string PhoneText(Random random, string region)
    {
        string middle = random.Next(6) switch
        {
            0 => ScanCells.Phone(random, region),
            1 => ScanCells.PhoneDialledFrom(random, region),
            2 => ScanCells.CardToken(random),
            3 => ScanCells.IbanToken(random, valid: false),
            4 => ScanCells.DigitGroups(random, random.Next(5, 18)),
            _ => ScanCells.CardToken(random).Replace(' ', '-'),
        };
        return random.Next(2) == 0 ? middle : $"ref {middle} noted";
    }

    /// <summary>Returns a random region and every candidate window of a phone-like text generated for it.</summary>
    private static IEnumerable<(string Region, string Window)> GeneratedWindows(DoNotSize<int> seed)
    {
        // DoNotSize spreads seeds over the whole int range, because a plain int stays within the test size (at most 100).
        Random random = new(seed.Item);
        string region = ScanCells.Regions[random.Next(ScanCells.Regions.Length)];
        string text = PhoneText(random, region);
        return AllWindows(text).Select(window => (region, text[window.Start..window.End]));
    }

    private static List<(int Start, int End)> AllWindows(string text)
    {
        WindowRecorder recorder = new([]);
        PhoneCandidates.Visit(text, ref recorder);
        return recorder.Windows;
    }

    private static List<(int Start, int End)> ParseEveryWindow(string text, string region)
    {
        ParsingMatcher matcher = new(region, []);
        PhoneCandidates.Visit(text, ref matcher);
        return matcher.Accepted;
    }

    private static readonly string[] FrenchOverseas = ["RE", "GP", "MQ", "GF", "YT", "PM", "BL", "MF"];

    private static bool IsValid(string window, string region)
    {
        try
        {
            return Util.IsValidNumber(Util.Parse(window, region));
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>Records every window and accepts none, so the visit offers all of them.</summary>
    private readonly struct WindowRecorder(List<(int Start, int End)> windows) : IPhoneWindowMatcher
    {
        public List<(int Start, int End)> Windows => windows;

        public bool IsDone => false;

        public bool TryMatch(ReadOnlySpan<char> text, int start, int end)
        {
            windows.Add((start, end));
            return false;
        }
    }

    /// <summary>Parses every window with libphonenumber, without any filter: the reference for the detector.</summary>
    private readonly struct ParsingMatcher(string region, List<(int Start, int End)> accepted) : IPhoneWindowMatcher
    {
        public List<(int Start, int End)> Accepted => accepted;

        public bool IsDone => false;

        public bool TryMatch(ReadOnlySpan<char> text, int start, int end)
        {
            // The detector also reads 00 as an international prefix in every region, as documented on its method. In a
            // region whose trunk prefix is 0, it takes only windows that start with 0 or '+'. With FR it also takes the
            // numbers of the overseas departments, which France dials as national numbers.
            string window = text[start..end].ToString();
            bool trunkMissing = Util.GetMetadataForRegion(region)?.NationalPrefix == "0" && window.TrimStart('(')[0] is not ('0' or '+');
            bool overseas = (region == "FR" && window[0] != '+' && FrenchOverseas.Any(code => IsValid(window, code)))
                || (region == "GB" && NationalNumbers.IsBritishDramaNumber(window));
            bool valid = !trunkMissing && (IsValid(window, region) || PhoneDetector.IsValidAfterDoubleZero(window, region) || overseas);
            if (valid)
            {
                // A finding leaves out an opening bracket whose closing one is not in the window.
                accepted.Add((text[start] == '(' && !window.Contains(')', StringComparison.Ordinal) ? start + 1 : start, end));
            }

            return valid;
        }
    }
}
