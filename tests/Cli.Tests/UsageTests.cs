using SyntheticData.Cli.Tests.Anonymization;

namespace SyntheticData.Cli.Tests;

/// <summary>Command-line mistakes exit with the documented usage code and a hint, never a stack trace.</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData("run", "in.csv", "--epochs", "abc")]
    [InlineData("run", "in.csv", "--bogus")]
    [InlineData("generate-sample", "--rows", "10")]
    [InlineData("no-such-command")]
    public void InvalidUsage_ExitsWithUsageCode(params string[] arguments)
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("in.csv"), "a,b\n1,2\n");

        (int code, _, string error) = SynthdataProcess.Run(folder.Path, arguments);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--help", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
