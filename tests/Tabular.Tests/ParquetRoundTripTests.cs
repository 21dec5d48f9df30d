using SyntheticData.Testing;

namespace SyntheticData.Tabular.Tests;

public sealed class ParquetRoundTripTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void RecordWriter_RoundTripsTextAndNulls()
    {
        string path = _folder.File("records.parquet");
        using (var writer = new ParquetRecordWriter(path, ["a", "b"], rowGroupSize: 2))
        {
            writer.WriteRecord(["1", "x,y"]);
            writer.WriteRecord([null, string.Empty]);
            writer.WriteRecord(["3", "line\nbreak"]);
            writer.Commit();
        }

        using var reader = new ParquetRecordReader(path);
        List<string?[]> records = RecordReading.ReadAll(reader);

        Assert.Equal(["a", "b"], reader.Header);
        Assert.Equal(3, records.Count);
        Assert.Equal<IEnumerable<string?>>([null, string.Empty], records[1]);
        Assert.Equal<IEnumerable<string?>>(["3", "line\nbreak"], records[2]);
    }

    [Fact]
    public async Task RecordWriter_LongText_SplitsRowGroups()
    {
        // 100 records of 50 characters with a budget of 1,000 characters per row group: a group every 20 records.
        string path = _folder.File("long.parquet");
        string text = new('x', 50);
        using (var writer = new ParquetRecordWriter(path, ["note"], rowGroupCharacters: 1_000))
        {
            for (int i = 0; i < 100; i++)
            {
                writer.WriteRecord([text]);
            }

            writer.Commit();
        }

        await using (Parquet.ParquetReader parquet = await Parquet.ParquetReader.CreateAsync(path))
        {
            Assert.Equal(5, parquet.RowGroupCount);
        }

        using var reader = new ParquetRecordReader(path);
        Assert.Equal(100, RecordReading.ReadAll(reader).Count);
    }

    [Fact]
    public void DamagedRowGroup_FailsAsDataFormat()
    {
        string path = _folder.File("damaged.parquet");
        using (var writer = new ParquetRecordWriter(path, ["id", "note"]))
        {
            for (int i = 0; i < 200; i++)
            {
                writer.WriteRecord([i.ToString(System.Globalization.CultureInfo.InvariantCulture), "note " + (i * 7919 % 1000)]);
            }

            writer.Commit();
        }

        // Zeros over the first data pages; the footer with the schema stays intact, so the file opens.
        byte[] bytes = File.ReadAllBytes(path);
        Array.Clear(bytes, 200, 60);
        File.WriteAllBytes(path, bytes);

        using IRecordReader reader = RecordReaderFactory.Open(path);
        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadAll(reader));

        Assert.Contains("cannot be decoded", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.RecordNumber);
        Assert.Contains(", record 1,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidUtf8_FailsWithRowAndColumn()
    {
        string path = _folder.File("invalid.parquet");
        var id = new Parquet.Schema.DataField<string>("id");
        var note = new Parquet.Schema.DataField<string>("note");
        var options = new Parquet.ParquetOptions { CompressionMethod = Parquet.CompressionMethod.None };
        await using (FileStream stream = File.Create(path))
        {
            await using Parquet.ParquetWriter writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(id, note), stream, options);
            using Parquet.ParquetRowGroupWriter group = writer.CreateRowGroup();
            string?[] ids = ["1", "2", "3"];
            string?[] notes = ["fine", "bad QZQZ byte", "fine"];
            await group.WriteAsync(id, ids, null);
            await group.WriteAsync(note, notes, null);
            group.CompleteValidate();
        }

        // One byte of the uncompressed text, and of its copies in the column statistics, becomes 0xFF, which no UTF-8
        // sequence contains.
        byte[] bytes = File.ReadAllBytes(path);
        int patched = 0;
        for (int marker = bytes.AsSpan().IndexOf("QZQZ"u8); marker >= 0; marker = bytes.AsSpan().IndexOf("QZQZ"u8))
        {
            bytes[marker + 1] = 0xFF;
            patched++;
        }

        Assert.True(patched > 0);
        File.WriteAllBytes(path, bytes);

        using var reader = new ParquetRecordReader(path);
        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadAll(reader));

        Assert.Contains("invalid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("QZ", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.RecordNumber);
        Assert.Null(error.LineNumber);
        Assert.Equal("note", error.ColumnName);
    }

    [Fact]
    public void Uncommitted_LeavesNoFile()
    {
        string path = _folder.File("partial.parquet");
        using (var writer = new ParquetRecordWriter(path, ["a"]))
        {
            writer.WriteRecord(["1"]);
        }

        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void Table_RoundTripsTypesAndDateFormats()
    {
        string csv = _folder.WriteText(
            "typed.csv",
            "when,count,price,kind,flag,ref\n17.04.1985,3,1.25,a,yes,R-001\n18.04.1985,,2.5,b,no,R-002\n,5,,a,yes,R-003\n");
        TableReadResult first = TableReader.Read(csv);
        string parquet = _folder.File("typed.parquet");

        TableWriter.WriteParquet(first.Table, parquet, rowGroupSize: 2);
        TableReadResult second = TableReader.Read(parquet);

        Assert.Equal(first.Table.RowCount, second.Table.RowCount);
        foreach (Column column in first.Table.Columns)
        {
            Column other = second.Table[column.Name];
            Assert.Equal(column.Type, other.Type);
            for (int row = 0; row < first.Table.RowCount; row++)
            {
                Assert.Equal(column.FormatValue(row), other.FormatValue(row));
            }
        }

        Assert.Equal("dd.MM.yyyy", Assert.IsType<DateTimeColumn>(second.Table["when"]).Format);
    }

    [Theory]
    [InlineData("braces.csv")]
    [InlineData("braces.CSV.gz")]
    [InlineData("braces.tsv")]
    public void Factory_CsvNameWithBraceHeader_ReadsCsv(string name)
    {
        string path = name.EndsWith(".gz", StringComparison.Ordinal)
            ? _folder.WriteGzip(name, "{id},x\n1,2\n")
            : _folder.WriteText(name, "{id},x\n1,2\n");

        Assert.Equal(DataFormat.Csv, RecordReaderFactory.DetectFormat(path));
        using IRecordReader reader = RecordReaderFactory.Open(path);
        Assert.Equal(["{id}", "x"], reader.Header);
    }

    [Fact]
    public void Factory_DetectsEachFormat()
    {
        string csv = _folder.WriteText("a.data", "x\n1\n");
        string jsonl = _folder.WriteText("b.data", "\uFEFF {\"x\":1}\n");
        string gzJsonl = _folder.WriteGzip("c.data", "{\"x\":1}\n");
        string parquet = _folder.File("d.data");
        using (var writer = new ParquetRecordWriter(parquet, ["x"]))
        {
            writer.WriteRecord(["1"]);
            writer.Commit();
        }

        Assert.Equal(DataFormat.Csv, RecordReaderFactory.DetectFormat(csv));
        Assert.Equal(DataFormat.JsonLines, RecordReaderFactory.DetectFormat(jsonl));
        Assert.Equal(DataFormat.JsonLines, RecordReaderFactory.DetectFormat(gzJsonl));
        Assert.Equal(DataFormat.Parquet, RecordReaderFactory.DetectFormat(parquet));
        foreach (string path in new[] { csv, jsonl, gzJsonl, parquet })
        {
            using IRecordReader reader = RecordReaderFactory.Open(path);
            Assert.Equal(["x"], reader.Header);
            Assert.True(reader.ReadNext());
            Assert.Equal("1", reader.GetString(0));
        }
    }

    [Fact]
    public void GermanCredit_RoundTripsThroughParquet()
    {
        TableReadResult first = TableReader.Read(RepositoryPaths.SharedData("german_credit.csv"));
        string parquet = _folder.File("german.parquet");

        TableWriter.WriteParquet(first.Table, parquet);
        TableReadResult second = TableReader.Read(parquet);

        Assert.Equal(1000, second.Table.RowCount);
        Assert.Equal(first.Table.Columns.Select(c => c.Type), second.Table.Columns.Select(c => c.Type));
        Assert.Equal(first.Table["credit_amount"].FormatValue(0), second.Table["credit_amount"].FormatValue(0));
    }

    [Fact]
    public void NotParquet_FailsAsDataFormat()
    {
        string path = _folder.WriteText("fake.parquet", "PAR1 but not really");

        Assert.Throws<DataFormatException>(() => new ParquetRecordReader(path));
    }
}
