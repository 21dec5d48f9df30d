using System.Text.RegularExpressions;
using PhoneNumbers;
using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Tests.Detection;

/// <summary>
/// A native build matches the phone metadata patterns with the non-backtracking engine and a JIT build with compiled
/// backtracking code, so both engines must accept the same national numbers for every pattern of every region.
/// </summary>
public sealed class MetadataRegexTests
{
    [Fact]
    public void Engines_AgreeOnEveryRegionPattern()
    {
        Random random = new(5);
        int patterns = 0;
        int matches = 0;
        foreach ((string region, PhoneMetadata metadata) in PhoneMetadataSamples.Regions())
        {
            PhoneNumberDesc?[] descriptions = PhoneMetadataSamples.Descriptions(metadata);
            string[] numbers = [.. PhoneMetadataSamples.Numbers(metadata, random, randomCount: 60)];

            foreach (PhoneNumberDesc? description in descriptions)
            {
                if (description is null || string.IsNullOrEmpty(description.NationalNumberPattern))
                {
                    continue;
                }

                string anchored = "^(?:" + description.NationalNumberPattern + ")\\z";
                Regex native = MetadataRegex.Create(anchored, hot: true, canCompile: false);
                Regex jit = MetadataRegex.Create(anchored, hot: true, canCompile: true);
                Assert.True((native.Options & RegexOptions.NonBacktracking) != 0, $"{region}: the pattern fell back to the interpreter.");
                patterns++;

                foreach (string number in numbers)
                {
                    bool expected = jit.IsMatch(number);
                    Assert.True(expected == native.IsMatch(number), $"{region}: the engines disagree on a number of {number.Length} digits.");
                    matches += expected ? 1 : 0;
                }
            }
        }

        Assert.True(patterns > 1_000, $"Only {patterns} patterns were compared.");
        Assert.True(matches > 1_000, $"Only {matches} numbers matched, too few to compare the engines on matches.");
    }

    [Fact]
    public void ColdPattern_UsesInterpreter()
    {
        Regex cold = MetadataRegex.Create("^(?:[2-9]\\d{9})\\z", hot: false, canCompile: false);

        Assert.Equal(RegexOptions.CultureInvariant, cold.Options);
        Assert.Matches(cold, "2125550147");
    }
}
