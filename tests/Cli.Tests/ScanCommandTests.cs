using System.Diagnostics;
using System.Text.Json;
using SyntheticData.Testing;

namespace SyntheticData.Cli.Tests;

/// <summary>Runs <c>synthdata scan</c> as a child process on real and generated files.</summary>
public sealed class ScanCommandTests : IDisposable
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(2);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("scan-tests-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Scan_CardTransactionsJsonListsEveryIdentifyingColumn()
    {
        (int exitCode, string output, _) = RunScan(RepositoryPaths.SharedData("card_transactions.csv"), "--json", "--sample", "1000");

        Assert.Equal(0, exitCode);
        Dictionary<string, string> kinds = ReadKinds(output);
        Assert.Equal("CardNumber", kinds["cc_num"]);
        Assert.Equal("PersonName", kinds["first"]);
        Assert.Equal("PersonName", kinds["last"]);
        Assert.Equal("PostalAddress", kinds["street"]);
        Assert.Equal("DateOfBirth", kinds["dob"]);
        Assert.Equal("Identifier", kinds["trans_num"]);
        Assert.Equal("None", kinds["amt"]);
    }

    [Fact]
    public void Scan_OutputContainsNoCellValue()
    {
        string path = RepositoryPaths.SharedData("card_transactions.csv");
        string[] firstRecord = File.ReadLines(path).Skip(1).First().Split(',');

        (int exitCode, string output, string error) = RunScan(path, "--sample", "200");

        Assert.Equal(0, exitCode);
        foreach (int column in new[] { 2, 6, 7, 9, 17, 18 })
        {
            Assert.DoesNotContain(firstRecord[column], output, StringComparison.Ordinal);
            Assert.DoesNotContain(firstRecord[column], error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Scan_TableShowsKindAndReason()
    {
        (int exitCode, string output, _) = RunScan(RepositoryPaths.SharedData("card_transactions.csv"), "--sample", "200");

        Assert.Equal(0, exitCode);
        Assert.Contains("cc_num", output, StringComparison.Ordinal);
        Assert.Contains("CardNumber", output, StringComparison.Ordinal);
        Assert.Contains("Luhn", output, StringComparison.Ordinal);
        Assert.Contains("direct identifiers", output, StringComparison.Ordinal);

        // amt has no kind, so the table explains what its confidence means.
        Assert.Contains("For a column with no kind found, the confidence is how sure", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_AdultHasNoDirectIdentifier()
    {
        (int exitCode, string output, _) = RunScan(RepositoryPaths.SharedData("adult.csv"), "--json", "--sample", "2000");

        Assert.Equal(0, exitCode);
        using JsonDocument document = JsonDocument.Parse(output);
        foreach (JsonElement column in document.RootElement.GetProperty("columns").EnumerateArray())
        {
            Assert.False(column.GetProperty("directIdentifier").GetBoolean(), column.GetProperty("header").GetString());
            Assert.Equal(column.GetProperty("header").GetString() == "race", column.GetProperty("specialCategory").GetBoolean());
        }
    }

    [Fact]
    public void Scan_AdultTable_CountsEachGroup()
    {
        (int exitCode, string output, _) = RunScan(RepositoryPaths.SharedData("adult.csv"), "--sample", "2000");

        Assert.Equal(0, exitCode);
        Assert.Contains("SpecialCategory (sensitive)", output, StringComparison.Ordinal);
        Assert.Contains("0 direct identifiers, 8 quasi-identifiers, 1 special-category column, 0 free-text columns", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_CountryColumnSetsPhoneRegion()
    {
        string path = WriteFile("phones.csv", "cust,phone,country\na,020 7946 0123,GB\nb,07700 900123,GB\nc,01 23 45 67 89,FR\nd,+44 20 7946 0456,GB\n");

        (int exitCode, string output, _) = RunScan(path, "--json");

        Assert.Equal(0, exitCode);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement phone = document.RootElement.GetProperty("columns")[1];
        Assert.Equal("Phone", phone.GetProperty("kind").GetString());
        Assert.Equal("country", phone.GetProperty("regionColumn").GetString());
    }

    [Fact]
    public void Scan_WithoutRegion_TakesTheNumbersRegion()
    {
        // UK numbers in national format are no valid US numbers; policy init takes GB for them, and so does scan.
        string path = WriteFile("uk.csv", "id,home_phone\n1,0113 224 2186\n2,020 7946 0958\n3,0161 496 0123\n4,0113 496 0456\n5,020 7946 0111\n");

        (int exitCode, string output, string error) = RunScan(path, "--json");

        Assert.Equal(0, exitCode);
        using JsonDocument document = JsonDocument.Parse(output);
        Assert.Equal("Phone", document.RootElement.GetProperty("columns")[1].GetProperty("kind").GetString());
        Assert.Contains("The phone region GB comes from the phone column values", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_AppliesSeparatorAndNullMarkers()
    {
        string path = WriteFile("nulls.csv", "id;email;phone\n1;;(212) 555-0147\n2;NULL;\n3;\\N;(212) 555-0199\n4;ada.b@example.org;\n");

        (int exitCode, string output, _) = RunScan(path, "--json", "--separator", ";", "--null-marker", "NULL", "--null-marker", "\\N");

        Assert.Equal(0, exitCode);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement email = document.RootElement.GetProperty("columns")[1];
        Assert.Equal("Email", email.GetProperty("kind").GetString());
        Assert.Equal(1, email.GetProperty("sampleCount").GetInt32());
        Assert.Equal(1.0, email.GetProperty("validatedShare").GetDouble());
    }

    [Fact]
    public void Scan_SemicolonsFailingOnComma_HintSeparator()
    {
        // Read with commas, the header is one column, and the decimal comma of line 2 makes that record two fields.
        string path = WriteFile("semicolons.csv", "id;amount;note\n1;12,50;ok\n2;3,10;ok\n");

        (int exitCode, _, string error) = RunScan(path);

        Assert.Equal(3, exitCode);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
        Assert.Contains("--separator ';'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(";", "--separator ';'")]
    [InlineData("\t", "--separator tab")]
    public void Scan_QuotedHeaderOtherSeparator_HintSeparator(string separator, string expected)
    {
        // Read with commas, the quoted header fails on the text after its first closing quote.
        string path = WriteFile("quoted.csv", $"\"a\"{separator}\"b\"{separator}\"c\"\n1{separator}2{separator}3\n");

        (int exitCode, _, string error) = RunScan(path);

        Assert.Equal(3, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_Windows1252NeedsEncodingOption()
    {
        // "Zoë" and "Müller" in Windows-1252: 0xEB and 0xFC are not valid UTF-8 on their own.
        string path = Path.Combine(_folder.FullName, "latin.csv");
        File.WriteAllBytes(path, [.. "name,email\nZo"u8, 0xEB, .. " M"u8, 0xFC, .. "ller,zoe@example.org\n"u8]);

        (int strictCode, _, string strictError) = RunScan(path, "--json");
        (int code, string output, _) = RunScan(path, "--json", "--encoding", "windows-1252");
        (int unknownCode, _, string unknownError) = RunScan(path, "--encoding", "latin-9000");

        Assert.Equal(ExitCodes.InvalidInput, strictCode);
        Assert.Contains("--encoding", strictError, StringComparison.Ordinal);
        Assert.Contains("line 2", strictError, StringComparison.Ordinal);
        Assert.Equal(0, code);
        Assert.Equal("Email", ReadKinds(output)["email"]);
        Assert.Equal(ExitCodes.Usage, unknownCode);
        Assert.Contains("--encoding: 'latin-9000' is not a known encoding", unknownError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UK", "'GB'")]
    [InlineData("FE", "'FE'")]
    public void Scan_RejectsInvalidRegion(string region, string expectedText)
    {
        string path = WriteFile("one.csv", "a\n1\n");

        (int exitCode, _, string error) = RunScan(path, "--region", region);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(expectedText, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_RejectsMissingFile()
    {
        (int exitCode, _, string error) = RunScan(Path.Combine(_folder.FullName, "absent.csv"));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_FieldCountErrorHidesValues()
    {
        string path = WriteFile("short.csv", "name,ssn\nLena Rivera,536-22-7419\nSam Oneil,536-22-7420,extra\n");

        (int exitCode, _, string error) = RunScan(path);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("3", error, StringComparison.Ordinal);
        Assert.DoesNotContain("536-22-7420", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Oneil", error, StringComparison.Ordinal);
    }

    private string WriteFile(string name, string content)
    {
        string path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static Dictionary<string, string> ReadKinds(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("header").GetString()!, c => c.GetProperty("kind").GetString()!);
    }

    private static (int ExitCode, string Output, string Error) RunScan(params string[] arguments)
    {
        ProcessStartInfo start = new("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "synthdata.dll"));
        start.ArgumentList.Add("scan");
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Failed to start synthdata.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ProcessTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"synthdata scan did not finish within {ProcessTimeout}.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
