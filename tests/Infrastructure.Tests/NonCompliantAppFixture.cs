using Amazon.CDK;
using Amazon.CDK.AWS.CloudTrail;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Notifications;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using SyntheticData.Infrastructure.Compliance;

namespace SyntheticData.Infrastructure.Tests;

/// <summary>
/// An app that breaks every compliance rule in a known place, so each rule test can show that the
/// rule finds the fault, and a compliant twin beside some faults shows that it finds only the fault.
/// </summary>
public sealed class NonCompliantAppFixture : IDisposable
{
    public const string StackName = "non-compliant";

    public NonCompliantAppFixture()
    {
        OutputDirectory = Directory.CreateTempSubdirectory("synthdata-cdk-bad-").FullName;
        var app = new App(new AppProps { Outdir = OutputDirectory, Context = new Dictionary<string, object>(InfrastructureApp.FeatureFlags) });
        var stack = new Stack(app, StackName);

        // A bucket with none of the controls.
        PlainBucket = new Bucket(stack, "PlainBucket");

        // The landing bucket of the W7 case, encrypted with a customer key and tagged as landing.
        LandingKey = new Key(stack, "LandingKey", new KeyProps { EnableKeyRotation = true });
        Landing = new Bucket(stack, "Landing", new BucketProps
        {
            BucketName = "landing-bkt",
            Encryption = BucketEncryption.KMS,
            EncryptionKey = LandingKey,
            BucketKeyEnabled = true,
        });
        Amazon.CDK.Tags.Of(Landing).Add(ResourceTags.BucketPurpose, ResourceNames.LandingPurpose);
        Amazon.CDK.Tags.Of(Landing).Add(ResourceTags.DataClass, "raw");

        // W7: notifications to a queue encrypted with the AWS-managed SQS key. The queue has no
        // dead-letter queue either.
        ManagedKeyQueue = new Queue(stack, "LandingEvents", new QueueProps { Encryption = QueueEncryption.KMS_MANAGED });
        Landing.AddEventNotification(
            EventType.OBJECT_CREATED,
            new SqsDestination(ManagedKeyQueue),
            new NotificationKeyFilter { Prefix = "incoming/" });

        // A key without rotation whose policy gives every KMS action to a role.
        WeakKey = new Key(stack, "WeakKey", new KeyProps { EnableKeyRotation = false });
        var keyUser = new Role(stack, "KeyUser", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
        WeakKey.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Principals = [keyUser],
            Actions = ["kms:*"],
            Resources = ["*"],
        }));

        // W4: a pipeline role that may write into the landing bucket, and s3:* on everything.
        WriterRole = new Role(stack, "LandingWriter", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
        Landing.GrantWrite(WriterRole);
        WriterRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = ["s3:*"], Resources = ["*"] }));

        // W8: an encryption-context condition on object ARNs for a bucket with Bucket Keys.
        GlueRole = new Role(stack, "GlueJobRole", new RoleProps { AssumedBy = new ServicePrincipal("glue.amazonaws.com") });
        GlueRole.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["kms:Decrypt", "kms:GenerateDataKey"],
            Resources = [LandingKey.KeyArn],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = "s3.eu-west-1.amazonaws.com" },
                ["StringLike"] = new Dictionary<string, object> { ["kms:EncryptionContext:aws:s3:arn"] = "arn:aws:s3:::landing-bkt/incoming/*" },
            },
        }));

        // W9: a read grant on the bucket imported by name, without its key ...
        ReaderByName = new Role(stack, "IngestByName", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
        Bucket.FromBucketName(stack, "LandingByName", "landing-bkt").GrantRead(ReaderByName);

        // ... and the same grant on the bucket imported with its key, which is correct.
        ReaderWithKey = new Role(stack, "IngestWithKey", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
        Bucket.FromBucketAttributes(stack, "LandingWithKey", new BucketAttributes { BucketName = "landing-bkt", EncryptionKey = LandingKey })
            .GrantRead(ReaderWithKey);

        // A trail without validation, encryption, CloudWatch Logs delivery or object lock.
        WeakTrail = new Trail(stack, "WeakTrail", new TrailProps
        {
            EnableFileValidation = false,
            IsMultiRegionTrail = false,
            SendToCloudWatchLogs = false,
        });

        ForeverLogGroup = new LogGroup(stack, "ForeverLogs", new LogGroupProps { Retention = RetentionDays.INFINITE });
        PlainTopic = new Topic(stack, "PlainTopic");
        SilentAlarm = new Alarm(stack, "SilentAlarm", new AlarmProps
        {
            Metric = ManagedKeyQueue.MetricApproximateNumberOfMessagesVisible(),
            Threshold = 1,
            EvaluationPeriods = 1,
        });

        Templates = AppTemplates.Load(app.Synth().Directory);
    }

    public string OutputDirectory { get; }

    public AppTemplates Templates { get; }

    public Bucket PlainBucket { get; }

    public Key LandingKey { get; }

    public Bucket Landing { get; }

    public Queue ManagedKeyQueue { get; }

    public Key WeakKey { get; }

    public Role WriterRole { get; }

    public Role GlueRole { get; }

    public Role ReaderByName { get; }

    public Role ReaderWithKey { get; }

    public Trail WeakTrail { get; }

    public LogGroup ForeverLogGroup { get; }

    public Topic PlainTopic { get; }

    public Alarm SilentAlarm { get; }

    public void Dispose() => Directory.Delete(OutputDirectory, recursive: true);
}
