using System.Text.RegularExpressions;
using PhoneNumbers;
using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class DigitAutomatonTests
{
    [Theory]
    [InlineData("1[2-4]?5{1,2}")]
    [InlineData("(?:12|3)4|5(?:6|78?)")]
    [InlineData("\\d{2}|[13-5]\\d?")]
    [InlineData("(?:(?:1|2)?3){0,2}")]
    [InlineData("[0-9]{1,3}0")]
    public void Match_AgreesWithRegex(string pattern)
    {
        // Every digit string of up to five digits, the empty one included.
        DigitAutomaton automaton = DigitAutomaton.TryCreate([pattern], maximumStates: 1_000)!;
        var regex = new Regex("^(?:" + pattern + ")\\z", RegexOptions.CultureInvariant);

        foreach (string text in DigitStrings(5))
        {
            Assert.True(regex.IsMatch(text) == (automaton.Match(text) == 1), $"'{pattern}' disagrees on '{text}'.");
        }
    }

    [Fact]
    public void Match_ReportsEachPattern()
    {
        DigitAutomaton automaton = DigitAutomaton.TryCreate(["1\\d", "\\d2"], maximumStates: 100)!;

        Assert.Equal(3u, automaton.Match("12"));
        Assert.Equal(1u, automaton.Match("13"));
        Assert.Equal(2u, automaton.Match("22"));
        Assert.Equal(0u, automaton.Match("33"));
        Assert.Equal(0u, automaton.Match("1"));
        Assert.Equal(0u, automaton.Match("1a"));
        Assert.Equal(0u, automaton.Match("123"));
    }

    [Theory]
    [InlineData("\\d+")]
    [InlineData("1*")]
    [InlineData("[a-z]")]
    [InlineData("(1)")]
    [InlineData("(?=1)1")]
    [InlineData("1{2,}")]
    [InlineData("1??")]
    [InlineData("[]")]
    [InlineData("(?:1")]
    [InlineData("1)")]
    [InlineData("1{99}")]
    public void UnsupportedSyntax_GivesNull(string pattern)
    {
        Assert.Null(DigitAutomaton.TryCreate([pattern], maximumStates: 1_000));
    }

    [Fact]
    public void StateLimit_KeepsMatchesExact()
    {
        // Six free digits, a fixed one and a free one need more than three states, so most matches go past the limit.
        const string Pattern = "\\d{6}1\\d";
        DigitAutomaton limited = DigitAutomaton.TryCreate([Pattern], maximumStates: 3)!;
        var regex = new Regex("^(?:" + Pattern + ")\\z", RegexOptions.CultureInvariant);

        foreach (string text in new[] { "12345612", "00000010", "12345622", "1234561", "123456123", "99999919" })
        {
            Assert.True(regex.IsMatch(text) == (limited.Match(text) == 1), $"The limited automaton disagrees on '{text}'.");
        }

        Assert.Equal(3, limited.StateCount);
    }

    [Fact]
    public void States_AreBuiltOnDemand()
    {
        // The start, one state after each first digit and one after each pair: nine in all.
        DigitAutomaton automaton = DigitAutomaton.TryCreate(["12|34|56|78"], maximumStates: 1_000)!;
        int initial = automaton.StateCount;

        Assert.Equal(1u, automaton.Match("12"));
        int afterOneMatch = automaton.StateCount;
        int all = automaton.BuildAll();

        Assert.Equal(1, initial);
        Assert.Equal(3, afterOneMatch);
        Assert.Equal(9, all);
        Assert.Equal(1u, automaton.Match("78"));
        Assert.Equal(0u, automaton.Match("14"));
    }

    [Fact]
    public void Match_AgreesAcrossThreads()
    {
        // Threads that build states at the same time must all see the verdicts of the regular expression.
        const string Pattern = "(?:2[0-8]|3[1-9])\\d{3}|4\\d{2}(?:5|6\\d)";
        DigitAutomaton automaton = DigitAutomaton.TryCreate([Pattern], maximumStates: 1_000)!;
        var regex = new Regex("^(?:" + Pattern + ")\\z", RegexOptions.CultureInvariant);
        string[] texts = [.. DigitStrings(5)];
        int disagreements = 0;

        Parallel.For(0, 8, worker =>
        {
            for (int i = 0; i < texts.Length; i++)
            {
                string text = texts[(i + (worker * 7919)) % texts.Length];
                if (regex.IsMatch(text) != (automaton.Match(text) == 1))
                {
                    Interlocked.Increment(ref disagreements);
                }
            }
        });

        Assert.Equal(0, disagreements);
    }

    [Fact]
    public void RegionRules_AgreeWithPatterns()
    {
        // Every region's rules run as an automaton and give the same verdicts as its regular expressions, on example
        // numbers, numbers near them and random digits.
        Random random = new(3);
        int regions = 0;
        int valid = 0;
        foreach ((string region, PhoneMetadata metadata) in PhoneMetadataSamples.Regions())
        {
            NationalNumberRules? automaton = NationalNumberRules.Create(metadata, compiled: false);
            NationalNumberRules? patterns = NationalNumberRules.Create(metadata, compiled: false, useAutomaton: false);
            if (automaton is null)
            {
                Assert.Null(patterns);
                continue;
            }

            Assert.True(automaton.UsesAutomaton, $"{region}: the rules fell back to regular expressions.");
            regions++;
            foreach (string number in PhoneMetadataSamples.Numbers(metadata, random, randomCount: 80))
            {
                bool expected = patterns!.IsValid(number);
                Assert.True(expected == automaton.IsValid(number), $"{region}: the verdicts differ on a number of {number.Length} digits.");
                valid += expected ? 1 : 0;
            }
        }

        Assert.True(regions > 200, $"Only {regions} regions were compared.");
        Assert.True(valid > 500, $"Only {valid} numbers were valid, too few to compare the verdicts on valid numbers.");
    }

    [Fact]
    public void RegionAutomata_FitStateLimit()
    {
        // Built whole, every region's automaton stays within the limit, so no match ever falls back to the slower path.
        int largest = 0;
        foreach ((string region, PhoneMetadata metadata) in PhoneMetadataSamples.Regions())
        {
            NationalNumberRules? rules = NationalNumberRules.Create(metadata, compiled: false);
            int states = rules?.BuildAllAutomatonStates() ?? 0;
            Assert.True(states < NationalNumberRules.MaximumAutomatonStates, $"{region}: {states} states reach the limit.");
            largest = Math.Max(largest, states);
        }

        Assert.True(largest > 100, $"The largest automaton has only {largest} states, so the regions were not built.");
    }

    private static IEnumerable<string> DigitStrings(int maximumLength)
    {
        yield return string.Empty;
        List<string> current = [string.Empty];
        for (int length = 1; length <= maximumLength; length++)
        {
            current = [.. current.SelectMany(prefix => Enumerable.Range(0, 10).Select(d => prefix + (char)('0' + d)))];
            foreach (string text in current)
            {
                yield return text;
            }
        }
    }
}
