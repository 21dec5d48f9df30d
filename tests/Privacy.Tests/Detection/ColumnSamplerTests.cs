using SyntheticData.Privacy.Detection;
using SyntheticData.Tabular;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class ColumnSamplerTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sampler-tests-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Read_KeepsHeaderOrderAndNulls()
    {
        string path = Path.Combine(_folder.FullName, "nulls.csv");
        File.WriteAllText(path, "id,email,phone\n1,,(212) 555-0147\n2,NULL,\n3,\\N,(212) 555-0199\n");
        using CsvRecordReader reader = new(path, new CsvReadOptions { NullMarkers = ["", "NULL", "\\N"] });

        IReadOnlyList<ColumnSample> samples = ColumnSampler.Read(reader, 10);

        Assert.Equal(["id", "email", "phone"], samples.Select(s => s.Header));
        Assert.Equal(["1", "2", "3"], samples[0].Values);
        Assert.All(samples[1].Values, Assert.Null);
        Assert.Equal(["(212) 555-0147", null, "(212) 555-0199"], samples[2].Values);
    }

    [Fact]
    public void Read_StopsAtMaximumRows()
    {
        string path = Path.Combine(_folder.FullName, "rows.csv");
        File.WriteAllLines(path, ["n", .. Enumerable.Range(1, 50).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        using CsvRecordReader reader = new(path);

        IReadOnlyList<ColumnSample> samples = ColumnSampler.Read(reader, 20);

        Assert.Equal(20, samples[0].Values.Count);
        Assert.Equal("20", samples[0].Values[^1]);
    }

    [Fact]
    public void Read_RejectsZeroRows()
    {
        string path = Path.Combine(_folder.FullName, "one.csv");
        File.WriteAllText(path, "a\n1\n");
        using CsvRecordReader reader = new(path);

        Assert.Throws<ArgumentOutOfRangeException>(() => ColumnSampler.Read(reader, 0));
    }
}
