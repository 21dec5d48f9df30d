using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SyntheticData.Tabular.Tests;

public sealed class CsvRecordWriterTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static void AssertRecord(string?[] expected, string?[] actual) => Assert.Equal<IEnumerable<string?>>(expected, actual);

    [Fact]
    public void Writer_QuotesSeparatorsQuotesAndLineBreaks()
    {
        // A9: the writer's output reads back as exactly 2 records with the same values.
        string path = _folder.File("out.csv");
        using (var writer = new CsvRecordWriter(path, ["id", "name", "address"]))
        {
            writer.WriteRecord(["1", "Rivera, Lena", "12 Elm St\nApt 4"]);
            writer.WriteRecord(["2", "O\"Neil, Sam", "9 Oak Ave"]);
            writer.WriteRecord(["3", "cr\rhere", null]);
            writer.Commit();
        }

        string text = File.ReadAllText(path);
        List<string?[]> records = RecordReading.ReadCsv(path);

        Assert.Equal("id,name,address\n1,\"Rivera, Lena\",\"12 Elm St\nApt 4\"\n2,\"O\"\"Neil, Sam\",9 Oak Ave\n3,\"cr\rhere\",\n", text);
        Assert.Equal(3, records.Count);
        AssertRecord(["2", "O\"Neil, Sam", "9 Oak Ave"], records[1]);
        AssertRecord(["3", "cr\rhere", null], records[2]);
    }

    [Fact]
    public void Header_IsWrittenByteForByte()
    {
        // A6: names with spaces and punctuation come back unchanged.
        string input = _folder.WriteText("in.csv", "\"Full Name\",\"e-mail\",\"2nd phone\",class\nAda Brennick,ada.b@example.org,(212) 555-0147,gold\n");
        string output = _folder.File("out.csv");

        using (var reader = new CsvRecordReader(input))
        using (var writer = new CsvRecordWriter(output, reader.Header))
        {
            while (reader.ReadNext())
            {
                writer.WriteRecord([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
            }

            writer.Commit();
        }

        using var check = new CsvRecordReader(output);
        Assert.Equal(["Full Name", "e-mail", "2nd phone", "class"], check.Header);
        Assert.StartsWith("Full Name,e-mail,2nd phone,class\n", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void NullMarkers_PassThroughUnchanged()
    {
        // A12: NULL, \N, "" and empty cells are written back as they were read.
        string input = _folder.WriteText("a12.csv", "id,email,phone\n1,,(212) 555-0147\n2,NULL,\n3,\\N,(212) 555-0199\n4,\"\",\n");
        string output = _folder.File("out.csv");
        var readOptions = new CsvReadOptions { NullMarkers = ["", "NULL", "\\N", "\"\""] };

        using (var reader = new CsvRecordReader(input, readOptions))
        using (var writer = new CsvRecordWriter(output, reader.Header, new CsvWriteOptions { NullMarkers = readOptions.NullMarkers }))
        {
            while (reader.ReadNext())
            {
                for (int i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.IsNull(i))
                    {
                        writer.WriteRawField(reader.GetRawSpan(i));
                    }
                    else
                    {
                        writer.WriteField(reader.GetSpan(i));
                    }
                }

                writer.EndRecord();
            }

            writer.Commit();
        }

        Assert.Equal(File.ReadAllText(input), File.ReadAllText(output));
    }

    [Theory]
    [InlineData("\"NULL\"")]
    [InlineData("\"N\"\"A\"")]
    public void WriteRawField_QuotedMarker_Written(string marker)
    {
        string output = _folder.File("quoted.csv");
        using (var writer = new CsvRecordWriter(output, ["a", "b"]))
        {
            writer.WriteField("1");
            writer.WriteRawField(marker);
            writer.EndRecord();
            writer.Commit();
        }

        Assert.Equal($"a,b\n1,{marker}\n", File.ReadAllText(output).ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("\"NULL")]
    [InlineData("\"a\"b\"")]
    [InlineData("x,y")]
    public void WriteRawField_BrokenFraming_Throws(string raw)
    {
        using var writer = new CsvRecordWriter(_folder.File("broken.csv"), ["a"]);

        Assert.Throws<ArgumentException>(() => writer.WriteRawField(raw));
    }

    [Fact]
    public void RawRuns_KeepQuotingAndNullMarkers()
    {
        // A run of fields copied at once keeps quotes, doubled quotes, line breaks and null markers as they were.
        string input = _folder.WriteText(
            "runs.csv",
            "id;name;note;drop;tail\n1;\"Rivera; Lena\";\"say \"\"hi\"\"\nthere\";x;NULL\n2;;\\N;y;\"\"\n");
        string output = _folder.File("out.csv");
        var readOptions = new CsvReadOptions { Separator = ';', NullMarkers = ["", "NULL", "\\N"] };

        using (var reader = new CsvRecordReader(input, readOptions))
        using (var writer = new CsvRecordWriter(output, ["id", "name", "note", "tail"], new CsvWriteOptions { Separator = ';', NullMarkers = readOptions.NullMarkers }))
        {
            while (reader.ReadNext())
            {
                writer.WriteRawFields(reader.GetRawSpan(0, 2), 3);
                writer.WriteRawFields(reader.GetRawSpan(4, 4), 1);
                writer.EndRecord();
            }

            writer.Commit();
        }

        Assert.Equal(
            "id;name;note;tail\n1;\"Rivera; Lena\";\"say \"\"hi\"\"\nthere\";NULL\n2;;\\N;\"\"\n",
            File.ReadAllText(output));
        using var check = new CsvRecordReader(output, readOptions);
        Assert.True(check.ReadNext());
        Assert.Equal("say \"hi\"\nthere", check.GetString(2));
        Assert.True(check.IsNull(3));
        Assert.True(check.ReadNext());
        Assert.True(check.IsNull(1));
        Assert.True(check.IsNull(2));
    }

    [Fact]
    public void RawRuns_BeyondHeader_AreRejected()
    {
        string path = _folder.File("out.csv");
        using var writer = new CsvRecordWriter(path, ["a", "b"]);
        writer.WriteRawFields("1,2", 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteRawFields("3", 1));
    }

    [Fact]
    public void ValueEqualToNullMarker_IsQuoted()
    {
        string path = _folder.File("out.csv");
        var options = new CsvWriteOptions { NullMarkers = ["", "NULL"] };
        using (var writer = new CsvRecordWriter(path, ["a", "b", "c"], options))
        {
            writer.WriteRecord(["NULL", string.Empty, null]);
            writer.Commit();
        }

        List<string?[]> records = RecordReading.ReadCsv(path, new CsvReadOptions { NullMarkers = ["", "NULL"] });

        Assert.Equal("a,b,c\n\"NULL\",\"\",\n", File.ReadAllText(path));
        AssertRecord(["NULL", string.Empty, null], records[0]);
    }

    [Fact]
    public void Uncommitted_LeavesNoFile()
    {
        string path = _folder.File("partial.csv");
        using (var writer = new CsvRecordWriter(path, ["a"]))
        {
            writer.WriteRecord(["1"]);
        }

        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void Commit_ReplacesExistingFileWhole()
    {
        string path = _folder.WriteText("out.csv", "old\n");
        using (var writer = new CsvRecordWriter(path, ["a"]))
        {
            writer.WriteRecord(["new"]);
            Assert.Equal("old\n", File.ReadAllText(path));
            writer.Commit();
        }

        Assert.Equal("a\nnew\n", File.ReadAllText(path));
    }

    [Fact]
    public void GzipPath_WritesGzipThatReadsBack()
    {
        string path = _folder.File("out.csv.gz");
        using (var writer = new CsvRecordWriter(path, ["a", "b"]))
        {
            writer.WriteRecord(["1", "x,y"]);
            writer.Commit();
        }

        byte[] bytes = File.ReadAllBytes(path);
        List<string?[]> records = RecordReading.ReadCsv(path);

        Assert.Equal(0x1F, bytes[0]);
        Assert.Equal(0x8B, bytes[1]);
        AssertRecord(["1", "x,y"], records[0]);
    }

    [Fact]
    public void Bom_IsWrittenOnlyWhenAsked()
    {
        string plain = _folder.File("plain.csv");
        string marked = _folder.File("bom.csv");
        foreach ((string path, bool bom) in new[] { (plain, false), (marked, true) })
        {
            using var writer = new CsvRecordWriter(path, ["a"], new CsvWriteOptions { WriteBom = bom });
            writer.WriteRecord(["1"]);
            writer.Commit();
        }

        Assert.Equal((byte)'a', File.ReadAllBytes(plain)[0]);
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(marked)[..3]);
        Assert.Equal(["a"], new CsvRecordReader(marked).Header);
    }

    [Theory]
    [InlineData("out.csv", false)]
    [InlineData("out.csv", true)]
    [InlineData("out.csv.gz", false)]
    public void Digest_EqualsDigestOfFileReadBack(string name, bool bom)
    {
        string path = _folder.File(name);
        TextDigest written;
        using (var writer = new CsvRecordWriter(path, ["id", "note"], new CsvWriteOptions { WriteBom = bom }))
        {
            // Enough records to flush the writer's buffer several times, with multi-byte characters and quoting.
            for (int i = 0; i < 20_000; i++)
            {
                writer.WriteRecord([i.ToString(System.Globalization.CultureInfo.InvariantCulture), i % 3 == 0 ? "Zoë, \"Ünal\"" : "plain"]);
            }

            writer.Commit();
            written = writer.Digest;
        }

        byte[] text = name.EndsWith(".gz", StringComparison.Ordinal) ? Gunzip(path) : File.ReadAllBytes(path);

        Assert.Equal(text.LongLength, written.Length);
        Assert.Equal(System.IO.Hashing.XxHash128.HashToUInt128(text), written.Hash);
        Assert.Equal(written, TextDigest.Of(path));
    }

    [Fact]
    public void Digest_OfChangedFile_Differs()
    {
        string path = _folder.File("out.csv");
        TextDigest written;
        using (var writer = new CsvRecordWriter(path, ["a", "b"]))
        {
            writer.WriteRecord(["1", "2"]);
            writer.Commit();
            written = writer.Digest;
        }

        File.WriteAllText(path, "a,b\n1,3\n");
        TextDigest changed = TextDigest.Of(path);
        File.AppendAllText(path, "\n");

        Assert.Equal(written.Length, changed.Length);
        Assert.NotEqual(written, changed);
        Assert.NotEqual(written.Length, TextDigest.Of(path).Length);
    }

    private static byte[] Gunzip(string path)
    {
        using var input = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        using var text = new MemoryStream();
        input.CopyTo(text);
        return text.ToArray();
    }

    [Fact]
    public void WrongFieldCount_IsRejected()
    {
        using var writer = new CsvRecordWriter(_folder.File("out.csv"), ["a", "b"]);

        Assert.Throws<ArgumentException>(() => writer.WriteRecord(["1"]));
        writer.WriteField("1");
        Assert.Throws<InvalidOperationException>(writer.EndRecord);
    }

    [Fact]
    public void RawFieldThatBreaksFraming_IsRejected()
    {
        using var writer = new CsvRecordWriter(_folder.File("out.csv"), ["a"]);

        Assert.Throws<ArgumentException>(() => writer.WriteRawField("a,b"));
    }

    [Fact]
    public void UnpairedSurrogate_FailsInsteadOfWritingReplacement()
    {
        string path = _folder.File("out.csv");
        using var writer = new CsvRecordWriter(path, ["a"]);

        ArgumentException error = Assert.Throws<ArgumentException>(() => writer.WriteRecord(["ok\uD800"]));

        Assert.DoesNotContain("ok", error.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public Property WriteThenRead_RoundTripsAnyText()
    {
        char[] alphabet = [',', ';', '"', '\r', '\n', ' ', 'a', 'Z', '0', 'é', '中', '\t', '\\'];
        Gen<string?> cell = Gen.OneOf(
            Gen.Constant<string?>(null),
            Gen.Constant<string?>(string.Empty),
            Gen.Elements(alphabet).ArrayOf().Select(chars => (string?)new string(chars)),
            ArbMap.Default.GeneratorFor<string>().Where(IsWellFormed).Select(text => (string?)text));
        Gen<string?[][]> table = Gen.Choose(1, 4).SelectMany(columns => cell.ArrayOf(columns).ArrayOf());

        return Prop.ForAll(table.ToArbitrary(), rows =>
        {
            using var folder = new TemporaryFolder();
            string path = folder.File("roundtrip.csv");
            int columns = rows.Length == 0 ? 1 : rows[0].Length;
            string[] header = [.. Enumerable.Range(0, columns).Select(i => "c" + i)];
            using (var writer = new CsvRecordWriter(path, header))
            {
                foreach (string?[] row in rows)
                {
                    writer.WriteRecord(row);
                }

                writer.Commit();
            }

            List<string?[]> read = RecordReading.ReadCsv(path);
            return read.Count == rows.Length && read.Zip(rows).All(pair => pair.First.SequenceEqual(pair.Second));
        });
    }

    private static bool IsWellFormed(string? text) =>
        text is not null && Encoding.UTF8.GetByteCount(text) == new UTF8Encoding(false, false).GetByteCount(text) && !HasUnpairedSurrogate(text);

    private static bool HasUnpairedSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
