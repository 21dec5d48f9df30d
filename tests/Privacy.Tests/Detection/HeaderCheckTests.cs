using SyntheticData.Privacy.Detection;
using SyntheticData.Tabular;
using SyntheticData.Testing;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class HeaderCheckTests
{
    private static readonly TextScanner Scanner = new();

    [Theory]
    [InlineData(new[] { "1", "john.doe@example.com", "123-45-6789" }, 2, "an e-mail address")]
    [InlineData(new[] { "id", "4111 1111 1111 1111" }, 2, "a card number")]
    [InlineData(new[] { "DE89370400440532013000", "x" }, 1, "an IBAN")]
    [InlineData(new[] { "7", "123-45-6789" }, 2, "a US social security or taxpayer identification number")]
    public void DataRecordAsHeader_IsRejected(string[] header, int column, string kind)
    {
        DataFormatException exception = Assert.Throws<DataFormatException>(() => HeaderCheck.ThrowIfDataRecord(header, "in.csv", Scanner));

        Assert.Equal(1, exception.LineNumber);
        Assert.Contains($"column {column} contains {kind}", exception.Message, StringComparison.Ordinal);
        // Short names such as "1" also occur in "line 1".
        foreach (string name in header.Where(name => name.Length > 3))
        {
            Assert.DoesNotContain(name, exception.Message.Replace("in.csv", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("card_transactions.csv")]
    [InlineData("adult.csv")]
    [InlineData("bank.csv")]
    [InlineData("credit_default.csv")]
    [InlineData("german_credit.csv")]
    public void PublicDataHeaders_AreAccepted(string fileName)
    {
        using IRecordReader reader = RecordReaderFactory.Open(RepositoryPaths.SharedData(fileName));

        HeaderCheck.ThrowIfDataRecord(reader.Header, fileName, Scanner);

        Assert.NotEmpty(reader.Header);
    }

    [Fact]
    public void ProductHeaders_AreAccepted()
    {
        string[] header = ["transaction_id", "customer_id", "email", "phone", "card_number", "card_cvv", "iban", "date_of_birth", "ip_address", "e-mail", "Kartennummer", "numéro de carte"];

        HeaderCheck.ThrowIfDataRecord(header, "in.csv", Scanner);

        Assert.Equal(12, header.Length);
    }

    [Theory]
    [InlineData("C-1|Zephyrine Quaglio|1983-07-14|94107|12.50", "3, 4, 5")]
    [InlineData("17|Lars Gomez|03/05/1961|73.13", "3, 4")]
    public void RecordOfDatesAndNumbers_IsRejected(string names, string columns)
    {
        string[] header = names.Split('|');
        DataFormatException exception = Assert.Throws<DataFormatException>(() => HeaderCheck.ThrowIfDataRecord(header, "in.csv", Scanner));

        Assert.Contains($"the names of columns {columns} are dates or numbers", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Quaglio", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Gomez", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("region|2019|2020|2021")]
    [InlineData("id|amount|0.5")]
    [InlineData("metric|0.25|0.5|0.75")]
    [InlineData("branch|2024-01-01|2024-01-02|2024-01-03")]
    [InlineData("store|10115|20095|80331")]
    public void YearAndSingleNumberNames_AreAccepted(string names)
    {
        string[] header = names.Split('|');
        HeaderCheck.ThrowIfDataRecord(header, "in.csv", Scanner);

        Assert.NotEmpty(header);
    }
}
