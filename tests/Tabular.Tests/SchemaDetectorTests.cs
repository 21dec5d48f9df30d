using SyntheticData.Testing;

namespace SyntheticData.Tabular.Tests;

public sealed class SchemaDetectorTests
{
    private static DetectedSchema DetectFile(string fileName)
    {
        using var reader = new CsvRecordReader(RepositoryPaths.SharedData(fileName));
        return SchemaDetector.Detect(reader);
    }

    private static DetectedSchema DetectRows(string header, params string[] lines)
    {
        string[] names = header.Split(',');
        IEnumerable<IReadOnlyList<string?>> rows = lines.Select(line => (IReadOnlyList<string?>)[.. line.Split(',').Select(value => value.Length == 0 ? null : value)]);
        return SchemaDetector.Detect(names, rows);
    }

    [Fact]
    public void Adult_TypesNamedColumns()
    {
        DetectedSchema schema = DetectFile("adult.csv");

        Assert.Equal(ColumnType.Integer, schema["age"].Type);
        Assert.Equal(ColumnType.Integer, schema["fnlwgt"].Type);
        Assert.Equal(ColumnType.Integer, schema["hours-per-week"].Type);
        Assert.Equal(ColumnType.Categorical, schema["workclass"].Type);
        Assert.Equal(ColumnType.Categorical, schema["native-country"].Type);
        Assert.Equal(ColumnType.Categorical, schema["sex"].Type);
        Assert.Equal(ColumnType.Categorical, schema["income"].Type);
        Assert.Equal(9, schema["workclass"].DistinctCount);
        Assert.Equal(1.0, schema["workclass"].PaddedShare);
        Assert.Equal(0, schema["workclass"].NullCount);
    }

    [Fact]
    public void GermanCredit_TypesNamedColumns()
    {
        DetectedSchema schema = DetectFile("german_credit.csv");

        Assert.Equal(ColumnType.Categorical, schema["checking_status"].Type);
        Assert.Equal(ColumnType.Categorical, schema["purpose"].Type);
        Assert.Equal(ColumnType.Integer, schema["duration"].Type);
        Assert.Equal(ColumnType.Integer, schema["credit_amount"].Type);
        Assert.Equal(ColumnType.Integer, schema["age"].Type);
        Assert.Equal(ColumnType.Categorical, schema["class"].Type);
    }

    [Fact]
    public void Bank_TypesNamedColumns()
    {
        DetectedSchema schema = DetectFile("bank.csv");

        Assert.Equal(ColumnType.Integer, schema["age"].Type);
        Assert.Equal(ColumnType.Integer, schema["balance"].Type);
        Assert.Equal(ColumnType.Categorical, schema["job"].Type);
        Assert.Equal(ColumnType.Categorical, schema["month"].Type);
        Assert.Equal(ColumnType.Boolean, schema["default"].Type);
        Assert.Equal(ColumnType.Boolean, schema["y"].Type);
    }

    [Fact]
    public void CreditDefault_TypesNamedColumns()
    {
        DetectedSchema schema = DetectFile("credit_default.csv");

        Assert.Equal(ColumnType.Identifier, schema["ID"].Type);
        Assert.Equal(ColumnType.Integer, schema["LIMIT_BAL"].Type);
        Assert.Equal(ColumnType.Integer, schema["BILL_AMT1"].Type);
        Assert.Equal(ColumnType.Integer, schema["AGE"].Type);
        Assert.Equal(ColumnType.Categorical, schema["SEX"].Type);
        Assert.Equal(ColumnType.Boolean, schema["default_payment_next_month"].Type);
    }

    [Fact]
    public void CardTransactions_TypesNamedColumns()
    {
        DetectedSchema schema = DetectFile("card_transactions.csv");

        Assert.Equal(ColumnType.Identifier, schema[""].Type);
        Assert.Equal(ColumnType.DateTime, schema["trans_date_trans_time"].Type);
        Assert.Equal(["yyyy-MM-dd HH:mm:ss"], schema["trans_date_trans_time"].DateTimeFormats);
        Assert.Equal(ColumnType.Identifier, schema["cc_num"].Type);
        Assert.Equal(ColumnType.Decimal, schema["amt"].Type);
        Assert.Equal(ColumnType.Decimal, schema["lat"].Type);
        Assert.Equal(ColumnType.Categorical, schema["category"].Type);
        Assert.Equal(ColumnType.Categorical, schema["gender"].Type);
        Assert.Equal(ColumnType.DateTime, schema["dob"].Type);
        Assert.Equal(["yyyy-MM-dd"], schema["dob"].DateTimeFormats);
        Assert.Equal(ColumnType.Identifier, schema["trans_num"].Type);
        Assert.Equal(ColumnType.Integer, schema["unix_time"].Type);
        Assert.Equal(ColumnType.Boolean, schema["is_fraud"].Type);
    }

    [Fact]
    public void BinaryZeroOne_IsBoolean()
    {
        // S4: outcome is 1 for 7 of 40 rows.
        int[] ones = [3, 8, 13, 19, 24, 31, 36];
        string[] lines = [.. Enumerable.Range(0, 40).Select(i => $"{80 + (3 * i)},{(ones.Contains(i) ? 1 : 0)}")];

        DetectedSchema schema = DetectRows("glucose,outcome", lines);

        Assert.Equal(ColumnType.Integer, schema["glucose"].Type);
        Assert.Equal(ColumnType.Boolean, schema["outcome"].Type);
    }

    [Fact]
    public void IntegerWithTwoValues_IsCategorical()
    {
        DetectedSchema schema = DetectRows("grade", "1", "2", "2", "1", "2");

        Assert.Equal(ColumnType.Categorical, schema["grade"].Type);
    }

    [Fact]
    public void UniqueReference_IsIdentifier()
    {
        // S5: customer_ref C000001 ... C005000, plan with three values, spend with two decimals.
        var random = new Random(5);
        string[] plans = ["basic", "plus", "pro"];
        string[] lines = [.. Enumerable.Range(1, 5000).Select(i => $"C{i:D6},{plans[random.Next(3)]},{Math.Round(Math.Exp(4 + (0.6 * random.NextDouble())), 2).ToString(System.Globalization.CultureInfo.InvariantCulture)}")];

        DetectedSchema schema = DetectRows("customer_ref,plan,spend", lines);

        Assert.Equal(ColumnType.Identifier, schema["customer_ref"].Type);
        Assert.Equal(ColumnType.Categorical, schema["plan"].Type);
        Assert.Equal(ColumnType.Decimal, schema["spend"].Type);
    }

    [Fact]
    public void YyyyMmDdIntegers_AreDates()
    {
        // S6 without a declaration: 8-digit integers that are all valid dates.
        DetectedSchema schema = DetectRows("event_date,amount", "20230623,120.50", "20210405,75.00", "20201221,300.10", "20190727,42.99", "20221107,88.00", "20200315,150.25");

        Assert.Equal(ColumnType.DateTime, schema["event_date"].Type);
        Assert.Equal(["yyyyMMdd"], schema["event_date"].DateTimeFormats);
        Assert.Equal(ColumnType.Decimal, schema["amount"].Type);
    }

    [Fact]
    public void MicrosecondTimestamps_AreDates()
    {
        // S7: 20-digit timestamps must not be read as numbers.
        DetectedSchema schema = DetectRows("ts,status", "20220902110443000000,ok", "20220916230356000000,ok", "20220826173917000000,fail", "20220901080000123456,ok");

        Assert.Equal(ColumnType.DateTime, schema["ts"].Type);
        Assert.Equal(["yyyyMMddHHmmssffffff"], schema["ts"].DateTimeFormats);
    }

    [Fact]
    public void MixedDateFormats_AreAllListed()
    {
        // A8: four spellings of one date and an empty cell.
        DetectedSchema schema = DetectRows("id,dob", "1,1985-04-17", "2,", "3,17.04.1985", "4,04/17/1985", "5,19850417");

        DetectedColumn dob = schema["dob"];
        Assert.Equal(ColumnType.DateTime, dob.Type);
        Assert.Equal(1, dob.NullCount);
        Assert.Contains("yyyy-MM-dd", dob.DateTimeFormats);
        Assert.Contains("dd.MM.yyyy", dob.DateTimeFormats);
        Assert.Contains("MM/dd/yyyy", dob.DateTimeFormats);
        Assert.Contains("yyyyMMdd", dob.DateTimeFormats);
    }

    [Fact]
    public void MixedCategorical_CountsOriginalTexts()
    {
        // S13: 1, 2, 3 and A, with blanks as missing values.
        DetectedSchema schema = DetectRows("grade,pass", "1,yes", "2,no", ",yes", "1,yes", "3,no", ",no", "2,yes", "A,yes");

        Assert.Equal(ColumnType.Categorical, schema["grade"].Type);
        Assert.Equal(4, schema["grade"].DistinctCount);
        Assert.Equal(2, schema["grade"].NullCount);
        Assert.Equal(ColumnType.Boolean, schema["pass"].Type);
    }

    [Fact]
    public void LeadingZeroCodes_AreNotIntegers()
    {
        DetectedSchema schema = DetectRows("zip", "01234", "02345", "01234", "09999");

        Assert.Equal(ColumnType.Categorical, schema["zip"].Type);
    }

    [Fact]
    public void LongText_IsFreeText()
    {
        DetectedSchema schema = DetectRows(
            "note",
            "the parcel arrived late and the box was damaged on one side",
            "customer asked to change the delivery address before shipping",
            "refund issued after a second complaint about the same order");

        Assert.Equal(ColumnType.FreeText, schema["note"].Type);
    }

    [Fact]
    public void Declaration_OverridesDetection()
    {
        // S8: store_id declared categorical keeps its integer texts as categories.
        var options = new SchemaDetectionOptions
        {
            Declarations = new Dictionary<string, ColumnDeclaration> { ["store_id"] = new(ColumnType.Categorical) },
        };
        string[] names = ["store_id", "units"];
        IReadOnlyList<string?>[] rows = [["101", "5"], ["102", "3"], ["101", "8"], ["103", "2"]];

        DetectedSchema schema = SchemaDetector.Detect(names, rows, options);

        Assert.Equal(ColumnType.Categorical, schema["store_id"].Type);
        Assert.True(schema["store_id"].IsDeclared);
        Assert.Equal(ColumnType.Integer, schema["units"].Type);
    }

    [Fact]
    public void Reader_SamplesAtMostSampleRows()
    {
        using var reader = new CsvRecordReader(RepositoryPaths.SharedData("adult.csv"));

        DetectedSchema schema = SchemaDetector.Detect(reader, new SchemaDetectionOptions { SampleRows = 500 });

        Assert.Equal(500, schema.SampledRows);
        Assert.Equal(500, schema["age"].RowCount);
    }

    [Fact]
    public void DeclaredDateTimeWithoutFormat_IsRejected()
    {
        var options = new SchemaDetectionOptions
        {
            Declarations = new Dictionary<string, ColumnDeclaration> { ["ts"] = new(ColumnType.DateTime) },
        };

        Assert.Throws<ArgumentException>(options.Validate);
    }
}
