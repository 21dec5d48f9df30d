using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace SyntheticData.Infrastructure.Tests;

public sealed class DeploymentSettingsTests
{
    [Fact]
    public void FromContext_UsesDefaultsWhenNothingIsSet()
    {
        var settings = DeploymentSettings.FromContext(_ => null);

        Assert.Equal(new DeploymentSettings(), settings);
        Assert.Equal("synthdata", settings.NamePrefix);
        Assert.Equal("dev", settings.EnvironmentName);
        Assert.Null(settings.AlarmEmail);
        Assert.Null(settings.Account);
        Assert.Equal(360, settings.QueueVisibilityTimeoutSeconds);
    }

    [Fact]
    public void FromContext_ParsesCommandLineStrings()
    {
        var context = new Dictionary<string, object>
        {
            [ContextKeys.RawRetentionDays] = "45",
            [ContextKeys.Environment] = "prod",
            [ContextKeys.AlarmEmail] = "ops@example.com",
            [ContextKeys.Account] = "111122223333",
            [ContextKeys.Region] = "eu-west-1",
            [ContextKeys.TrailLogGroupRetentionDays] = 90.0,
        };

        var settings = DeploymentSettings.FromContext(key => context.GetValueOrDefault(key));

        Assert.Equal(45, settings.RawRetentionDays);
        Assert.Equal("prod", settings.EnvironmentName);
        Assert.Equal("ops@example.com", settings.AlarmEmail);
        Assert.Equal("111122223333", settings.Account);
        Assert.Equal("eu-west-1", settings.Region);
        Assert.Equal(90, settings.TrailLogGroupRetentionDays);
    }

    [Fact]
    public void FromContext_ListsEveryInvalidValue()
    {
        var context = new Dictionary<string, object>
        {
            [ContextKeys.NamePrefix] = "Bad_Prefix",
            [ContextKeys.TrailLogGroupRetentionDays] = 100,
            [ContextKeys.RawRetentionDays] = "ten",
            [ContextKeys.Account] = "111122223333",
            [ContextKeys.IngestTimeoutSeconds] = 901,
        };

        var exception = Assert.Throws<ArgumentException>(() => DeploymentSettings.FromContext(key => context.GetValueOrDefault(key)));

        Assert.Contains($"'{ContextKeys.NamePrefix}'", exception.Message);
        Assert.Contains($"'{ContextKeys.TrailLogGroupRetentionDays}' must be one of", exception.Message);
        Assert.Contains($"'{ContextKeys.RawRetentionDays}' must be a whole number", exception.Message);
        Assert.Contains($"'{ContextKeys.Region}'", exception.Message);
        Assert.Contains($"'{ContextKeys.IngestTimeoutSeconds}' must be between 1 and 900", exception.Message);
    }

    [Fact]
    public void Validate_RejectsTooLongBucketNames()
    {
        var longest = new DeploymentSettings { NamePrefix = "abcdefghijkl", EnvironmentName = "abcdefgh" };
        var tooLong = longest with { Account = "111122223333", Region = "ap-southeastern-1" };

        Assert.Empty(longest.Validate());
        var error = Assert.Single(tooLong.Validate());
        Assert.Contains("S3 allows 63", error);
    }

    [Fact]
    public void Validate_RejectsInvalidEmailWithoutEchoingIt()
    {
        var settings = new DeploymentSettings { AlarmEmail = "not-an-address" };

        var error = Assert.Single(settings.Validate());

        Assert.Contains(ContextKeys.AlarmEmail, error);
        Assert.DoesNotContain("not-an-address", error);
    }

    [Fact]
    public void LogRetention_RejectsUnsupportedDays()
    {
        Assert.True(LogRetention.IsAccepted(365));
        Assert.False(LogRetention.IsAccepted(100));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogRetention.FromDays(100));
    }

    [Fact]
    public void CdkJson_RunsAppWithDefaultContext()
    {
        var cdkJson = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "cdk.json")))!;
        Assert.Equal("dotnet run --project src/Infrastructure", cdkJson["app"]!.GetValue<string>());

        var context = cdkJson["context"]!.AsObject();
        var settings = DeploymentSettings.FromContext(key => context[key] is JsonValue value ? ToClr(value) : null);
        Assert.Equal(new DeploymentSettings(), settings);

        // Every key in cdk.json is one the app reads, so a misspelt key cannot go unnoticed.
        var known = typeof(ContextKeys).GetFields().Select(field => (string)field.GetValue(null)!).ToHashSet();
        Assert.All(context.Select(pair => pair.Key), key => Assert.Contains(key, known));
    }

    [Fact]
    public void OperationsGuide_DocumentsEveryContextKey()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "operations.md"));

        foreach (var field in typeof(ContextKeys).GetFields())
        {
            Assert.Contains($"`{field.GetValue(null)}`", guide);
        }
    }

    private static object ToClr(JsonValue value) =>
        value.TryGetValue<string>(out var text) ? text : value.GetValue<double>();

    // The tests may be built outside the repository (ArtifactsPath), so find it from this source file.
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourceFile)!, "..", ".."));
}
