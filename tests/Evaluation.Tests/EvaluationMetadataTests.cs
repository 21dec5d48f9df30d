using SyntheticData.Tabular;

namespace SyntheticData.Evaluation.Tests;

public sealed class EvaluationMetadataTests
{
    [Fact]
    public void Parse_SingleTableForm()
    {
        EvaluationMetadata metadata = EvaluationMetadata.Parse("""
            {"columns": {"a": {"sdtype": "numerical"}, "d": {"sdtype": "datetime", "datetime_format": "%Y-%m-%d"},
                         "c": {"sdtype": "categorical"}, "b": {"sdtype": "boolean"}, "e": {"sdtype": "email"}}}
            """);

        Assert.Equal(["a", "d", "c", "b", "e"], metadata.Columns.Select(c => c.Name));
        Assert.Equal([SdType.Numerical, SdType.Datetime, SdType.Categorical, SdType.Boolean, SdType.Id], metadata.Columns.Select(c => c.SdType));
        Assert.Equal("%Y-%m-%d", metadata["d"].DatetimeFormat);
        Assert.Equal(["a", "d", "c", "b"], metadata.ModelableColumns.Select(c => c.Name));
    }

    [Fact]
    public void Parse_MultiTableFormWithOneTable()
    {
        EvaluationMetadata metadata = EvaluationMetadata.Parse("""{"tables": {"table": {"columns": {"x": {"sdtype": "id"}}}}}""");

        Assert.Equal(SdType.Id, metadata["x"].SdType);
    }

    [Theory]
    [InlineData("{\"columns\": {\"x\": {}}}")]
    [InlineData("{\"tables\": {}}")]
    [InlineData("{\"rows\": 3}")]
    [InlineData("{not json")]
    public void Parse_RejectsInvalidMetadata(string json)
    {
        Assert.Throws<EvaluationException>(() => EvaluationMetadata.Parse(json));
    }

    [Fact]
    public void FromTable_MapsColumnTypes()
    {
        var table = new Table(
        [
            new NumericColumn("n", [1, 2], isInteger: true),
            new DateTimeColumn("t", [0, 86400], "yyyy-MM-dd"),
            new CategoricalColumn("c", [0, 1], ["x", "y"]),
            new CategoricalColumn("b", [0, 1], ["True", "False"], isBoolean: true),
            new TextColumn("id", ["1", "2"], ColumnType.Identifier),
        ]);

        EvaluationMetadata metadata = EvaluationMetadata.FromTable(table);

        Assert.Equal([SdType.Numerical, SdType.Datetime, SdType.Categorical, SdType.Boolean, SdType.Id], metadata.Columns.Select(c => c.SdType));
    }

    [Fact]
    public void MetricColumn_ParsesTextDeclaredDatetime()
    {
        var column = new TextColumn("when", ["2021-01-02", null], ColumnType.FreeText);

        MetricColumn converted = MetricColumn.From(column, new ColumnMetadata("when", SdType.Datetime, "%Y-%m-%d"));

        Assert.Equal(new DateTime(2021, 1, 2, 0, 0, 0, DateTimeKind.Utc).Subtract(DateTime.UnixEpoch).Ticks * 100.0, converted.Numbers![0]);
        Assert.True(double.IsNaN(converted.Numbers[1]));
    }

    [Fact]
    public void MetricColumn_BadNumberNamesRowNotValue()
    {
        var column = new TextColumn("amount", ["12", "secret-value"], ColumnType.FreeText);

        EvaluationException error = Assert.Throws<EvaluationException>(() => MetricColumn.From(column, new ColumnMetadata("amount", SdType.Numerical)));

        Assert.Contains("'amount', row 2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", error.Message, StringComparison.Ordinal);
    }
}
