using Amazon.CDK;
using Amazon.CDK.Assertions;
using SyntheticData.Infrastructure.Compliance;

namespace SyntheticData.Infrastructure.Tests;

/// <summary>The real app, built with test context values and synthesized into a temporary folder.</summary>
public sealed class AppFixture : IDisposable
{
    public const string AlarmEmail = "compliance-alerts@example.com";

    public AppFixture()
    {
        OutputDirectory = Directory.CreateTempSubdirectory("synthdata-cdk-").FullName;
        var context = new Dictionary<string, object>
        {
            [ContextKeys.NamePrefix] = "synthdata",
            [ContextKeys.Environment] = "test",
            [ContextKeys.AlarmEmail] = AlarmEmail,
            [ContextKeys.RawRetentionDays] = 21,
            [ContextKeys.ResidualPiiThreshold] = 2,
        };
        (App, Stacks) = InfrastructureApp.Create(context, OutputDirectory);
        Settings = DeploymentSettings.FromContext(key => App.Node.TryGetContext(key));

        var assembly = App.Synth();
        Templates = AppTemplates.Load(assembly.Directory);
        Security = Template.FromStack(Stacks.Security);
        Data = Template.FromStack(Stacks.Data);
        Monitoring = Template.FromStack(Stacks.Monitoring);
    }

    public string OutputDirectory { get; }

    public App App { get; }

    public AppStacks Stacks { get; }

    public DeploymentSettings Settings { get; }

    public AppTemplates Templates { get; }

    public Template Security { get; }

    public Template Data { get; }

    public Template Monitoring { get; }

    /// <summary>Returns the logical id of a construct's CloudFormation resource.</summary>
    public static string LogicalId(Amazon.CDK.IResource construct) =>
        Stack.Of(construct).GetLogicalId((CfnElement)construct.Node.DefaultChild!);

    /// <summary>Returns the rendered Arn attribute of a construct's resource, as <see cref="AppTemplates.Render"/> writes it.</summary>
    public static string RenderedArn(Amazon.CDK.IResource construct) =>
        $"${{{Stack.Of(construct).StackName}/{LogicalId(construct)}.Arn}}";

    public void Dispose() => Directory.Delete(OutputDirectory, recursive: true);
}
