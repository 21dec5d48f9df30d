using SyntheticData.Privacy.Policies;
using SyntheticData.Privacy.Tests.Support;

namespace SyntheticData.Privacy.Tests.Policies;

public sealed class PolicyReaderTests
{
    [Fact]
    public void Parse_FullPolicy_ReadsEveryField()
    {
        const string json = """
            {
              "version": 1,
              "dataset": "cards",
              "encoding": "windows-1252",
              "separator": ";",
              "nullMarkers": ["", "NULL"],
              "unlistedColumns": "drop",
              "keyId": "cards-2024",
              "defaultPhoneRegion": "GB",
              "targetColumn": "is_fraud",
              "columns": {
                "card": { "operator": "truncate", "parameters": { "keepFirst": 0 }, "comment": "PAN" },
                "dob": { "operator": "generalize", "parameters": { "method": "dateYear" } },
                "zip": { "operator": "generalize", "parameters": { "method": "postcodePrefix", "length": 2 } },
                "is_fraud": { "operator": "keep" }
              },
              "quasiIdentifiers": ["dob", "zip"],
              "k": 10,
              "enforceK": true,
              "synthesis": { "synthesizer": "gaussian-copula", "seed": 7 }
            }
            """;

        DatasetPolicy policy = PolicyReader.Parse(json);

        Assert.Equal("cards", policy.Dataset);
        Assert.Equal("windows-1252", policy.Encoding);
        Assert.Equal(';', policy.Separator);
        Assert.Equal(["", "NULL"], policy.NullMarkers);
        Assert.Equal(UnlistedColumnAction.Drop, policy.UnlistedColumns);
        Assert.Equal("cards-2024", policy.KeyId);
        Assert.Equal("GB", policy.DefaultPhoneRegion);
        Assert.Equal(OperatorKind.Truncate, policy.Columns["card"].Operator);
        Assert.Equal("PAN", policy.Columns["card"].Comment);
        Assert.Equal(["dob", "zip"], policy.QuasiIdentifiers);
        Assert.Equal(10, policy.K);
        Assert.True(policy.EnforceK);
        Assert.NotNull(policy.Synthesis);
    }

    [Fact]
    public void Parse_Defaults_FailClosed()
    {
        DatasetPolicy policy = PolicyReader.Parse(AnonymizationHarness.Policy("\"a\": {\"operator\": \"keep\"}"));

        Assert.Equal(UnlistedColumnAction.Fail, policy.UnlistedColumns);
        Assert.Equal("utf-8", policy.Encoding);
        Assert.Equal(["", "\"\"", "NULL", "\\N"], policy.NullMarkers);
    }

    [Theory]
    [InlineData("\"a\": {\"operator\": \"scramble\"}", "/columns/a/operator")]
    [InlineData("\"a\": {\"operator\": \"noise\"}", "/columns/a")]
    [InlineData("\"a\": {\"operator\": \"truncate\", \"parameters\": {\"keepFirst\": 8}}", "/columns/a/parameters/keepFirst")]
    [InlineData("\"a\": {\"operator\": \"keep\", \"parameters\": {\"x\": 1}}", "/columns/a/parameters")]
    public void Parse_SchemaViolations_NameTheLocation(string columns, string location)
    {
        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse(AnonymizationHarness.Policy(columns)));

        Assert.Contains(exception.Errors, error => error.StartsWith(location, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"defaultPhoneRegion\": \"uk\"", "/defaultPhoneRegion: the value does not match the pattern \"^[A-Z]{2}$\"")]
    [InlineData("\"keyId\": \"my key\"", "/keyId: the value does not match the pattern \"^[A-Za-z0-9._-]+$\"")]
    public void Parse_PatternViolation_NamesPattern(string setting, string expected)
    {
        PolicyException exception = Assert.Throws<PolicyException>(
            () => PolicyReader.Parse(AnonymizationHarness.Policy("\"a\": {\"operator\": \"keep\"}", setting)));

        Assert.Contains(expected, exception.Errors);
    }

    [Theory]
    [InlineData("\"separator\": \",\"")]
    [InlineData("\"separator\": \"tab\"")]
    public void Parse_OneViolation_ListsOnlyIt(string setting)
    {
        // The separator passes one alternative of its anyOf; the other alternative's failure is not a violation.
        PolicyException exception = Assert.Throws<PolicyException>(
            () => PolicyReader.Parse(AnonymizationHarness.Policy("\"a\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"emial\"}}", setting)));

        string error = Assert.Single(exception.Errors);
        Assert.StartsWith("/columns/a/parameters/kind", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidSeparator_SaysWhatIsAllowed()
    {
        PolicyException exception = Assert.Throws<PolicyException>(
            () => PolicyReader.Parse(AnonymizationHarness.Policy("\"a\": {\"operator\": \"keep\"}", "\"separator\": \"ab\"")));

        Assert.Contains("/separator: the value must be \"tab\"", exception.Errors);
    }

    [Fact]
    public void Parse_KeepWithParameters_SaysHowMany()
    {
        PolicyException exception = Assert.Throws<PolicyException>(
            () => PolicyReader.Parse(AnonymizationHarness.Policy("\"a\": {\"operator\": \"keep\", \"parameters\": {\"x\": 1}}")));

        Assert.Contains("/columns/a/parameters: at most 0 properties are allowed here, and there are 1", exception.Errors);
    }

    [Fact]
    public void Parse_InvalidJson_GivesLine()
    {
        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse("{\n \"version\": 1,\n oops }", "p.json"));

        Assert.Contains("line 3", exception.Errors[0], StringComparison.Ordinal);
        Assert.Contains("p.json", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UK")]
    [InlineData("FE")]
    public void Parse_InvalidPhoneRegion_IsRejected(string region)
    {
        string json = AnonymizationHarness.Policy("\"a\": {\"operator\": \"keep\"}", $"\"defaultPhoneRegion\": \"{region}\"");

        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse(json));

        Assert.Contains(exception.Errors, error => error.StartsWith("defaultPhoneRegion", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("cvv")]
    [InlineData("Card Security Code")]
    [InlineData("track2_data")]
    [InlineData("card_csc")]
    [InlineData("Card Verification Number")]
    [InlineData("Prüfziffer")]
    [InlineData("kartenprüfnummer")]
    [InlineData("cardCode")]
    [InlineData("verification_code")]
    [InlineData("pin_block")]
    [InlineData("PIN")]
    [InlineData("Kartenprüfziffer")]
    [InlineData("card_pin")]
    [InlineData("pin_code")]
    [InlineData("PIN Number")]
    [InlineData("PIN-Nummer")]
    [InlineData("customer_pin")]
    [InlineData("pinno")]
    [InlineData("CAV2")]
    [InlineData("codigo_seguridad")]
    [InlineData("cod_seguridad")]
    [InlineData("cryptogramme_visuel")]
    public void Parse_SecurityCodeNotDropped_IsRejected(string column)
    {
        string json = AnonymizationHarness.Policy($"\"{column}\": {{\"operator\": \"mask\"}}");

        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse(json));

        Assert.Contains(exception.Errors, error => error.Contains("must use operator 'drop'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"tab\"", '\t')]
    [InlineData("\"\\t\"", '\t')]
    [InlineData("\"|\"", '|')]
    public void Parse_Separator_ReadsTabWord(string separator, char expected)
    {
        string json = "{ \"version\": 1, \"separator\": " + separator + ", \"columns\": { \"a\": { \"operator\": \"keep\" } } }";

        Assert.Equal(expected, PolicyReader.Parse(json).Separator);
    }

    [Fact]
    public void Parse_SeparatorOtherWord_IsRejected()
    {
        string json = "{ \"version\": 1, \"separator\": \"TAB\", \"columns\": { \"a\": { \"operator\": \"keep\" } } }";

        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse(json));

        Assert.Contains("/separator: the value is 3 characters long, and the most allowed here is 1", exception.Errors);
        Assert.DoesNotContain(exception.Errors, error => error.Contains("\\u0022", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("spin_count")]
    [InlineData("pinterest_clicks")]
    [InlineData("shipping")]
    [InlineData("cvv_result")]
    [InlineData("cvv_checked")]
    [InlineData("pin_verified")]
    [InlineData("cvc_match")]
    public void Parse_NamesThatHoldNoCode_Accepted(string column)
    {
        DatasetPolicy policy = PolicyReader.Parse(AnonymizationHarness.Policy($"\"{column}\": {{\"operator\": \"keep\"}}"));

        Assert.Equal(OperatorKind.Keep, policy.Columns[column].Operator);
    }

    [Fact]
    public void Parse_EntityColumn_MustBeAColumn()
    {
        PolicyDocument("\"customer\"", out DatasetPolicy? policy, out _);
        PolicyDocument("\"client\"", out _, out PolicyException? error);

        Assert.Equal("customer", policy!.EntityColumn);
        Assert.Contains(error!.Errors, message => message.Contains("entityColumn 'client'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EntityColumnAsQuasiIdentifier_IsRejected()
    {
        string json = AnonymizationHarness.Policy(
            "\"customer\": {\"operator\": \"pseudonym\"}, \"zip\": {\"operator\": \"keep\"}",
            "\"quasiIdentifiers\": [\"zip\", \"customer\"], \"entityColumn\": \"customer\"");

        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse(json));

        Assert.Contains(exception.Errors, error => error.Contains("entityColumn 'customer' is also a quasi-identifier", StringComparison.Ordinal));
    }

    private static void PolicyDocument(string entity, out DatasetPolicy? policy, out PolicyException? error)
    {
        string json = AnonymizationHarness.Policy(
            "\"customer\": {\"operator\": \"pseudonym\"}, \"zip\": {\"operator\": \"keep\"}",
            "\"quasiIdentifiers\": [\"zip\"], \"entityColumn\": " + entity);
        policy = null;
        error = null;
        try
        {
            policy = PolicyReader.Parse(json);
        }
        catch (PolicyException exception)
        {
            error = exception;
        }
    }

    [Fact]
    public void Parse_UnknownOperator_GivesOneMessage()
    {
        string json = AnonymizationHarness.Policy("\"a\": {\"operator\": \"pseudonymize\"}, \"b\": {\"operator\": \"keep\"}");

        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse(json));

        string error = Assert.Single(exception.Errors);
        Assert.StartsWith("/columns/a/operator", error, StringComparison.Ordinal);
        Assert.Contains("pseudonymize", error, StringComparison.Ordinal);
        Assert.Contains("\"pseudonym\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MisspelledParameter_NamesIt()
    {
        string json = AnonymizationHarness.Policy("\"a\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"emial\"}}");

        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse(json));

        string error = Assert.Single(exception.Errors);
        Assert.StartsWith("/columns/a/parameters/kind", error, StringComparison.Ordinal);
        Assert.Contains("emial", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_AreAllReported()
    {
        string json = AnonymizationHarness.Policy(
            "\"a\": {\"operator\": \"drop\"}, \"b\": {\"operator\": \"dateShift\", \"parameters\": {\"entityColumn\": \"missing\"}}, \"n\": {\"operator\": \"noise\", \"parameters\": {\"scale\": 1}}",
            "\"quasiIdentifiers\": [\"a\", \"zzz\"], \"sensitiveAttributes\": [\"n\"], \"targetColumn\": \"a\"");

        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse(json));

        Assert.Contains(exception.Errors, error => error.Contains("'a' is dropped", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, error => error.Contains("'zzz' is not a column", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, error => error.Contains("entityColumn 'missing'", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, error => error.StartsWith("targetColumn", StringComparison.Ordinal));
        Assert.True(exception.Errors.Count >= 4);
    }

    [Fact]
    public void Parse_InvalidDateFormat_IsRejected()
    {
        string json = AnonymizationHarness.Policy("\"d\": {\"operator\": \"generalize\", \"parameters\": {\"method\": \"dateYear\", \"formats\": [\"%\"]}}");

        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse(json));

        Assert.Contains(exception.Errors, error => error.Contains("formats", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnknownGate_Rejected()
    {
        string json = AnonymizationHarness.Policy("\"city\": {\"operator\": \"keep\"}", "\"gates\": {\"minQuality\": 0.8}");

        var exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse(json));

        Assert.Contains(exception.Errors, error => error.Contains("minQuality", StringComparison.Ordinal));
    }

    [Fact]
    public void Writer_Output_ReadsBackEqual()
    {
        DatasetPolicy policy = PolicyReader.Parse(AnonymizationHarness.Policy(
            "\"card\": {\"operator\": \"token\", \"parameters\": {\"kind\": \"card\"}, \"comment\": \"Luhn-invalid \\\"tokens\\\"\"}, \"city\": {\"operator\": \"keep\"}",
            "\"quasiIdentifiers\": [\"city\"], \"k\": 3, \"gates\": {\"minQualityScore\": 0.8}"));

        DatasetPolicy again = PolicyReader.Parse(PolicyWriter.ToJson(policy));

        Assert.Equal(policy.Columns.Keys, again.Columns.Keys);
        Assert.Equal("Luhn-invalid \"tokens\"", again.Columns["card"].Comment);
        Assert.Equal(OperatorKind.Token, again.Columns["card"].Operator);
        Assert.Equal(policy.QuasiIdentifiers, again.QuasiIdentifiers);
        Assert.Equal(3, again.K);
        Assert.NotNull(again.Gates);
    }

    [Fact]
    public void Schema_IsShippedAsResource()
    {
        Assert.Contains("\"unlistedColumns\"", PolicySchema.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FractionalAgeBandWidth_IsRejected()
    {
        string policy = AnonymizationHarness.Policy(
            "\"age\": {\"operator\": \"generalize\", \"parameters\": {\"method\": \"ageBands\", \"width\": 2.5}}");

        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse(policy));

        Assert.Contains(exception.Errors, error => error.Contains("'width' must be an integer from 1 to 200", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DuplicateColumnKey_IsRejected()
    {
        string json = AnonymizationHarness.Policy("\"a\": {\"operator\": \"drop\"}, \"b\": {\"operator\": \"keep\"}, \"a\": {\"operator\": \"keep\"}");

        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse(json));

        Assert.Contains(exception.Errors, error => error.Contains("key 'a' appears twice in one object (second time at line 1)", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WholeNumberWithPoint_IsRead()
    {
        DatasetPolicy policy = PolicyReader.Parse("{ \"version\": 1.0, \"k\": 5.0, \"columns\": { \"a\": {\"operator\": \"keep\"} } }");

        Assert.Equal(5, policy.K);
        Assert.Equal(1, policy.Version);
    }

    [Theory]
    [InlineData("\"k\": 99999999999", "k")]
    [InlineData("\"separator\": \"\\\"\"", "separator must not be")]
    [InlineData("\"separator\": \"N\"", "separator must not be")]
    [InlineData("\"nullMarkers\": [\"a,b\"]", "nullMarkers: 'a,b' contains the separator")]
    [InlineData("\"targetColumn\": \"nope\"", "targetColumn 'nope' is not a column")]
    public void Parse_UnusableSetting_IsRejected(string setting, string expected)
    {
        string json = AnonymizationHarness.Policy("\"a\": {\"operator\": \"keep\"}", setting);

        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse(json));

        Assert.Contains(exception.Errors, error => error.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DateShiftOwnEntity_IsRejected()
    {
        string json = AnonymizationHarness.Policy(
            "\"d\": {\"operator\": \"dateShift\", \"parameters\": {\"entityColumn\": \"d\"}}");

        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse(json));

        Assert.Contains(exception.Errors, error => error.Contains("not the date column itself", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ColumnWithoutOperator_OneProblem()
    {
        string json = AnonymizationHarness.Policy("\"a\": {\"parameters\": {}}");

        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse(json));

        string problem = Assert.Single(exception.Errors);
        Assert.Contains("\"operator\"", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ParameterOfOtherMethod_IsRejected()
    {
        string json = AnonymizationHarness.Policy(
            "\"zip\": {\"operator\": \"generalize\", \"parameters\": {\"method\": \"postcodePrefix\", \"width\": 10}}");

        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse(json));

        Assert.Contains(exception.Errors, error => error.Contains("parameter 'width' does not apply to method 'postcodePrefix'", StringComparison.Ordinal));
    }
    [Theory]
    [InlineData("\"t\": {\"operator\": \"generalize\", \"parameters\": {\"method\": \"dateMonth\", \"formats\": [\"HH:mm\"]}}", "'HH:mm' has no year")]
    [InlineData("\"t\": {\"operator\": \"generalize\", \"parameters\": {\"method\": \"dateMonth\", \"formats\": [\"yyyy\"]}}", "'yyyy' has no month")]
    [InlineData("\"t\": {\"operator\": \"generalize\", \"parameters\": {\"method\": \"dateYear\", \"formats\": [\"MM/'y'dd\"]}}", "has no year")]
    [InlineData("\"t\": {\"operator\": \"dateShift\", \"parameters\": {\"entityColumn\": \"id\", \"formats\": [\"yyyy-MM\"]}}", "'yyyy-MM' has no day")]
    [InlineData("\"t\": {\"operator\": \"generalize\", \"parameters\": {\"method\": \"ageBands\", \"origin\": 100, \"top\": 90}}", "must be below 'top'")]
    [InlineData("\"t\": {\"operator\": \"generalize\", \"parameters\": {\"method\": \"numericBins\", \"width\": 1e-30}}", "'width' must be at least")]
    [InlineData("\"t\": {\"operator\": \"generalize\", \"parameters\": {\"method\": \"numericBins\", \"width\": 10, \"origin\": 1e29}}", "'origin' must be between -1e15 and 1e15")]
    [InlineData("\"t\": {\"operator\": \"token\", \"parameters\": {\"kind\": \"digits\", \"preserveIin\": true}}", "'preserveIin' applies to kind 'card' only")]
    [InlineData("\"t\": {\"operator\": \"mask\", \"parameters\": {\"maskChar\": \" \"}}", "'maskChar' must be a visible character")]
    [InlineData("\"t\": {\"operator\": \"truncate\", \"parameters\": {\"maskChar\": \",\"}}", "'maskChar' must be a visible character")]
    public void Parse_ContradictoryParameter_IsRejected(string rule, string expected)
    {
        string json = AnonymizationHarness.Policy("\"id\": {\"operator\": \"keep\"}, " + rule);

        PolicyException exception = Assert.Throws<PolicyException>(() => PolicyReader.Parse(json));

        Assert.Contains(exception.Errors, error => error.Contains("column 't'", StringComparison.Ordinal) && error.Contains(expected, StringComparison.Ordinal));
    }
}
