using SyntheticData.Privacy.Risk;

namespace SyntheticData.Privacy.Tests.Risk;

public sealed class EquivalenceClassCounterTests
{
    [Fact]
    public void KeyOf_FieldBoundaries_AreDistinct()
    {
        var counter = new EquivalenceClassCounter(2, 0);

        Assert.NotEqual(counter.KeyOf(["ab", "c"]), counter.KeyOf(["a", "bc"]));
        Assert.NotEqual(counter.KeyOf([null, "x"]), counter.KeyOf(["", "x"]));
        Assert.Equal(counter.KeyOf(["a", "b"]), counter.KeyOf(["a", "b"]));
    }

    [Fact]
    public void Add_KnownClass_AllocatesNothing()
    {
        var counter = new EquivalenceClassCounter(2, 0);
        string?[] quasiIdentifiers = ["F", "NY"];
        string?[] sensitive = [];
        counter.Add(quasiIdentifiers, sensitive);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            counter.Add(quasiIdentifiers, sensitive);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(101, counter.Records);
    }

    [Fact]
    public void Add_SharedAndCopiedStrings_CountAlike()
    {
        // Classes are remembered by string instance, so the same text in shared instances, in fresh copies and in more
        // tuples than the remembered slots must all count into the right classes.
        var counter = new EquivalenceClassCounter(2, 0);
        string[] genders = ["F", "M", "X"];
        string[] regions = [.. Enumerable.Range(0, 400).Select(i => $"R{i}")];
        string suppressed = "*";
        var expected = new Dictionary<(string, string), long>();
        var random = new Random(11);
        long fullySuppressed = 0;
        for (int i = 0; i < 20_000; i++)
        {
            if (i % 97 == 0)
            {
                counter.Add([suppressed, suppressed], []);
                fullySuppressed++;
                continue;
            }

            string gender = genders[random.Next(genders.Length)];
            string region = regions[random.Next(i % 3 == 0 ? regions.Length : 20)];
            bool copy = random.Next(4) == 0;
            counter.Add([copy ? new string(gender) : gender, copy ? new string(region) : region], []);
            expected[(gender, region)] = expected.GetValueOrDefault((gender, region)) + 1;
        }

        foreach (((string gender, string region), long count) in expected)
        {
            Assert.Equal(count, counter.ClassSize(counter.KeyOf([gender, region])));
        }

        Assert.Equal(fullySuppressed, counter.FullySuppressed);
        Assert.Equal(20_000, counter.Records);
        Assert.Equal(expected.Count, counter.Report(1, []).Classes);
    }

    [Fact]
    public void Report_Histogram_BucketsClassSizes()
    {
        var counter = new EquivalenceClassCounter(1, 0);
        foreach ((string value, int count) in new[] { ("a", 1), ("b", 5), ("c", 5), ("d", 120) })
        {
            for (int i = 0; i < count; i++)
            {
                counter.Add([value], []);
            }
        }

        RiskReport report = counter.Report(5, []);

        Assert.Equal(131, report.Records);
        Assert.Equal(4, report.Classes);
        Assert.Equal(1, report.ClassSizeHistogram.Single(b => b.Sizes == "1").Classes);
        Assert.Equal(2, report.ClassSizeHistogram.Single(b => b.Sizes == "5-9").Classes);
        Assert.Equal(1, report.ClassSizeHistogram.Single(b => b.Sizes == "100+").Classes);
        Assert.Equal(1, report.ClassesBelowK);
        Assert.Equal(1, report.RecordsBelowK);
        Assert.False(report.MeetsK);
    }

    [Fact]
    public void Entities_SizeClassesByPeople()
    {
        // Class "a": three customers with five transactions each; class "b": one customer with twelve.
        var counter = new EquivalenceClassCounter(1, 0, countsEntities: true);
        foreach (string customer in new[] { "C1", "C2", "C3" })
        {
            for (int i = 0; i < 5; i++)
            {
                counter.Add(["a"], [], customer);
            }
        }

        for (int i = 0; i < 12; i++)
        {
            counter.Add(["b"], [], "C4");
        }

        RiskReport report = counter.Report(3, []);

        Assert.Equal(27, report.Records);
        Assert.Equal(1, report.SmallestClass);
        Assert.Equal(1, report.ClassesBelowK);
        Assert.Equal(12, report.RecordsBelowK);
        Assert.Equal(1.0, report.HighestProsecutorRisk);
        Assert.Equal(2.0 / 4, report.AverageProsecutorRisk, 12);
        Assert.Equal(12.0 / 27, report.ShareOfRecordsAtRisk, 12);
        Assert.Equal(3, counter.ClassSize(counter.KeyOf(["a"])));
    }

    [Fact]
    public void Entities_MissingIdsCountAsOnePerson()
    {
        var counter = new EquivalenceClassCounter(1, 0, countsEntities: true);
        counter.Add(["a"], [], null);
        counter.Add(["a"], [], null);
        counter.Add(["a"], [], "C1");

        Assert.Equal(2, counter.ClassSize(counter.KeyOf(["a"])));
    }

    [Fact]
    public void Report_NoQuasiIdentifierValues_HasNoRisk()
    {
        RiskReport report = new EquivalenceClassCounter(1, 0).Report(5, []);

        Assert.Equal(0, report.Classes);
        Assert.Equal(0, report.HighestProsecutorRisk);
        Assert.True(report.MeetsK);
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("***", true)]
    [InlineData("81***", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsSuppressed_OnlyStars(string? value, bool expected)
    {
        Assert.Equal(expected, EquivalenceClassCounter.IsSuppressed(value));
    }
}
