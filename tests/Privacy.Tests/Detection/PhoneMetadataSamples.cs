using PhoneNumbers;

namespace SyntheticData.Privacy.Tests.Detection;

/// <summary>Regions, number descriptions and national numbers from libphonenumber's metadata, for tests of phone patterns.</summary>
internal static class PhoneMetadataSamples
{
    /// <summary>Returns every supported region's metadata, in region code order.</summary>
    public static IEnumerable<(string Region, PhoneMetadata Metadata)> Regions()
    {
        PhoneNumberUtil util = PhoneNumberUtil.GetInstance();
        return util.GetSupportedRegions()
            .Order(StringComparer.Ordinal)
            .Select(region => (region, util.GetMetadataForRegion(region)));
    }

    /// <summary>Returns the general description and every number type of a region, null where the metadata has none.</summary>
    public static PhoneNumberDesc?[] Descriptions(PhoneMetadata metadata) =>
    [
        metadata.GeneralDesc, metadata.FixedLine, metadata.Mobile, metadata.TollFree, metadata.PremiumRate,
        metadata.SharedCost, metadata.Voip, metadata.PersonalNumber, metadata.Pager, metadata.Uan, metadata.Voicemail,
    ];

    /// <summary>
    /// Returns national numbers to test a region's patterns on: each example number, numbers one digit away from it
    /// (last or first digit changed, one digit dropped or added), and <paramref name="randomCount"/> random digit strings.
    /// </summary>
    public static IEnumerable<string> Numbers(PhoneMetadata metadata, Random random, int randomCount)
    {
        foreach (string example in Descriptions(metadata).Select(d => d?.ExampleNumber).OfType<string>().Where(e => e.Length > 0))
        {
            yield return example;
            yield return example[..^1];
            yield return example + "5";
            for (int digit = 0; digit < 10; digit++)
            {
                yield return example[..^1] + (char)('0' + digit);
                yield return (char)('0' + digit) + example[1..];
            }
        }

        for (int i = 0; i < randomCount; i++)
        {
            yield return RandomDigits(random, random.Next(1, 18));
        }
    }

    /// <summary>Returns <paramref name="length"/> random ASCII digits.</summary>
    public static string RandomDigits(Random random, int length) =>
        string.Create(length, random, static (digits, r) =>
        {
            for (int i = 0; i < digits.Length; i++)
            {
                digits[i] = (char)('0' + r.Next(10));
            }
        });
}
