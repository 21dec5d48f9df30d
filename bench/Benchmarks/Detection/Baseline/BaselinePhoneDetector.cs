using System.Collections.Concurrent;
using PhoneNumbers;
using SyntheticData.Privacy.Detection;

namespace SyntheticData.Benchmarks.Detection.Baseline;

/// <summary>
/// The free-text phone search as of commit 8edaf9d, for the baseline scan: a copy of the text per call, and every window
/// whose digit count fits a national length of the region (local-only lengths included) is parsed.
/// </summary>
internal sealed class BaselinePhoneDetector(string defaultRegion)
{
    private const int MaximumDigits = BaselinePhoneCandidates.MaximumDigits;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly ConcurrentDictionary<string, bool[]> NationalLengths = new(StringComparer.Ordinal);

    /// <summary>Appends the phone numbers in <paramref name="text"/>, parsing national formats with <paramref name="region"/>.</summary>
    /// <param name="text">The text to scan.</param>
    /// <param name="region">The row's region code; null or invalid falls back to the default region.</param>
    /// <param name="findings">The list to append to.</param>
    public void Detect(ReadOnlySpan<char> text, string? region, List<PiiFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (CountDigits(text) < BaselinePhoneCandidates.MinimumDigits)
        {
            return;
        }

        string regionCode = ResolveRegion(region);
        bool[] nationalLengths = NationalLengths.GetOrAdd(regionCode, ComputeNationalLengths);
        string copy = text.ToString();
        BaselinePhoneCandidates.Visit(copy, (start, end) =>
        {
            if (!HasPlausibleLength(copy.AsSpan(start, end - start), nationalLengths) || !IsValid(copy[start..end], regionCode))
            {
                return false;
            }

            findings.Add(new PiiFinding(PiiKind.Phone, start, end - start, IsValidated: true));
            return true;
        });
    }

    /// <summary>
    /// Returns true when a candidate has an international prefix, or as many digits as a national number of the
    /// region may have (with or without its national prefix). Most digit runs in text fail this cheap test, so
    /// libphonenumber parses only the plausible ones.
    /// </summary>
    private static bool HasPlausibleLength(ReadOnlySpan<char> candidate, bool[] nationalLengths)
    {
        if (candidate.Length > 0 && candidate[0] == '+')
        {
            return true;
        }

        int digits = 0;
        int firstDigit = -1;
        for (int i = 0; i < candidate.Length; i++)
        {
            if (BaselineTextBoundary.IsAsciiDigit(candidate[i]))
            {
                firstDigit = firstDigit < 0 ? i : firstDigit;
                digits++;
            }
        }

        bool internationalPrefix = firstDigit >= 0 && candidate[firstDigit] == '0' && firstDigit + 1 < candidate.Length && candidate[firstDigit + 1] == '0';
        return internationalPrefix || (digits < nationalLengths.Length && nationalLengths[digits]);
    }

    /// <summary>Returns a lookup of the digit counts a national number of the region may have, with and without its national prefix.</summary>
    private static bool[] ComputeNationalLengths(string region)
    {
        bool[] lengths = new bool[MaximumDigits + 1];
        PhoneMetadata? metadata = Util.GetMetadataForRegion(region);
        if (metadata is null)
        {
            Array.Fill(lengths, true);
            return lengths;
        }

        int prefixLength = metadata.NationalPrefix?.Length ?? 0;
        IEnumerable<int> possible = metadata.GeneralDesc.PossibleLengthList.Concat(metadata.GeneralDesc.PossibleLengthLocalOnlyList);
        foreach (int length in possible)
        {
            foreach (int withPrefix in new[] { length, length + prefixLength })
            {
                if (withPrefix < lengths.Length)
                {
                    lengths[withPrefix] = true;
                }
            }
        }

        return lengths;
    }

    private static bool IsValid(string candidate, string region)
    {
        try
        {
            return Util.IsValidNumber(Util.Parse(candidate, region));
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    private string ResolveRegion(string? region) => RegionCodes.IsValid(region) ? region! : defaultRegion;

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (char c in text)
        {
            if (BaselineTextBoundary.IsAsciiDigit(c))
            {
                count++;
            }
        }

        return count;
    }
}
