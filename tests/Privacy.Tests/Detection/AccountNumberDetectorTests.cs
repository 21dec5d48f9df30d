using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class AccountNumberDetectorTests
{
    private readonly AccountNumberDetector _detector = new();

    [Theory]
    [InlineData("acct # 9224 105298. called", "9224 105298")]
    [InlineData("acct# 9684106147 (joint)", "9684106147")]
    [InlineData("a/c 9684106147", "9684106147")]
    [InlineData("acct# 968-410-6147", "968-410-6147")]
    [InlineData("Kontonummer 0532013000 gesperrt", "0532013000")]
    [InlineData("savings account no. 12345678", "12345678")]
    [InlineData("account nbr 12345678", "12345678")]
    [InlineData("conto corrente 12345678", "12345678")]
    public void Detect_FindsLabelledAccounts(string text, string number)
    {
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        PiiFinding finding = Assert.Single(findings);
        Assert.Equal(PiiKind.AccountNumber, finding.Kind);
        Assert.Equal(number, text.Substring(finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("account balance 123456")]
    [InlineData("account ending 4467")]
    [InlineData("acct 1,234,567.00 overdrawn")]
    [InlineData("account opened 2019")]
    [InlineData("order 92241052 shipped")]
    [InlineData("acct AB123456")]
    [InlineData("acct 2024-03 statement reissued")]
    [InlineData("Kontonummer 0000000000 aus Testfall")]
    public void Detect_IgnoresOtherNumbers(string text)
    {
        List<PiiFinding> findings = [];
        _detector.Detect(text, findings);

        Assert.Empty(findings);
    }
}
