using SyntheticData.Testing;

namespace SyntheticData.Tabular.Tests;

public sealed class TableReaderTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Adult_BuildsTypedColumns()
    {
        TableReadResult result = TableReader.Read(RepositoryPaths.SharedData("adult.csv"));

        Assert.Equal(32561, result.Table.RowCount);
        Assert.Empty(result.InvalidCells);
        var age = Assert.IsType<NumericColumn>(result.Table["age"]);
        Assert.True(age.IsInteger);
        Assert.Equal(39, age.Values[0]);
        var workclass = Assert.IsType<CategoricalColumn>(result.Table["workclass"]);
        Assert.Equal(9, workclass.Categories.Count);
        Assert.Contains(" ?", workclass.Categories);
        Assert.Equal(" State-gov", workclass.FormatValue(0));
    }

    [Fact]
    public void MaxRows_LimitsRowsRead()
    {
        TableReadResult result = TableReader.Read(RepositoryPaths.SharedData("bank.csv"), new TableReadOptions { MaxRows = 100 });

        Assert.Equal(100, result.Table.RowCount);
    }

    [Fact]
    public void DeclaredDateFormats_ParseEverySpelling()
    {
        // A8: four declared formats give the same date; empty and NULL stay missing; an unknown spelling is reported by line.
        string path = _folder.WriteText(
            "a8.csv",
            "id,dob,created_at\n1,1985-04-17,2024-03-01 09:15:00.000\n2,,2024-03-02 10:00:00.000\n3,17.04.1985,2024-03-03\n4,04/17/1985,NULL\n5,19850417,2024-03-05T08:00:00Z\n6,17th April,2024-03-06\n");
        var options = new TableReadOptions
        {
            Csv = new CsvReadOptions { NullMarkers = ["", "NULL"] },
            Detection = new SchemaDetectionOptions
            {
                Declarations = new Dictionary<string, ColumnDeclaration>
                {
                    ["dob"] = new(ColumnType.DateTime, ["yyyy-MM-dd", "dd.MM.yyyy", "MM/dd/yyyy", "yyyyMMdd"]),
                    ["created_at"] = new(ColumnType.DateTime, ["yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK"]),
                },
            },
        };

        TableReadResult result = TableReader.Read(path, options);

        var dob = Assert.IsType<DateTimeColumn>(result.Table["dob"]);
        double expected = (new DateTime(1985, 4, 17, 0, 0, 0, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalSeconds;
        Assert.Equal(expected, dob.SecondsSinceEpoch[0]);
        Assert.True(double.IsNaN(dob.SecondsSinceEpoch[1]));
        Assert.Equal(expected, dob.SecondsSinceEpoch[2]);
        Assert.Equal(expected, dob.SecondsSinceEpoch[3]);
        Assert.Equal(expected, dob.SecondsSinceEpoch[4]);
        Assert.Equal("1985-04-17", dob.FormatValue(4));
        var created = Assert.IsType<DateTimeColumn>(result.Table["created_at"]);
        Assert.True(created.IsNull(3));
        Assert.Equal(6, result.Table.RowCount);
        InvalidCell invalid = Assert.Single(result.InvalidCells);
        Assert.Equal(7, invalid.LineNumber);
        Assert.Equal("dob", invalid.ColumnName);
        Assert.DoesNotContain("April", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void StrftimeDeclaration_ReadsYyyyMmDdIntegers()
    {
        // S6: the declared format applies to integer-looking values, and writing gives the same 8 digits.
        string path = _folder.WriteText("s6.csv", "event_date,amount\n20230623,120.50\n20210405,75.00\n20201221,300.10\n20190727,42.99\n");
        var options = new TableReadOptions
        {
            Detection = new SchemaDetectionOptions
            {
                Declarations = new Dictionary<string, ColumnDeclaration> { ["event_date"] = new(ColumnType.DateTime, [DateTimeFormats.FromStrftime("%Y%m%d")]) },
            },
        };

        TableReadResult result = TableReader.Read(path, options);
        string output = _folder.File("s6-out.csv");
        TableWriter.WriteCsv(result.Table, output);

        var dates = Assert.IsType<DateTimeColumn>(result.Table["event_date"]);
        Assert.Equal(new DateTime(2023, 6, 23, 0, 0, 0, DateTimeKind.Utc), DateTime.UnixEpoch.AddSeconds(dates.SecondsSinceEpoch[0]));
        Assert.Equal("event_date,amount\n20230623,120.5\n20210405,75\n20201221,300.1\n20190727,42.99\n", File.ReadAllText(output));
    }

    [Fact]
    public void MicrosecondTimestamps_RoundTripWithoutOverflow()
    {
        // S7: 20-digit timestamps keep their microseconds and their 20-digit form.
        string path = _folder.WriteText("s7.csv", "ts,status\n20220902110443000000,ok\n20220916230356000000,ok\n20220826173917000000,fail\n20220901080000123456,ok\n");

        TableReadResult result = TableReader.Read(path);
        string output = _folder.File("s7-out.csv");
        TableWriter.WriteCsv(result.Table, output);

        var ts = Assert.IsType<DateTimeColumn>(result.Table["ts"]);
        Assert.Equal("yyyyMMddHHmmssffffff", ts.Format);
        Assert.Equal("20220901080000123456", ts.FormatValue(3));
        Assert.Equal(File.ReadAllText(path), File.ReadAllText(output));
    }

    [Fact]
    public void IntegerCategories_StayIntegerText()
    {
        // S8: store_id declared categorical keeps 101, never 101.0; units stays integer; nulls stay null.
        string path = _folder.WriteText("s8.csv", "store_id,units\n101,5\n102,3\n101,8\n103,\n102,6\n,4\n");
        var options = new TableReadOptions
        {
            Detection = new SchemaDetectionOptions
            {
                Declarations = new Dictionary<string, ColumnDeclaration> { ["store_id"] = new(ColumnType.Categorical) },
            },
        };

        TableReadResult result = TableReader.Read(path, options);
        string output = _folder.File("s8-out.csv");
        TableWriter.WriteCsv(result.Table, output);

        var store = Assert.IsType<CategoricalColumn>(result.Table["store_id"]);
        Assert.Equal(["101", "102", "103"], store.Categories);
        Assert.True(store.IsNull(5));
        var units = Assert.IsType<NumericColumn>(result.Table["units"]);
        Assert.True(units.IsInteger);
        Assert.Equal(File.ReadAllText(path), File.ReadAllText(output));
    }

    [Fact]
    public void MixedCategorical_HasFiveCategoriesWithNull()
    {
        // S13: categories 1, 2, 3 and A by their text, and one missing category.
        string path = _folder.WriteText("s13.csv", "grade,pass\n1,yes\n2,no\n,yes\n1,yes\n3,no\n,no\n2,yes\nA,yes\n");

        TableReadResult result = TableReader.Read(path);

        var grade = Assert.IsType<CategoricalColumn>(result.Table["grade"]);
        Assert.Equal(["1", "2", "3", "A"], grade.Categories);
        Assert.Equal(2, Enumerable.Range(0, grade.Length).Count(grade.IsNull));
        var pass = Assert.IsType<CategoricalColumn>(result.Table["pass"]);
        Assert.Equal(ColumnType.Boolean, pass.Type);
        Assert.Equal(["no", "yes"], pass.Categories);
        Assert.Equal(1, pass.Codes[0]);
    }

    [Fact]
    public void CardTransactions_KeepsUnnamedIndexAndCardDigits()
    {
        TableReadResult result = TableReader.Read(RepositoryPaths.SharedData("card_transactions.csv"));

        Assert.Equal(5116, result.Table.RowCount);
        Assert.Equal(string.Empty, result.Table.Columns[0].Name);
        var cards = Assert.IsType<TextColumn>(result.Table["cc_num"]);
        Assert.Equal("2291163933867244", cards.Values[0]);
        var dob = Assert.IsType<DateTimeColumn>(result.Table["dob"]);
        Assert.Equal("1968-03-19", dob.FormatValue(0));
    }

    [Fact]
    public void CsvRoundTrip_KeepsAdultFileValues()
    {
        string output = _folder.File("adult-out.csv");
        TableReadResult first = TableReader.Read(RepositoryPaths.SharedData("adult.csv"));

        TableWriter.WriteCsv(first.Table, output);
        TableReadResult second = TableReader.Read(output);

        Assert.Equal(first.Table.RowCount, second.Table.RowCount);
        foreach (Column column in first.Table.Columns)
        {
            Column other = second.Table[column.Name];
            Assert.Equal(column.Type, other.Type);
            for (int row = 0; row < first.Table.RowCount; row += 97)
            {
                Assert.Equal(column.FormatValue(row), other.FormatValue(row));
            }
        }
    }
}
