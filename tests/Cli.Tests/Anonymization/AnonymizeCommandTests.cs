using SyntheticData.Testing;
using System.Text.Json.Nodes;
using SyntheticData.Tabular;

namespace SyntheticData.Cli.Tests.Anonymization;

/// <summary>End-to-end runs of <c>policy init</c> and <c>anonymize</c> as a real process on real files.</summary>
public sealed class AnonymizeCommandTests
{
    private const string ContactsCsv =
        "\"Full Name\",\"e-mail\",\"2nd phone\",class\n" +
        "Ada Brennick,ada.b@example.org,(212) 555-0147,gold\n" +
        "Tomas Ferreira,t.ferreira@example.org,(212) 555-0199,silver\n";

    // Addresses of more than 32 letters and digits with a short domain: masking that keeps 8 at each end leaves an address.
    private const string LongAddressContactsCsv =
        "\"Full Name\",\"e-mail\",\"2nd phone\",class\n" +
        "Ada Brennick,ada.brennick.accounts.payable.team@ex.io,(212) 555-0147,gold\n" +
        "Tomas Ferreira,tomas.ferreira.accounts.payable.team@ex.io,(212) 555-0199,silver\n";

    private const string KeepEightAtEachEnd = "{ \"operator\": \"mask\", \"parameters\": { \"keepFirst\": 8, \"keepLast\": 8 } }";

    private static string ContactsPolicy(string emailOperator) => $$"""
        {
          "version": 1,
          "defaultPhoneRegion": "US",
          "columns": {
            "Full Name": { "operator": "pseudonym", "parameters": { "kind": "name" } },
            "e-mail": {{emailOperator}},
            "2nd phone": { "operator": "pseudonym", "parameters": { "kind": "phone" } },
            "class": { "operator": "keep" }
          },
          "k": 1
        }
        """;

    [Fact]
    public void Anonymize_ValidPolicy_WritesOutputAndReport()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), ContactsCsv);
        File.WriteAllText(folder.File("policy.json"), ContactsPolicy("{ \"operator\": \"pseudonym\", \"parameters\": { \"kind\": \"email\" } }"));

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv", "--report", "report.json");

        Assert.True(code == ExitCodes.Success, error);
        string output = File.ReadAllText(folder.File("out.csv"));
        Assert.StartsWith("Full Name,e-mail,2nd phone,class\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", output, StringComparison.Ordinal);
        JsonNode report = JsonNode.Parse(File.ReadAllText(folder.File("report.json")))!;
        Assert.Equal("success", report["outcome"]!.GetValue<string>());
        Assert.Equal("default", report["key"]!["id"]!.GetValue<string>());
        Assert.Equal(1, report["key"]!["version"]!.GetValue<int>());
        Assert.Equal(2, report["records"]!.GetValue<long>());
        Assert.True(report["rescan"]!["passed"]!.GetValue<bool>());
        Assert.True(report["rescan"]!["protectedCellsConfirmedByHash"]!.GetValue<bool>());
        Assert.Equal("pseudonym", report["columns"]![1]!["operator"]!.GetValue<string>());

        // The report names the key but never contains its material.
        string keyFile = File.ReadAllText(folder.File("keys.local.json"));
        string material = JsonNode.Parse(keyFile)!["keys"]!["default"]!["versions"]![0]!["material"]!.GetValue<string>();
        Assert.DoesNotContain(material, File.ReadAllText(folder.File("report.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymize_PolicyColumnAbsent_Warns()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), ContactsCsv);
        string policy = ContactsPolicy("{ \"operator\": \"drop\" }")
            .Replace("\"class\": { \"operator\": \"keep\" }", "\"class\": { \"operator\": \"keep\" }, \"loyalty_id\": { \"operator\": \"drop\" }", StringComparison.Ordinal);
        File.WriteAllText(folder.File("policy.json"), policy);

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("'loyalty_id'", error, StringComparison.Ordinal);
        Assert.True(File.Exists(folder.File("out.csv")));
    }

    [Fact]
    public void Anonymize_EverythingSuppressed_Warns()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), ContactsCsv);
        string policy = ContactsPolicy("{ \"operator\": \"drop\" }")
            .Replace("\"k\": 1", "\"quasiIdentifiers\": [\"class\"], \"k\": 2, \"enforceK\": true", StringComparison.Ordinal);
        File.WriteAllText(folder.File("policy.json"), policy);

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("suppressed the quasi-identifiers of every record", error, StringComparison.Ordinal);
        Assert.DoesNotContain("gold", File.ReadAllText(folder.File("out.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymize_ParquetOutput_ReadsBack()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), ContactsCsv);
        File.WriteAllText(folder.File("policy.json"), ContactsPolicy("{ \"operator\": \"pseudonym\", \"parameters\": { \"kind\": \"email\" } }"));

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.parquet");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal(DataFormat.Parquet, RecordReaderFactory.DetectFormat(folder.File("out.parquet")));
        using var reader = new ParquetRecordReader(folder.File("out.parquet"));
        Assert.Equal(["Full Name", "e-mail", "2nd phone", "class"], reader.Header);
        var classes = new List<string?>();
        while (reader.ReadNext())
        {
            Assert.DoesNotContain("example.org", reader.GetString(1), StringComparison.Ordinal);
            classes.Add(reader.GetString(3));
        }

        Assert.Equal(["gold", "silver"], classes);
        Assert.Empty(Directory.GetFiles(folder.Path, ".out.parquet*"));
    }

    [Fact]
    public void Anonymize_ParquetOutputUnnamedColumn_IsInvalidInput()
    {
        // card_transactions.csv starts with an unnamed index column, which Parquet cannot carry.
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), ",name,amt\n0,Ada Brennick,1.5\n");
        File.WriteAllText(folder.File("policy.json"), """
            { "version": 1, "columns": { "": { "operator": "keep" }, "name": { "operator": "pseudonym", "parameters": { "kind": "name" } }, "amt": { "operator": "keep" } }, "k": 1 }
            """);

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.parquet");
        (int csvCode, _, string csvError) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("Parquet output needs a name for every column", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("out.parquet")));
        Assert.True(csvCode == ExitCodes.Success, csvError);
    }

    [Fact]
    public void Anonymize_ResidualEmail_FailsWholeFile()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), LongAddressContactsCsv);

        // Masking that keeps 8 characters at each end leaves long addresses with short domains detectable.
        File.WriteAllText(folder.File("policy.json"), ContactsPolicy(KeepEightAtEachEnd));

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv");

        Assert.Equal(ExitCodes.GateFailed, code);
        Assert.False(File.Exists(folder.File("out.csv")));
        Assert.Empty(Directory.GetFiles(folder.Path, ".out.csv*"));
        Assert.Contains("Email", error, StringComparison.Ordinal);
        Assert.Contains("'e-mail'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("accounts.payable", error, StringComparison.Ordinal);
        JsonNode report = JsonNode.Parse(File.ReadAllText(folder.File("out.csv.report.json")))!;
        Assert.False(report["output"]!["written"]!.GetValue<bool>());
        Assert.False(report["rescan"]!["passed"]!.GetValue<bool>());
        Assert.False(report["rescan"]!["protectedCellsConfirmedByHash"]!.GetValue<bool>());
    }

    [Fact]
    public void Anonymize_UnlistedColumn_IsInvalidPolicy()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "a,secret\n1,x\n");
        File.WriteAllText(folder.File("policy.json"), "{ \"version\": 1, \"columns\": { \"a\": { \"operator\": \"keep\" } } }");

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv");

        Assert.Equal(ExitCodes.InvalidPolicy, code);
        Assert.Contains("'secret'", error, StringComparison.Ordinal);
        Assert.Contains("policy.json (applied to the header of ", error, StringComparison.Ordinal);
        Assert.Contains("in.csv)", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("out.csv")));
    }

    [Fact]
    public void Anonymize_WrongFieldCount_NamesLineNotValue()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "a,b\n1,2\n3,4,Lena Rivera\n");
        File.WriteAllText(folder.File("policy.json"), "{ \"version\": 1, \"columns\": { \"a\": { \"operator\": \"keep\" }, \"b\": { \"operator\": \"pseudonym\" } } }");

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("line 3", error, StringComparison.Ordinal);
        Assert.Contains("in.csv", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Lena", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("out.csv")));
    }

    [Theory]
    [InlineData("anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv")]
    [InlineData("scan", "in.csv")]
    [InlineData("policy", "init", "in.csv")]
    [InlineData("policy", "check", "policy.json", "--input", "in.csv")]
    public void HeaderlessExtract_NamesNoValue(params string[] arguments)
    {
        // Without a header line, the first record would become the column names in messages, the report and the output.
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "1,john.doe@example.com,x\n2,jane@example.com,y\n");
        File.WriteAllText(folder.File("policy.json"), """{ "version": 1, "k": 1, "unlistedColumns": "keep", "columns": { "1": { "operator": "keep" } } }""");

        (int code, string output, string error) = SynthdataProcess.Run(folder.Path, arguments);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("column 2 contains an e-mail address", error, StringComparison.Ordinal);
        Assert.DoesNotContain("john.doe", error + output, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("out.csv")));
        if (File.Exists(folder.File("out.csv.report.json")))
        {
            Assert.DoesNotContain("john.doe", File.ReadAllText(folder.File("out.csv.report.json")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Anonymize_InvalidPolicy_ListsProblems()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "a\n1\n");
        File.WriteAllText(folder.File("policy.json"), "{ \"version\": 1, \"defaultPhoneRegion\": \"UK\", \"columns\": { \"cvv\": { \"operator\": \"keep\" } } }");

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv");

        Assert.Equal(ExitCodes.InvalidPolicy, code);
        Assert.Contains("defaultPhoneRegion", error, StringComparison.Ordinal);
        Assert.Contains("'cvv'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyInit_EncodingOption_ReachesPolicyAndRun()
    {
        // Windows-1252 names with bytes that are invalid UTF-8: the draft names the encoding, and the run reads by it.
        using var folder = new TemporaryFolder();
        byte[] zoe = [.. "Zo"u8, 0xEB];
        byte[] muller = [.. "M"u8, 0xFC, .. "ller"u8];
        File.WriteAllBytes(
            folder.File("latin.csv"),
            [.. "id,name,email\n1,"u8, .. zoe, .. ",zoe@example.org\n2,"u8, .. muller, .. ",m.muller@example.org\n"u8]);

        (int initCode, _, string initError) = SynthdataProcess.Run(
            folder.Path, "policy", "init", "latin.csv", "--encoding", "Windows-1252", "--out", "policy.json");
        Assert.True(initCode == ExitCodes.Success, initError);
        JsonNode policy = JsonNode.Parse(File.ReadAllText(folder.File("policy.json")))!;
        Assert.Equal("windows-1252", policy["encoding"]!.GetValue<string>());

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", "latin.csv", "--policy", "policy.json", "--out", "out.csv");
        Assert.True(code == ExitCodes.Success, error);
        string output = File.ReadAllText(folder.File("out.csv"));
        Assert.DoesNotContain("zoe@example.org", output, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(folder.File("out.csv")).Length);

        (int unknownCode, _, string unknownError) = SynthdataProcess.Run(folder.Path, "policy", "init", "latin.csv", "--encoding", "latin-9000");
        Assert.Equal(ExitCodes.Usage, unknownCode);
        Assert.Contains("--encoding: 'latin-9000' is not a known encoding", unknownError, StringComparison.Ordinal);

        // Another spelling of the name is written as the schema spells it; an encoding no policy can name is rejected.
        (int cpCode, string cpOutput, string cpError) = SynthdataProcess.Run(folder.Path, "policy", "init", "latin.csv", "--encoding", "cp1252");
        Assert.True(cpCode == ExitCodes.Success, cpError);
        Assert.Equal("windows-1252", JsonNode.Parse(cpOutput)!["encoding"]!.GetValue<string>());
        (int wideCode, _, string wideError) = SynthdataProcess.Run(folder.Path, "policy", "init", "latin.csv", "--encoding", "utf-16");
        Assert.Equal(ExitCodes.Usage, wideCode);
        Assert.Contains("a policy can name utf-8, windows-1252, iso-8859-1", wideError, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyCheck_WithInput_TriesPolicy()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), LongAddressContactsCsv);
        File.WriteAllText(folder.File("good.json"), ContactsPolicy("{ \"operator\": \"pseudonym\", \"parameters\": { \"kind\": \"email\" } }"));
        File.WriteAllText(folder.File("bad.json"), ContactsPolicy(KeepEightAtEachEnd));

        (int goodCode, string goodOutput, string goodError) = SynthdataProcess.Run(folder.Path, "policy", "check", "good.json", "--input", "in.csv");
        (int badCode, string badOutput, string badError) = SynthdataProcess.Run(folder.Path, "policy", "check", "bad.json", "--input", "in.csv");
        (int plainCode, _, string plainError) = SynthdataProcess.Run(folder.Path, "policy", "check", "bad.json");
        File.WriteAllText(folder.File("empty.csv"), ContactsCsv[..(ContactsCsv.IndexOf('\n') + 1)]);
        (int emptyCode, string emptyOutput, string emptyError) = SynthdataProcess.Run(folder.Path, "policy", "check", "good.json", "--input", "empty.csv");

        Assert.True(goodCode == ExitCodes.Success, goodError);
        Assert.Contains("Tried on the first 2 records", goodOutput, StringComparison.Ordinal);
        Assert.Contains("protects 3 of 4 columns", goodOutput, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.GateFailed, badCode);
        Assert.Contains("Column 'e-mail' still contains Email in 2 of 2 tried records after operator 'mask'", badError, StringComparison.Ordinal);
        Assert.DoesNotContain("accounts.payable", badOutput + badError, StringComparison.Ordinal);
        Assert.True(plainCode == ExitCodes.Success, plainError);
        Assert.True(emptyCode == ExitCodes.Success, emptyError);
        Assert.Contains("has no records to try", emptyOutput, StringComparison.Ordinal);

        // The trial uses a throwaway key and keeps its output in memory.
        Assert.Equal(["bad.json", "empty.csv", "good.json", "in.csv"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Anonymize_UnreadableValues_WarnAndCheckFails()
    {
        // Dates in a format the policy does not declare are written empty. Both commands must report them without values,
        // and the trial must fail when none of a column's values can be read.
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "id,opened,amount\nC1,05.01.2023,12.5\nC2,06.01.2023,n/a\nC3,2023-01-07,3\n");
        File.WriteAllText(folder.File("dotted.csv"), "id,opened,amount\nC1,05.01.2023,12.5\nC2,06.01.2023,n/a\n");
        File.WriteAllText(folder.File("policy.json"), """
            {
              "version": 1,
              "columns": {
                "id": { "operator": "pseudonym", "parameters": { "kind": "identifier" } },
                "opened": { "operator": "dateShift", "parameters": { "entityColumn": "id", "formats": ["MM/dd/yyyy"] } },
                "amount": { "operator": "noise", "parameters": { "scale": 1 } }
              },
              "k": 1
            }
            """);

        File.WriteAllText(folder.File("keep.json"), """
            { "version": 1, "columns": { "id": { "operator": "keep" }, "opened": { "operator": "keep" }, "amount": { "operator": "keep" } }, "k": 1 }
            """);

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv");
        (int checkCode, _, string checkError) = SynthdataProcess.Run(folder.Path, "policy", "check", "policy.json", "--input", "in.csv");
        (int dottedCode, _, string dottedError) = SynthdataProcess.Run(folder.Path, "policy", "check", "policy.json", "--input", "dotted.csv");

        // The ISO 8601 date on line 4 is read whatever the declared formats.
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("column 'opened': 2 of 3 values could not be read by operator 'dateShift' and were written empty (lines 2, 3)", error, StringComparison.Ordinal);
        Assert.Contains("column 'amount': 1 of 3 values could not be read by operator 'noise'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("01.2023", error, StringComparison.Ordinal);
        Assert.True(checkCode == ExitCodes.Success, checkError);
        Assert.Contains("column 'opened': 2 of 3 values could not be read by operator 'dateShift' and would be written empty", checkError, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.GateFailed, dottedCode);
        Assert.Contains("Column 'opened': operator 'dateShift' could read none of its values", dottedError, StringComparison.Ordinal);
        Assert.Contains("would write whole columns empty", dottedError, StringComparison.Ordinal);

        // The failing trial still reports the column that is only partly unreadable.
        Assert.Contains("column 'amount': 1 of 2 values could not be read by operator 'noise' and would be written empty (line 3)", dottedError, StringComparison.Ordinal);

        // A Parquet input has no lines, so the same values are named by their record numbers.
        (int keepCode, _, string keepError) = SynthdataProcess.Run(
            folder.Path, "anonymize", "in.csv", "--policy", "keep.json", "--out", "in.parquet");
        (int parquetCode, _, string parquetError) = SynthdataProcess.Run(
            folder.Path, "anonymize", "in.parquet", "--policy", "policy.json", "--out", "from-parquet.csv");
        Assert.True(keepCode == ExitCodes.Success, keepError);
        Assert.True(parquetCode == ExitCodes.Success, parquetError);
        Assert.Contains("and were written empty (records 1, 2)", parquetError, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyInit_TabSeparatedTxt_NeedsSeparatorOption()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.txt"), "id\temail\tamount\n1\tada.b@example.org\t3\n2\tt.f@example.org\t4\n");

        (int plainCode, _, string plainError) = SynthdataProcess.Run(folder.Path, "policy", "init", "in.txt", "--out", "comma.json");
        (int tabCode, _, string tabError) = SynthdataProcess.Run(folder.Path, "policy", "init", "in.txt", "--separator", "tab", "--out", "tab.json");
        (int checkCode, _, string checkError) = SynthdataProcess.Run(folder.Path, "policy", "check", "tab.json", "--input", "in.txt");
        (int scanCode, _, string scanError) = SynthdataProcess.Run(folder.Path, "scan", "in.txt");

        Assert.True(plainCode == ExitCodes.Success, plainError);
        Assert.Contains("run policy init again with --separator tab", plainError, StringComparison.Ordinal);
        Assert.True(tabCode == ExitCodes.Success, tabError);
        JsonNode policy = JsonNode.Parse(File.ReadAllText(folder.File("tab.json")))!;
        Assert.Equal("\t", policy["separator"]!.GetValue<string>());
        Assert.Equal(["id", "email", "amount"], policy["columns"]!.AsObject().Select(column => column.Key));
        Assert.True(checkCode == ExitCodes.Success, checkError);
        Assert.True(scanCode == ExitCodes.Success, scanError);
        Assert.Contains("run scan again with --separator tab", scanError, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyInit_TsvFile_ReadsTabs()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.tsv"), "id\temail\tamount\n1\tada.b@example.org\t3\n2\tt.f@example.org\t4\n");

        (int initCode, _, string initError) = SynthdataProcess.Run(folder.Path, "policy", "init", "in.tsv", "--out", "tab.json");
        (int scanCode, _, string scanError) = SynthdataProcess.Run(folder.Path, "scan", "in.tsv");

        Assert.True(initCode == ExitCodes.Success, initError);
        Assert.DoesNotContain("--separator", initError, StringComparison.Ordinal);
        JsonNode policy = JsonNode.Parse(File.ReadAllText(folder.File("tab.json")))!;
        Assert.Equal("\t", policy["separator"]!.GetValue<string>());
        Assert.Equal(["id", "email", "amount"], policy["columns"]!.AsObject().Select(column => column.Key));
        Assert.True(scanCode == ExitCodes.Success, scanError);
        Assert.DoesNotContain("--separator", scanError, StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymize_TabFileCommaPolicy_HintsSeparator()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.tsv"), "id\temail\n1\tada.b@example.org\n");
        File.WriteAllText(folder.File("policy.json"), """
            { "version": 1, "columns": { "id": { "operator": "keep" }, "email": { "operator": "pseudonym", "parameters": { "kind": "email" } } } }
            """);

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", "in.tsv", "--policy", "policy.json", "--out", "out.csv");

        Assert.Equal(ExitCodes.InvalidPolicy, code);
        Assert.Contains("header reads as one column whose name contains a tab", error, StringComparison.Ordinal);
        Assert.Contains("set the policy's \"separator\" to \"tab\"", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\t", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyInit_NationalPhones_SetRegion()
    {
        // No number has a country prefix, and none is a valid US number, but all are valid UK numbers.
        using var folder = new TemporaryFolder();
        var csv = new System.Text.StringBuilder("id,phone\n");
        for (int i = 0; i < 30; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},020 7946 {1000 + (i * 37)}\n");
        }

        File.WriteAllText(folder.File("in.csv"), csv.ToString());

        (int initCode, _, string initError) = SynthdataProcess.Run(folder.Path, "policy", "init", "in.csv", "--out", "policy.json");

        Assert.True(initCode == ExitCodes.Success, initError);
        JsonNode policy = JsonNode.Parse(File.ReadAllText(folder.File("policy.json")))!;
        Assert.Equal("GB", policy["defaultPhoneRegion"]!.GetValue<string>());
        Assert.Equal("pseudonym", policy["columns"]!["phone"]!["operator"]!.GetValue<string>());
        Assert.Contains("defaultPhoneRegion GB comes from the phone column values", initError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("telefono", "658121821|681140745|643427281|612345678|698765432|655443322", "ES")]
    [InlineData("telemovel", "911425991|962345678|933456789|912345678|967654321", "PT")]
    [InlineData("telephone", "06 31 15 35 10|06 12 34 56 78|01 42 68 53 00|07 81 23 45 67|06 98 76 54 32", "FR")]
    [InlineData("phone", "020 7946 0958|020 7946 0959|020 7946 0957|020 7946 0956|020 7946 0955|0161 496 0123", "GB")]
    [InlineData("mobile", "07700 900978|07700 900123|07700 900456|07700 900789|07700 900321", "GB")]
    [InlineData("mobile", "0412 345 678|0423 456 789|0438 111 222|0400 555 666|0455 123 987", "AU")]
    public void PolicyInit_FewNationalPhones_SetTheirRegion(string header, string numbers, string region)
    {
        // Small columns of another country's numbers. Spanish mobiles are valid German numbers without the trunk prefix,
        // French ones valid US-shaped numbers that fail, and 07700 900xxx is the UK's range for drama.
        using var folder = new TemporaryFolder();
        string[] values = numbers.Split('|');
        File.WriteAllText(folder.File("in.csv"), $"id,{header}\n" + string.Concat(values.Select((value, i) => $"{i},{value}\n")));

        (int initCode, _, string initError) = SynthdataProcess.Run(folder.Path, "policy", "init", "in.csv", "--out", "policy.json");

        Assert.True(initCode == ExitCodes.Success, initError);
        JsonNode policy = JsonNode.Parse(File.ReadAllText(folder.File("policy.json")))!;
        Assert.Equal(region, policy["defaultPhoneRegion"]!.GetValue<string>());
        Assert.Equal("pseudonym", policy["columns"]![header]!["operator"]!.GetValue<string>());
    }

    [Fact]
    public void PolicyInit_NotesOnlyPhones_FollowHeaderLanguage()
    {
        // No phone column, and German numbers in the notes, which US does not read: the German headers decide.
        using var folder = new TemporaryFolder();
        File.WriteAllText(
            folder.File("in.csv"),
            "vorname,nachname,bemerkung\nZephyrine,Quaglio,R\u00FCckruf unter 030 12345678 erbeten\nAmbrose,Tillwick,Handy 0171 2345678 nach 18 Uhr\nOdile,Brennock,erreichbar unter 089 2345678\n");

        (int initCode, _, string initError) = SynthdataProcess.Run(folder.Path, "policy", "init", "in.csv", "--out", "policy.json");
        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv");

        Assert.True(initCode == ExitCodes.Success, initError);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal("DE", JsonNode.Parse(File.ReadAllText(folder.File("policy.json")))!["defaultPhoneRegion"]!.GetValue<string>());
        string output = File.ReadAllText(folder.File("out.csv"));
        Assert.DoesNotContain("12345678", output, StringComparison.Ordinal);
        Assert.DoesNotContain("2345678", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fecha_nacimiento", "d/M/yyyy", "day first")]
    [InlineData("geboortedatum", "d/M/yyyy", "day first")]
    [InlineData("birth_date", "M/d/yyyy", "month first")]
    public void PolicyInit_AmbiguousBirthDates_FollowHeaderLanguage(string header, string format, string order)
    {
        // No day is above 12 and no phone number shows the country, so only the header's language decides the order.
        using var folder = new TemporaryFolder();
        string[] dates = ["03/04/1985", "11/02/1970", "07/12/1991", "01/06/1964", "12/09/1988", "05/05/1979", "09/01/1990", "02/11/1983", "10/07/1975", "06/03/1969"];
        File.WriteAllText(folder.File("in.csv"), $"id,{header}\n" + string.Concat(dates.Select((date, i) => $"{i},{date}\n")));

        (int initCode, _, string initError) = SynthdataProcess.Run(folder.Path, "policy", "init", "in.csv", "--out", "policy.json");

        Assert.True(initCode == ExitCodes.Success, initError);
        JsonNode column = JsonNode.Parse(File.ReadAllText(folder.File("policy.json")))!["columns"]![header]!;
        Assert.Equal(format, column["parameters"]!["formats"]![0]!.GetValue<string>());
        Assert.Contains($"read {order}", column["comment"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyInit_PrefixedPhones_SetRegion()
    {
        using var folder = new TemporaryFolder();
        var csv = new System.Text.StringBuilder("id,phone,notes\n");
        for (int i = 0; i < 12; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},+44 20 7946 {1000 + i},call 020 7946 {2000 + i} about the dispute\n");
        }

        File.WriteAllText(folder.File("in.csv"), csv.ToString());

        (int initCode, _, string initError) = SynthdataProcess.Run(folder.Path, "policy", "init", "in.csv", "--out", "policy.json");
        (int usCode, _, _) = SynthdataProcess.Run(folder.Path, "policy", "init", "in.csv", "--region", "US", "--out", "us.json");
        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv");

        Assert.True(initCode == ExitCodes.Success, initError);
        Assert.Equal("GB", JsonNode.Parse(File.ReadAllText(folder.File("policy.json")))!["defaultPhoneRegion"]!.GetValue<string>());
        Assert.Contains("defaultPhoneRegion GB comes from 12 of the 12", initError, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, usCode);
        Assert.Equal("US", JsonNode.Parse(File.ReadAllText(folder.File("us.json")))!["defaultPhoneRegion"]!.GetValue<string>());
        Assert.True(code == ExitCodes.Success, error);
        string output = File.ReadAllText(folder.File("out.csv"));
        Assert.DoesNotContain("7946 2003", output, StringComparison.Ordinal);
        Assert.Contains("call [PHONE] about the dispute", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyInit_UsLocalNumbers_KeepUsRegion()
    {
        // The fax numbers carry +44, but the notes hold US numbers without a prefix, which only US reads.
        using var folder = new TemporaryFolder();
        var csv = new System.Text.StringBuilder("fax,notes\n");
        for (int i = 0; i < 20; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"+44 20 7946 {3000 + i},Customer called from (415) 555-{0100 + i:0000} about the refund\n");
        }

        File.WriteAllText(folder.File("in.csv"), csv.ToString());

        (int initCode, _, string initError) = SynthdataProcess.Run(folder.Path, "policy", "init", "in.csv", "--out", "policy.json");
        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv");

        Assert.True(initCode == ExitCodes.Success, initError);
        Assert.Equal("US", JsonNode.Parse(File.ReadAllText(folder.File("policy.json")))!["defaultPhoneRegion"]!.GetValue<string>());
        Assert.Contains("US reads 20 sampled cells", initError, StringComparison.Ordinal);
        Assert.True(code == ExitCodes.Success, error);
        Assert.DoesNotContain("(415) 555", File.ReadAllText(folder.File("out.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyInit_NotesRepeatingProtectedValues_AreRedacted()
    {
        // Detection finds nothing in the notes on their own, but they repeat the row's name and street.
        using var folder = new TemporaryFolder();
        string[] names = ["Anna-Lena Meyer", "Tomas Ferreira", "Ada Brennick", "Grace Okafor", "Li Wu Chen"];
        string[] streets = ["12 Oak Avenue", "9 Kingsway", "31 Elm Street", "7 Mill Lane", "88 Harbour Road"];
        var csv = new System.Text.StringBuilder("customer_name,street,notes\n");
        for (int i = 0; i < 60; i++)
        {
            string note = i % 2 == 0 ? $"Spoke with {names[i % 5]} today" : $"Delivered to {streets[i % 5]} on time";
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{names[i % 5]},{streets[i % 5]},{note}\n");
        }

        File.WriteAllText(folder.File("in.csv"), csv.ToString());

        (int initCode, _, string initError) = SynthdataProcess.Run(folder.Path, "policy", "init", "in.csv", "--k", "1", "--out", "policy.json");
        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "out.csv");

        Assert.True(initCode == ExitCodes.Success, initError);
        JsonNode notes = JsonNode.Parse(File.ReadAllText(folder.File("policy.json")))!["columns"]!["notes"]!;
        Assert.Equal("redact", notes["operator"]!.GetValue<string>());
        Assert.True(code == ExitCodes.Success, error);
        string output = File.ReadAllText(folder.File("out.csv"));
        Assert.DoesNotContain("Ferreira", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Kingsway", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyCheck_WithInput_ReportsSmallestClass()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), ContactsCsv);
        string policy = ContactsPolicy("{ \"operator\": \"pseudonym\", \"parameters\": { \"kind\": \"email\" } }")
            .Replace("\"k\": 1", "\"quasiIdentifiers\": [\"class\"], \"k\": 2", StringComparison.Ordinal);
        File.WriteAllText(folder.File("policy.json"), policy);

        (int code, string output, string error) = SynthdataProcess.Run(folder.Path, "policy", "check", "policy.json", "--input", "in.csv");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("the smallest equivalence class has 1 record, below k = 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyCheck_PeopleAndSuppression()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "customer,zip\nA,10115\nA,10115\nA,10115\nB,20095\nC,20095\n");
        const string Columns = "\"columns\": { \"customer\": { \"operator\": \"pseudonym\" }, \"zip\": { \"operator\": \"keep\" } }";
        File.WriteAllText(folder.File("people.json"), $"{{ \"version\": 1, {Columns}, \"quasiIdentifiers\": [\"zip\"], \"k\": 2, \"entityColumn\": \"customer\" }}");
        File.WriteAllText(folder.File("all.json"), $"{{ \"version\": 1, {Columns}, \"quasiIdentifiers\": [\"zip\"], \"k\": 1000, \"enforceK\": true }}");

        (int peopleCode, string people, string peopleError) = SynthdataProcess.Run(folder.Path, "policy", "check", "people.json", "--input", "in.csv");
        (int allCode, string all, string allError) = SynthdataProcess.Run(folder.Path, "policy", "check", "all.json", "--input", "in.csv");

        Assert.True(peopleCode == ExitCodes.Success, peopleError);
        Assert.Contains("the smallest equivalence class has 1 person (distinct 'customer'), below k = 2", people, StringComparison.Ordinal);
        Assert.True(allCode == ExitCodes.Success, allError);
        Assert.Contains("enforceK suppressed the quasi-identifiers of all 5 records tried", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymize_Interrupted_LeavesNoOutput()
    {
        using var folder = new TemporaryFolder();
        (int generated, _, string generateError) = SynthdataProcess.Run(folder.Path, "generate-sample", "--rows", "300000", "--seed", "3", "--out", "big.csv");
        Assert.True(generated == ExitCodes.Success, generateError);
        File.WriteAllText(folder.File("policy.json"), File.ReadAllText(Path.Combine(RepositoryPaths.RepositoryRoot, "samples", "card_transactions_sample.policy.json")));

        using System.Diagnostics.Process process = SynthdataProcess.Start(folder.Path, "anonymize", "big.csv", "--policy", "policy.json", "--out", "out.csv", "--no-progress");

        // The staging file shows that the pass has started; then Ctrl+C arrives as SIGINT.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!Directory.EnumerateFiles(folder.Path, "*staging*").Any() && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(20);
        }

        Assert.False(process.HasExited, "anonymize finished before it could be interrupted");
        using (System.Diagnostics.Process signal = System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            signal.WaitForExit();
        }

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)));
        string error = process.StandardError.ReadToEnd();
        Assert.Equal(ExitCodes.Cancelled, process.ExitCode);
        Assert.Contains("Cancelled; no output was written.", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("out.csv")));
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*staging*"));
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public void KeysRotate_KeyVersionReproducesEarlierOutput()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), ContactsCsv);
        File.WriteAllText(folder.File("policy.json"), ContactsPolicy("{ \"operator\": \"pseudonym\", \"parameters\": { \"kind\": \"email\" } }"));

        (int firstCode, _, string firstError) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "v1.csv");
        (int rotateCode, string rotateOutput, _) = SynthdataProcess.Run(folder.Path, "keys", "rotate", "--key-file", "keys.local.json");
        (int secondCode, _, _) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "v2.csv");
        (int againCode, _, _) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "again.csv", "--key-version", "1");
        (int listCode, string listOutput, _) = SynthdataProcess.Run(folder.Path, "keys", "list", "--key-file", "keys.local.json");
        (int missingCode, _, string missingError) = SynthdataProcess.Run(folder.Path, "anonymize", "in.csv", "--policy", "policy.json", "--out", "v9.csv", "--key-version", "9");
        (int typoCode, _, string typoError) = SynthdataProcess.Run(folder.Path, "keys", "rotate", "--key-file", "keys.local.json", "--key-id", "defualt");

        Assert.True(firstCode == ExitCodes.Success, firstError);
        Assert.Equal(ExitCodes.Success, rotateCode);
        Assert.Contains("now at version 2", rotateOutput, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, secondCode);
        Assert.NotEqual(File.ReadAllText(folder.File("v1.csv")), File.ReadAllText(folder.File("v2.csv")));
        Assert.Equal(ExitCodes.Success, againCode);
        Assert.Equal(File.ReadAllText(folder.File("v1.csv")), File.ReadAllText(folder.File("again.csv")));
        Assert.Equal(ExitCodes.Success, listCode);
        Assert.Equal("default: version 2 current, 2 versions kept", listOutput.Trim());
        Assert.Equal(ExitCodes.InvalidPolicy, missingCode);
        Assert.Contains("has no version 9", missingError, StringComparison.Ordinal);

        // A mistyped key id is rejected instead of starting a second key.
        Assert.Equal(ExitCodes.InvalidPolicy, typoCode);
        Assert.Contains("Key 'defualt' is not in", typoError, StringComparison.Ordinal);
        Assert.DoesNotContain("defualt", File.ReadAllText(folder.File("keys.local.json")), StringComparison.Ordinal);
        string keyFile = File.ReadAllText(folder.File("keys.local.json"));
        JsonNode firstVersion = JsonNode.Parse(keyFile)!["keys"]!["default"]!["versions"]![0]!;
        string material = firstVersion["material"]!.GetValue<string>();
        Assert.DoesNotContain(material, rotateOutput + listOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void RealData_PolicyInitThenAnonymize_RemovesIdentifiers()
    {
        using var folder = new TemporaryFolder();
        string input = RepositoryPaths.SharedData("card_transactions.csv");

        (int initCode, _, string initError) = SynthdataProcess.Run(folder.Path, "policy", "init", input, "--out", "policy.json");
        Assert.True(initCode == ExitCodes.Success, initError);
        JsonNode draft = JsonNode.Parse(File.ReadAllText(folder.File("policy.json")))!;
        JsonNode columns = draft["columns"]!;
        Assert.Equal("token", columns["cc_num"]!["operator"]!.GetValue<string>());

        // Classes of the draft's quasi-identifiers each hold one card's transactions, so the draft must propose counting
        // people by the card number, as the extract has no customer id.
        Assert.Contains("\"entityColumn\": \"cc_num\"", draft["comment"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("pseudonym", columns["first"]!["operator"]!.GetValue<string>());
        Assert.Equal("pseudonym", columns["last"]!["operator"]!.GetValue<string>());
        Assert.Equal("drop", columns["street"]!["operator"]!.GetValue<string>());
        Assert.Equal("pseudonym", columns["trans_num"]!["operator"]!.GetValue<string>());
        Assert.Equal("generalize", columns["dob"]!["operator"]!.GetValue<string>());
        Assert.Equal("generalize", columns["zip"]!["operator"]!.GetValue<string>());

        // 341 of its ZIP codes lost their leading zero (5155 for 05155), so the draft pads them before the prefix.
        Assert.Equal(5, columns["zip"]!["parameters"]!["padDigits"]!.GetValue<int>());
        Assert.All(columns.AsObject(), column => Assert.False(string.IsNullOrWhiteSpace(column.Value!["comment"]!.GetValue<string>())));

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, "anonymize", input, "--policy", "policy.json", "--out", "out.csv");
        Assert.True(code == ExitCodes.Success, error);

        (List<string?[]> original, IReadOnlyList<string> header) = ReadAll(input);
        (List<string?[]> anonymized, IReadOnlyList<string> outputHeader) = ReadAll(folder.File("out.csv"));
        string output = File.ReadAllText(folder.File("out.csv"));
        int first = Index(header, "first");
        int last = Index(header, "last");
        foreach (string?[] row in original)
        {
            foreach (string column in new[] { "cc_num", "street", "trans_num" })
            {
                Assert.DoesNotContain(row[Index(header, column)]!, output, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(row[first] + " " + row[last], output, StringComparison.Ordinal);
        }

        // A name may appear as a cell only where the input had the same text in that column, such as a
        // city that shares its name with a surname. Anywhere else it would have leaked from a name column.
        var names = original.SelectMany(row => new[] { row[first], row[last] }).ToHashSet();
        for (int column = 0; column < outputHeader.Count; column++)
        {
            int source = Index(header, outputHeader[column]);
            var inputValues = original.Select(row => row[source]).ToHashSet();
            string?[] leaked = anonymized.Select(row => row[column])
                .Where(value => names.Contains(value) && !inputValues.Contains(value))
                .ToArray();
            Assert.True(leaked.Length == 0, $"Column '{outputHeader[column]}' has {leaked.Length} cells that equal an input name.");
        }

        Assert.Equal(original.Count, anonymized.Count);
    }

    private static int Index(IReadOnlyList<string> header, string name) => header.ToList().IndexOf(name);

    private static (List<string?[]> Rows, IReadOnlyList<string> Header) ReadAll(string path)
    {
        using var reader = new CsvRecordReader(path);
        var rows = new List<string?[]>();
        while (reader.ReadNext())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return (rows, reader.Header);
    }
}
