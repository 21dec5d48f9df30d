using Amazon.CDK;
using SyntheticData.Infrastructure.Stacks;

namespace SyntheticData.Infrastructure;

/// <summary>Builds the CDK app: its feature flags, settings and stacks.</summary>
public static class InfrastructureApp
{
    /// <summary>
    /// CDK feature flags the stacks rely on. Context from <c>cdk.json</c> or the command line
    /// overrides them, so keep them out of <c>cdk.json</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, object> FeatureFlags { get; } = new Dictionary<string, object>
    {
        // Grant S3 server access log delivery through the log bucket's policy, with conditions on
        // the source bucket and account, instead of through an ACL.
        ["@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy"] = true,
    };

    /// <summary>
    /// Creates the app with the feature flags and the given context, then adds every stack.
    /// </summary>
    /// <param name="context">Extra context values, such as settings for a test; may be null.</param>
    /// <param name="outdir">Cloud assembly folder; null lets the CDK choose (the CLI passes one).</param>
    public static (App App, AppStacks Stacks) Create(IDictionary<string, object>? context = null, string? outdir = null)
    {
        var merged = new Dictionary<string, object>(FeatureFlags);
        foreach (var (key, value) in context ?? new Dictionary<string, object>())
        {
            merged[key] = value;
        }

        var app = new App(new AppProps { Context = merged, Outdir = outdir });
        var settings = DeploymentSettings.FromContext(key => app.Node.TryGetContext(key));
        return (app, AddStacks(app, settings));
    }

    /// <summary>Adds the app's stacks to <paramref name="app"/>, in deployment order.</summary>
    public static AppStacks AddStacks(App app, DeploymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        var names = new ResourceNames(settings);
        var environment = settings.Account is null
            ? null
            : new Amazon.CDK.Environment { Account = settings.Account, Region = settings.Region };

        StackProps Props(string description) => new()
        {
            Env = environment,
            Description = description,
            TerminationProtection = true,
            Tags = new Dictionary<string, string>
            {
                ["synthdata:environment"] = settings.EnvironmentName,
                ["synthdata:app"] = settings.NamePrefix,
            },
        };

        var security = new SecurityStack(app, $"{names.Qualifier}-security", Props("KMS keys and the CloudTrail audit trail."), settings);
        var data = new DataStack(app, $"{names.Qualifier}-data", Props("Data buckets and the landing-event queue."), settings, security);

        // The stacks of the Lambda functions (ingest, anonymize, verify, evaluate, publish), the Glue
        // job, the state machine and the EKS training cluster belong here, between the data and
        // monitoring stacks, so that the monitoring stack can alarm on their metrics.
        var monitoring = new MonitoringStack(app, $"{names.Qualifier}-monitoring", Props("Alarms, the alarm topic and the dashboard."), settings, security, data);
        return new AppStacks(security, data, monitoring);
    }
}
