using System.Text;

namespace SyntheticData.Tabular.Tests;

public sealed class JsonLinesRecordReaderTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static void AssertRecord(string?[] expected, string?[] actual) => Assert.Equal<IEnumerable<string?>>(expected, actual);

    [Fact]
    public void Values_AreReadAsText()
    {
        string path = _folder.WriteText(
            "data.jsonl",
            "{\"id\":1,\"name\":\"Lena \\\"L\\\" Rivera\",\"active\":true,\"score\":1.50,\"tags\":[\"a\",1],\"note\":null}\n\n" +
            "{\"name\":\"Sam\",\"id\":2,\"active\":false}\r\n");

        using var reader = new JsonLinesRecordReader(path);
        List<string?[]> records = RecordReading.ReadAll(reader);

        Assert.Equal(["id", "name", "active", "score", "tags", "note"], reader.Header);
        Assert.Equal(2, records.Count);
        AssertRecord(["1", "Lena \"L\" Rivera", "true", "1.50", "[\"a\",1]", null], records[0]);
        AssertRecord(["2", "Sam", "false", null, null, null], records[1]);
        Assert.Equal(3, reader.LineNumber);
    }

    [Fact]
    public void UnknownKey_FailsWithLineAndPosition()
    {
        string path = _folder.WriteText("data.jsonl", "{\"a\":1}\n{\"a\":2,\"john.smith@example.com\":3}\n");

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadAll(new JsonLinesRecordReader(path)));

        Assert.Equal(2, error.LineNumber);
        Assert.Contains("key 2 of the object", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("john.smith", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedKeyInFirstObject_FailsWithPositions()
    {
        string path = _folder.WriteText("data.jsonl", "{\"4111111111111111\":1,\"4111111111111111\":2}\n");

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadAll(new JsonLinesRecordReader(path)));

        Assert.Contains("key 2 of the object repeats key 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnpairedSurrogateEscape_FailsWithLine()
    {
        string path = _folder.WriteText("data.jsonl", "{\"a\":\"x\"}\n{\"a\":\"\\ud800\"}\n");

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadAll(new JsonLinesRecordReader(path)));

        Assert.Equal(2, error.LineNumber);
        Assert.Contains("unpaired surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenJson_FailsWithLine()
    {
        string path = _folder.WriteText("data.jsonl", "{\"a\":1}\n{\"a\":\n");

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadAll(new JsonLinesRecordReader(path)));

        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public void InvalidUtf8_FailsWithByteOffset()
    {
        byte[] first = Encoding.UTF8.GetBytes("{\"a\":\"x\"}\n{\"a\":\"");
        byte[] bytes = [.. first, 0xFF, .. Encoding.UTF8.GetBytes("\"}\n")];
        string path = _folder.WriteBytes("data.jsonl", bytes);

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadAll(new JsonLinesRecordReader(path)));

        Assert.Equal(first.Length, error.ByteOffset);
        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public void TruncatedGzip_Fails()
    {
        string text = string.Concat(Enumerable.Range(0, 20_000).Select(i => "{\"a\":" + i + "}\n"));
        byte[] bytes = File.ReadAllBytes(_folder.WriteGzip("whole.jsonl.gz", text));
        string path = _folder.WriteBytes("cut.jsonl.gz", bytes[..(bytes.Length - 5)]);

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadAll(new JsonLinesRecordReader(path)));

        Assert.Contains("gzip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GzipInput_AndLongLines_AreRead()
    {
        string longValue = new('x', 200_000);
        string path = _folder.WriteGzip("data.jsonl.gz", "{\"a\":\"" + longValue + "\"}\n{\"a\":\"b\"}\n");

        List<string?[]> records = RecordReading.ReadAll(new JsonLinesRecordReader(path));

        Assert.Equal(longValue, records[0][0]);
        Assert.Equal("b", records[1][0]);
    }
}
