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

    [Fact]
    public void Spill_ReportMatchesCountingInMemory()
    {
        // Only 16 classes fit in memory, so most classes go to the temporary files. Every figure of the report must
        // still agree with a counter that keeps them all in memory.
        using var folder = new TemporaryFolder();
        using var spilling = new EquivalenceClassCounter(2, 2, countsEntities: true, spillFolder: folder.Path, residentClassLimit: 16);
        using var inMemory = new EquivalenceClassCounter(2, 2, countsEntities: true);
        foreach ((string?[] quasiIdentifiers, string?[] sensitive, string? person) in Records(seed: 5, count: 20_000))
        {
            spilling.Add(quasiIdentifiers, sensitive, person);
            inMemory.Add(quasiIdentifiers, sensitive, person);
        }

        Assert.True(spilling.RecordsOnDisk > 10_000);
        Assert.Equal(0, inMemory.RecordsOnDisk);
        Assert.Equal(inMemory.Report(3, ["diagnosis", "income"]), spilling.Report(3, ["diagnosis", "income"]), new ReportComparer());
        Assert.Equal(inMemory.ClassSize(inMemory.KeyOf(["F", "R7"])), spilling.ClassSize(spilling.KeyOf(["F", "R7"])));
        Assert.Equal(inMemory.ClassSize(inMemory.KeyOf(["X", "R2999"])), spilling.ClassSize(spilling.KeyOf(["X", "R2999"])));
    }

    [Fact]
    public void Spill_ClassesBelow_FindsTheSameRecords()
    {
        using var folder = new TemporaryFolder();
        using var spilling = new EquivalenceClassCounter(2, 0, spillFolder: folder.Path, residentClassLimit: 8);
        using var inMemory = new EquivalenceClassCounter(2, 0);
        var records = Records(seed: 9, count: 5_000).ToArray();
        foreach ((string?[] quasiIdentifiers, _, _) in records)
        {
            spilling.Add(quasiIdentifiers, []);
            inMemory.Add(quasiIdentifiers, []);
        }

        SmallClassSet fromDisk = spilling.ClassesBelow(4);
        SmallClassSet fromMemory = inMemory.ClassesBelow(4);
        int small = 0;
        for (int i = 0; i < records.Length; i++)
        {
            string?[] quasiIdentifiers = records[i].QuasiIdentifiers;
            bool expected = fromMemory.Contains(inMemory.KeyOf(quasiIdentifiers), i);
            Assert.Equal(expected, fromDisk.Contains(spilling.KeyOf(quasiIdentifiers), i));
            small += expected ? 1 : 0;
        }

        // Both results occur, so the comparison above tested something.
        Assert.InRange(small, 1, records.Length - 1);
    }

    [Fact]
    public void Spill_Dispose_DeletesOwnerOnlyFolder()
    {
        using var folder = new TemporaryFolder();
        var counter = new EquivalenceClassCounter(1, 0, spillFolder: folder.Path, residentClassLimit: 1);
        counter.Add(["a"], []);
        counter.Add(["b"], []);
        string spill = Assert.Single(Directory.GetDirectories(folder.Path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(spill));
        }

        Assert.Equal(1, counter.ClassSize(counter.KeyOf(["b"])));
        counter.Dispose();

        Assert.Empty(Directory.GetDirectories(folder.Path));
    }

    // Gender and one of up to 3,000 regions for quasi-identifiers, and some missing values, so classes range from one record
    // to dozens, with people who repeat and sensitive values that are sometimes blank.
    private static IEnumerable<(string?[] QuasiIdentifiers, string?[] Sensitive, string? Person)> Records(int seed, int count)
    {
        var random = new Random(seed);
        string[] genders = ["F", "M", "X"];
        for (int i = 0; i < count; i++)
        {
            string gender = genders[random.Next(genders.Length)];
            string? region = random.Next(50) == 0 ? null : $"R{random.Next(i % 4 == 0 ? 3000 : 40)}";
            string? diagnosis = random.Next(6) == 0 ? " " : $"D{random.Next(5)}";
            string? income = random.Next(3) == 0 ? null : $"{random.Next(20) * 1000}";
            string? person = random.Next(10) == 0 ? null : $"P{random.Next(4000)}";
            yield return ([gender, region], [diagnosis, income], person);
        }
    }

    private sealed class ReportComparer : IEqualityComparer<RiskReport>
    {
        public bool Equals(RiskReport? x, RiskReport? y) =>
            x is not null && y is not null
            && x with { ClassSizeHistogram = [], Diversity = [] } == y with { ClassSizeHistogram = [], Diversity = [] }
            && x.ClassSizeHistogram.SequenceEqual(y.ClassSizeHistogram)
            && x.Diversity.SequenceEqual(y.Diversity);

        public int GetHashCode(RiskReport obj) => obj.Classes.GetHashCode();
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("class-counter-tests-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
