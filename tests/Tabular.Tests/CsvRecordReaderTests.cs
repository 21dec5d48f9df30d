using System.Text;

namespace SyntheticData.Tabular.Tests;

public sealed class CsvRecordReaderTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static void AssertRecord(string?[] expected, string?[] actual) => Assert.Equal<IEnumerable<string?>>(expected, actual);

    [Fact]
    public void QuotedFields_KeepSeparatorsQuotesAndLineBreaks()
    {
        // A9 without the trailing header separator: the line break stays inside record 1.
        string path = _folder.WriteText("a9.csv", "id,name,address\n1,\"Rivera, Lena\",\"12 Elm St\nApt 4\"\n2,\"O\"\"Neil, Sam\",9 Oak Ave\n");

        using var reader = new CsvRecordReader(path);
        List<string?[]> records = RecordReading.ReadAll(reader);

        Assert.Equal(2, records.Count);
        AssertRecord(["1", "Rivera, Lena", "12 Elm St\nApt 4"], records[0]);
        AssertRecord(["2", "O\"Neil, Sam", "9 Oak Ave"], records[1]);
    }

    [Fact]
    public void RecordLineNumbers_CountEmbeddedLineBreaks()
    {
        string path = _folder.WriteText("lines.csv", "id,note\n1,\"a\nb\"\n2,c\n");

        using var reader = new CsvRecordReader(path);
        Assert.True(reader.ReadNext());
        Assert.Equal(2, reader.LineNumber);
        Assert.True(reader.ReadNext());
        Assert.Equal(4, reader.LineNumber);
        Assert.Equal(2, reader.RecordNumber);
        Assert.False(reader.ReadNext());
    }

    [Theory]
    [InlineData("id,x\n1,2\n\n")]
    [InlineData("id,x\n1,2\n\n\n")]
    [InlineData("id,x\r\n1,2\r\n\r\n")]
    public void TrailingBlankLines_AreSkipped(string text)
    {
        string path = _folder.WriteText("trailing.csv", text);

        using var reader = new CsvRecordReader(path);
        List<string?[]> records = RecordReading.ReadAll(reader);

        Assert.Single(records);
        AssertRecord(["1", "2"], records[0]);
        Assert.Equal(1, reader.RecordNumber);
        Assert.False(reader.ReadNext());
    }

    [Fact]
    public void BlankLineBetweenRecords_NamesItsLine()
    {
        string path = _folder.WriteText("middle.csv", "id,x\n1,2\n\n\n3,4\n");

        using var reader = new CsvRecordReader(path);
        Assert.True(reader.ReadNext());
        DataFormatException error = Assert.Throws<DataFormatException>(() => reader.ReadNext());

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("blank", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneColumnBlankLine_IsEmptyRecord()
    {
        string path = _folder.WriteText("one.csv", "note\na\n\nb\n");

        List<string?[]> records = RecordReading.ReadCsv(path);

        Assert.Equal(3, records.Count);
        Assert.Null(records[1][0]);
    }

    [Fact]
    public void HeaderErrors_NameLineOne()
    {
        string duplicate = _folder.WriteText("duplicate.csv", "a,a\n1,2\n");
        string unclosed = _folder.WriteText("unclosed.csv", "x,\"a\"\"b,c\n");

        DataFormatException duplicateError = Assert.Throws<DataFormatException>(() => new CsvRecordReader(duplicate));
        DataFormatException unclosedError = Assert.Throws<DataFormatException>(() => new CsvRecordReader(unclosed));

        Assert.Equal(1, duplicateError.LineNumber);
        Assert.Equal(1, unclosedError.LineNumber);

        // Positions count from 1, as lines do.
        Assert.Contains("line 1 (position 2)", duplicateError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoHeader_FirstRecordIsLineOne()
    {
        string path = _folder.WriteText("nohead-lines.csv", "1,2\n3,4,5\n");

        using var reader = new CsvRecordReader(path, new CsvReadOptions { HasHeader = false });
        Assert.True(reader.ReadNext());
        Assert.Equal(1, reader.LineNumber);
        DataFormatException error = Assert.Throws<DataFormatException>(() => reader.ReadNext());

        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public void TrailingHeaderSeparator_FailsWithCounts()
    {
        // A9 as given: the header ends with a separator, so it has 4 fields and the records 3.
        string path = _folder.WriteText("a9.csv", "id,name,address,\n1,\"Rivera, Lena\",\"12 Elm St\nApt 4\"\n2,\"O\"\"Neil, Sam\",9 Oak Ave\n");

        using var reader = new CsvRecordReader(path);
        Assert.Equal(["id", "name", "address", ""], reader.Header);
        DataFormatException error = Assert.Throws<DataFormatException>(() => reader.ReadNext());

        Assert.Equal(2, error.LineNumber);
        Assert.Contains("3 fields", error.Message, StringComparison.Ordinal);
        Assert.Contains("header has 4", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Rivera", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortAndLongRecords_FailWithLineNumber()
    {
        string shortPath = _folder.WriteText("short.csv", "a,b,c\n1,2,3\n4,5\n");
        string longPath = _folder.WriteText("long.csv", "a,b,c\n1,2,3\n4,5,6\n7,8,9,10\n");

        using (var reader = new CsvRecordReader(shortPath))
        {
            Assert.True(reader.ReadNext());
            DataFormatException error = Assert.Throws<DataFormatException>(() => reader.ReadNext());
            Assert.Equal(3, error.LineNumber);
            Assert.Equal(shortPath, error.SourceName);
        }

        using (var reader = new CsvRecordReader(longPath))
        {
            Assert.True(reader.ReadNext());
            Assert.True(reader.ReadNext());
            DataFormatException error = Assert.Throws<DataFormatException>(() => reader.ReadNext());
            Assert.Equal(4, error.LineNumber);
            Assert.Contains("4 fields", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Bom_IsStrippedFromFirstHeader()
    {
        // A10: EF BB BF before "ssn".
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("ssn,full_name\n536-22-7419,Lena Rivera\n")];
        string path = _folder.WriteBytes("a10.csv", bytes);

        using var reader = new CsvRecordReader(path);
        List<string?[]> records = RecordReading.ReadAll(reader);

        Assert.Equal("ssn", reader.Header[0]);
        Assert.Equal(3, reader.Header[0].Length);
        AssertRecord(["536-22-7419", "Lena Rivera"], records[0]);
    }

    [Fact]
    public void NullMarkers_KeepRawText()
    {
        // A12 with NULL and \N declared as null markers.
        string path = _folder.WriteText("a12.csv", "id,email,phone\n1,,(212) 555-0147\n2,NULL,\n3,\\N,(212) 555-0199\n4,\"\",\n");
        var options = new CsvReadOptions { NullMarkers = ["", "NULL", "\\N", "\"\""] };

        using var reader = new CsvRecordReader(path, options);
        var rawEmail = new List<string>();
        var nullEmail = new List<bool>();
        while (reader.ReadNext())
        {
            rawEmail.Add(new string(reader.GetRawSpan(1)));
            nullEmail.Add(reader.IsNull(1));
        }

        Assert.Equal([true, true, true, true], nullEmail);
        Assert.Equal(["", "NULL", "\\N", "\"\""], rawEmail);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryGetSpan_AgreesWithIsNullAndGetSpan(bool onlyEmptyIsNull)
    {
        // Rows with and without quotes take different paths, and fields shorter, as long as and longer than the markers.
        string path = _folder.WriteText(
            "try.csv",
            "a,b,c,d\n,NULL,\\N,NULLS\nN,\"NULL\",x,\"\"\n\"q,1\",,NUL,\\N\n  ,abcdef,\"\",NULL\n");
        var options = new CsvReadOptions { NullMarkers = onlyEmptyIsNull ? [""] : ["", "NULL", "\\N"] };

        using var reader = new CsvRecordReader(path, options);
        int fields = 0;
        while (reader.ReadNext())
        {
            for (int i = 0; i < reader.FieldCount; i++)
            {
                bool present = reader.TryGetSpan(i, out ReadOnlySpan<char> value);
                Assert.Equal(!reader.IsNull(i), present);
                Assert.Equal(new string(reader.GetSpan(i)), new string(value));
                fields++;
            }
        }

        Assert.Equal(16, fields);
    }

    [Fact]
    public void TryGetSpan_ReportsMarkersAsMissing()
    {
        string path = _folder.WriteText("markers.csv", "a,b,c,d\n,NULL,\\N,NULLS\n");
        var options = new CsvReadOptions { NullMarkers = ["", "NULL", "\\N"] };

        using var reader = new CsvRecordReader(path, options);
        Assert.True(reader.ReadNext());

        Assert.False(reader.TryGetSpan(0, out _));
        Assert.False(reader.TryGetSpan(1, out _));
        Assert.False(reader.TryGetSpan(2, out _));
        Assert.True(reader.TryGetSpan(3, out ReadOnlySpan<char> longer));
        Assert.Equal("NULLS", new string(longer));
    }

    [Fact]
    public void QuotedMarkers_AreText()
    {
        string path = _folder.WriteText("quoted.csv", "a,b,c\n,\"\",\"NULL\"\n");
        var options = new CsvReadOptions { NullMarkers = ["", "NULL"] };

        List<string?[]> records = RecordReading.ReadCsv(path, options);

        Assert.Null(records[0][0]);
        Assert.Equal(string.Empty, records[0][1]);
        Assert.Equal("NULL", records[0][2]);
    }

    [Fact]
    public void Open_TruncatedGzipHeader_Fails()
    {
        byte[] bytes = File.ReadAllBytes(_folder.WriteGzip("whole.csv.gz", "id,email,comment\nC1,a@example.com,ok\n"));
        string path = _folder.WriteBytes("cut.csv.gz", bytes[..25]);

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReaderFactory.Open(path));

        Assert.Contains("gzip data is corrupt or truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GzipMembersJoined_FailWithHowToRecompress()
    {
        byte[] first = File.ReadAllBytes(_folder.WriteGzip("first.csv.gz", "id,email\nC1,a@example.com\n"));
        byte[] second = File.ReadAllBytes(_folder.WriteGzip("second.csv.gz", "C2,b@example.com\n"));
        string path = _folder.WriteBytes("joined.csv.gz", [.. first, .. second]);

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadAll(RecordReaderFactory.Open(path)));

        Assert.Contains("several gzip members", error.Message, StringComparison.Ordinal);

        // The reader decompresses ahead of the line it reads, so no line can be named.
        Assert.Null(error.LineNumber);
        Assert.Contains("| gzip >", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GzipInput_IsDetectedByMagicBytes()
    {
        string path = _folder.WriteGzip("data.csv.bin", "x,y\n1,\"a,b\"\n2,c\n");

        List<string?[]> records = RecordReading.ReadCsv(path);

        Assert.Equal(2, records.Count);
        Assert.Equal("a,b", records[0][1]);
    }

    [Fact]
    public void TruncatedGzip_FailsAsDataFormat()
    {
        var text = new StringBuilder("id,value\n");
        var random = new Random(7);
        for (int i = 0; i < 50_000; i++)
        {
            text.Append(i).Append(',').Append(random.Next()).Append('\n');
        }

        string whole = _folder.WriteGzip("whole.csv.gz", text.ToString());
        byte[] bytes = File.ReadAllBytes(whole);
        string path = _folder.WriteBytes("truncated.csv.gz", bytes[..(bytes.Length / 2)]);

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadCsv(path));

        Assert.Contains("gzip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConcatenatedGzipMembers_AreRejected()
    {
        byte[] first = File.ReadAllBytes(_folder.WriteGzip("one.gz", "a,b\n1,2\n"));
        byte[] second = File.ReadAllBytes(_folder.WriteGzip("two.gz", "3,4\n"));
        string path = _folder.WriteBytes("joined.csv.gz", [.. first, .. second]);

        Assert.Throws<DataFormatException>(() => RecordReading.ReadCsv(path));
    }

    [Fact]
    public void InvalidUtf8_FailsWithByteOffset()
    {
        byte[] prefix = Encoding.UTF8.GetBytes("id,name\n1,Zoë\n2,Jos");
        byte[] bytes = [.. prefix, 0xE9, .. Encoding.UTF8.GetBytes("\n")];
        string path = _folder.WriteBytes("latin1.csv", bytes);

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadCsv(path));

        Assert.Equal(prefix.Length, error.ByteOffset);
        Assert.Equal(3, error.LineNumber);
        Assert.Contains("invalid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8_OffsetCountsBomAndLaterBuffers()
    {
        var text = new StringBuilder("id,value\n");
        for (int i = 0; i < 20_000; i++)
        {
            text.Append(i).Append(",ä-value\n");
        }

        byte[] body = Encoding.UTF8.GetBytes(text.ToString());
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. body, 0xC3, 0x28, 0x0A];
        string path = _folder.WriteBytes("late.csv", bytes);

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadCsv(path));

        Assert.Equal(3 + body.Length, error.ByteOffset);
        Assert.Equal(20_002, error.LineNumber);
    }

    [Fact]
    public void Windows1252_IsUsedOnlyWhenDeclared()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("id,name\n1,Jos"), 0xE9, 0x20, 0x80, 0x0A];
        string path = _folder.WriteBytes("cp1252.csv", bytes);

        Assert.Throws<DataFormatException>(() => RecordReading.ReadCsv(path));
        List<string?[]> records = RecordReading.ReadCsv(path, new CsvReadOptions { EncodingName = "windows-1252" });

        Assert.Equal("José €", records[0][1]);
    }

    [Theory]
    [InlineData("windows-1252")]
    [InlineData("iso-8859-1")]
    public void Utf8ByteOrderMark_WithSingleByteEncoding_Fails(string encoding)
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.ASCII.GetBytes("id,name\n1,Jose\n")];
        string path = _folder.WriteBytes("bom.csv", bytes);

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadCsv(path, new CsvReadOptions { EncodingName = encoding }));

        Assert.Contains("UTF-8 byte order mark", error.Message, StringComparison.Ordinal);
        Assert.Equal("Jose", RecordReading.ReadCsv(path)[0][1]);
    }

    [Fact]
    public void DeclaredEncoding_InvalidByte_NamesItsLine()
    {
        // 0xE9 is not ASCII. The byte sits on line 4 at offset 21, far inside the reader's first buffer.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("id,name\n1,a\n2,b\n3,Jos"), 0xE9, 0x0A];
        string path = _folder.WriteBytes("ascii.csv", bytes);

        DataFormatException exception = Assert.Throws<DataFormatException>(() => RecordReading.ReadCsv(path, new CsvReadOptions { EncodingName = "us-ascii" }));

        Assert.Equal(4, exception.LineNumber);
        Assert.Equal(21, exception.ByteOffset);
        Assert.Contains("invalid byte for the declared encoding us-ascii", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnclosedQuote_Fails()
    {
        string path = _folder.WriteText("open.csv", "a,b\n1,\"never closed\n2,x\n");

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadCsv(path));

        Assert.Equal(2, error.LineNumber);
        Assert.Equal(1, error.ColumnIndex);
        Assert.Equal("b", error.ColumnName);
    }

    [Fact]
    public void UnclosedQuoteMidRecord_NamesColumn()
    {
        // The open quote swallows the rest of the file, so the record also has too few fields.
        string path = _folder.WriteText("open-middle.csv", "a,b,c\n1,\"never closed,2\n3,4,5\n");

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadCsv(path));

        Assert.Equal(2, error.LineNumber);
        Assert.Equal(1, error.ColumnIndex);
        Assert.Equal("b", error.ColumnName);
        Assert.Contains("not closed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,\"North, Jose,2\n3,\"quoted, later\",4\n5,6,7\n", "not closed on its line")]
    [InlineData("1,Nor\"th,2\n3,\"x, y\",4\n5,6,7\n", "quote character inside an unquoted field")]
    public void MisplacedQuoteBeforeLaterQuotes_NamesColumn(string records, string reason)
    {
        // Later quotes pair with the misplaced one, so the record gets a wrong field count instead of an open quote.
        string path = _folder.WriteText("misplaced.csv", "a,b,c\n" + records);

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadCsv(path));

        Assert.Equal(2, error.LineNumber);
        Assert.Equal("b", error.ColumnName);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("North", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortRecord_NamesFirstMissingColumn()
    {
        string path = _folder.WriteText("short-named.csv", "id,email,phone\n1,a\n");

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadCsv(path));

        Assert.Equal(2, error.LineNumber);
        Assert.Contains("column 'phone'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuoteInsideUnquotedField_Fails()
    {
        string path = _folder.WriteText("inner.csv", "a,b\n1,5'10\"\n");

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadCsv(path));

        Assert.Equal(1, error.ColumnIndex);
        Assert.DoesNotContain("5'10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextAfterClosingQuote_Fails()
    {
        string path = _folder.WriteText("after.csv", "a,b\n1,\"x\"y\n");

        Assert.Throws<DataFormatException>(() => RecordReading.ReadCsv(path));
    }

    [Fact]
    public void QuotedHeaderNames_KeepSpacesAndPunctuation()
    {
        // A6: header names are kept byte for byte.
        string path = _folder.WriteText("a6.csv", "\"Full Name\",\"e-mail\",\"2nd phone\",class\nAda Brennick,ada.b@example.org,(212) 555-0147,gold\n");

        using var reader = new CsvRecordReader(path);

        Assert.Equal(["Full Name", "e-mail", "2nd phone", "class"], reader.Header);
    }

    [Fact]
    public void DuplicateHeader_Fails()
    {
        string path = _folder.WriteText("dup.csv", "a,b,a\n1,2,3\n");

        DataFormatException error = Assert.Throws<DataFormatException>(() => new CsvRecordReader(path));

        Assert.Equal(2, error.ColumnIndex);
        Assert.Contains("repeats the one at position 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x,jane@example.com,jane@example.com\n1,2,3\n", "jane@example.com")]
    [InlineData("0,4111111111111111,4111111111111111\n1,2,3\n", "4111111111111111")]
    [InlineData("id,we\"ird,c\n1,2,3\n", "we")]
    public void HeaderErrors_NameNoValue(string text, string value)
    {
        string path = _folder.WriteText("first-record.csv", text);

        DataFormatException error = Assert.Throws<DataFormatException>(() => new CsvRecordReader(path));

        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        Assert.Null(error.ColumnName);
    }

    [Fact]
    public void EmptyFile_Fails()
    {
        string path = _folder.WriteText("empty.csv", string.Empty);

        Assert.Throws<DataFormatException>(() => new CsvRecordReader(path));
    }

    [Fact]
    public void OtherSeparatorAndCrLf_AreRead()
    {
        string path = _folder.WriteText("semi.csv", "a;b\r\n1;\"x;y\"\r\n2;z\r\n");

        List<string?[]> records = RecordReading.ReadCsv(path, new CsvReadOptions { Separator = ';' });

        AssertRecord(["1", "x;y"], records[0]);
        AssertRecord(["2", "z"], records[1]);
    }

    [Fact]
    public void BlankLine_FailsWithItsLine()
    {
        string path = _folder.WriteText("blank.csv", "a,b\n1,2\n\n3,4\n");

        DataFormatException error = Assert.Throws<DataFormatException>(() => RecordReading.ReadCsv(path));

        Assert.Equal(3, error.LineNumber);
    }

    [Fact]
    public void CarriageReturnLineEnds_AreRead()
    {
        string path = _folder.WriteText("cr.csv", "a,b\r1,2\r3,\"x\ry\"\r");

        List<string?[]> records = RecordReading.ReadCsv(path);

        Assert.Equal(2, records.Count);
        AssertRecord(["3", "x\ry"], records[1]);
    }

    [Fact]
    public void NoHeader_NamesColumnsByPosition()
    {
        string path = _folder.WriteText("nohead.csv", "1,2\n3,4\n");

        using var reader = new CsvRecordReader(path, new CsvReadOptions { HasHeader = false });
        List<string?[]> records = RecordReading.ReadAll(reader);

        Assert.Equal(["column1", "column2"], reader.Header);
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public void VeryLongCell_IsReadWhole()
    {
        // A11: a 5,000 character cell is not cut.
        string notes = new string('x', 299) + " reach me at ines.o@example.com " + new string('y', 4_569) + "4111111111111111";
        string path = _folder.WriteText("a11.csv", "id,notes\n1,\"" + notes + "\"\n");

        List<string?[]> records = RecordReading.ReadCsv(path);

        Assert.Equal(notes, records[0][1]);
    }

    [Fact]
    public void MegabyteCell_IsReadWhole()
    {
        string notes = string.Concat(Enumerable.Repeat("lorem, \"ipsum\"\n", 1 << 16));
        string path = _folder.WriteText("long.csv", "id,notes\n1,\"" + notes.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"\n2,x\n");

        List<string?[]> records = RecordReading.ReadCsv(path);

        Assert.Equal(2, records.Count);
        Assert.Equal(notes.Length, records[0][1]!.Length);
        Assert.Equal(notes, records[0][1]);
    }

    [Fact]
    public void Progress_ReportsBytesAndTotal()
    {
        string path = _folder.WriteText("progress.csv", "a\n1\n2\n");

        using var reader = new CsvRecordReader(path);
        RecordReading.ReadAll(reader);

        Assert.Equal(new FileInfo(path).Length, reader.TotalBytes);
        Assert.Equal(new FileInfo(path).Length, reader.BytesRead);
    }

    [Fact]
    public void InvalidOptions_ListEveryProblem()
    {
        var options = new CsvReadOptions { Separator = '"', EncodingName = "no-such-encoding" };

        ArgumentException error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("Separator", error.Message, StringComparison.Ordinal);
        Assert.Contains("EncodingName", error.Message, StringComparison.Ordinal);
    }
}
