namespace SyntheticData.Infrastructure.Tests;

/// <summary>Shares the synthesized apps between all test classes, so each app is synthesized once per run.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>, ICollectionFixture<NonCompliantAppFixture>
{
    public const string Name = "Synthesized apps";
}
