using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using Constructs;
using SyntheticData.Infrastructure.Internal;

namespace SyntheticData.Infrastructure.Stacks;

/// <summary>
/// The data buckets (landing, anonymized, synthetic, quarantine), their access-log bucket and the
/// queue that receives the landing bucket's object-created events.
/// </summary>
public sealed class DataStack : Stack
{
    /// <summary>Key prefix under which data engineers upload extracts; only these keys notify the queue.</summary>
    public const string IncomingPrefix = "incoming/";

    /// <summary>How often a message is received before it moves to the dead-letter queue.</summary>
    public const int MaxReceiveCount = 5;

    /// <summary>
    /// Object key suffixes of the accepted extract formats: CSV, gzip CSV, Parquet and JSON Lines.
    /// </summary>
    /// <remarks>
    /// S3 notification filters compare case-sensitively, so an upload named <c>DATA.CSV</c> sends
    /// no event. No suffix is the end of another, which S3 requires of filters on one event type.
    /// </remarks>
    public static IReadOnlyList<string> AcceptedSuffixes { get; } = [".csv", ".csv.gz", ".parquet", ".jsonl"];

    /// <summary>Creates the buckets and queues with the keys of <paramref name="security"/>.</summary>
    public DataStack(Construct scope, string id, IStackProps props, DeploymentSettings settings, SecurityStack security)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(security);
        var names = new ResourceNames(settings);
        AddDependency(security, "The buckets and queues are encrypted with the security stack's keys.");

        AccessLogsBucket = SecureBucket.Create(this, "AccessLogsBucket", new SecureBucketProps
        {
            BucketName = names.BucketName(ResourceNames.AccessLogsPurpose),
            Purpose = ResourceNames.AccessLogsPurpose,
            DataClass = DataClass.Audit,
            Key = security.AuditKey,
            AccessLogs = null,
            ExpirationDays = settings.TrailRetentionDays,
            NoncurrentVersionRetentionDays = settings.NoncurrentVersionRetentionDays,
        });

        LandingBucket = CreateDataBucket("LandingBucket", ResourceNames.LandingPurpose, DataClass.Raw, settings.RawRetentionDays);
        QuarantineBucket = CreateDataBucket("QuarantineBucket", ResourceNames.QuarantinePurpose, DataClass.Raw, settings.RawRetentionDays);
        AnonymizedBucket = CreateDataBucket("AnonymizedBucket", ResourceNames.AnonymizedPurpose, DataClass.Anonymized, null);
        SyntheticBucket = CreateDataBucket("SyntheticBucket", ResourceNames.SyntheticPurpose, DataClass.Synthetic, null);

        LandingEventsDeadLetterQueue = new Queue(this, "LandingEventsDeadLetterQueue", new QueueProps
        {
            QueueName = names.LandingEventsDeadLetterQueueName,
            Encryption = QueueEncryption.KMS,
            EncryptionMasterKey = security.RawKey,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        LandingEventsQueue = new Queue(this, "LandingEventsQueue", new QueueProps
        {
            QueueName = names.LandingEventsQueueName,
            Encryption = QueueEncryption.KMS,
            EncryptionMasterKey = security.RawKey,
            DataKeyReuse = Duration.Minutes(5),
            EnforceSSL = true,
            VisibilityTimeout = Duration.Seconds(settings.QueueVisibilityTimeoutSeconds),
            RetentionPeriod = Duration.Days(4),
            DeadLetterQueue = new DeadLetterQueue { Queue = LandingEventsDeadLetterQueue, MaxReceiveCount = MaxReceiveCount },
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        Amazon.CDK.Tags.Of(LandingEventsQueue).Add(ResourceTags.DataClass, "raw");
        Amazon.CDK.Tags.Of(LandingEventsDeadLetterQueue).Add(ResourceTags.DataClass, "raw");

        // Only the landing bucket of this account may send, which blocks a confused deputy.
        LandingEventsQueue.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowLandingBucketNotifications",
            Principals = [new ServicePrincipal("s3.amazonaws.com")],
            Actions = ["sqs:SendMessage"],
            Resources = [LandingEventsQueue.QueueArn],
            Conditions = new Dictionary<string, object>
            {
                ["ArnEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = LandingBucket.BucketArn },
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID },
            },
        }));

        // Large uploads end with CompleteMultipartUpload and copies with Copy, so subscribe to every
        // object-created event rather than to Put alone.
        var destination = new QueueNotificationDestination(LandingEventsQueue);
        foreach (var suffix in AcceptedSuffixes)
        {
            LandingBucket.AddEventNotification(
                EventType.OBJECT_CREATED,
                destination,
                new NotificationKeyFilter { Prefix = IncomingPrefix, Suffix = suffix });
        }

        Bucket CreateDataBucket(string id, string purpose, DataClass dataClass, int? expirationDays) =>
            SecureBucket.Create(this, id, new SecureBucketProps
            {
                BucketName = names.BucketName(purpose),
                Purpose = purpose,
                DataClass = dataClass,
                Key = security.KeyFor(dataClass),
                AccessLogs = AccessLogsBucket,
                ExpirationDays = expirationDays,
                NoncurrentVersionRetentionDays = settings.NoncurrentVersionRetentionDays,
            });
    }

    /// <summary>Bucket into which data engineers upload raw extracts under <see cref="IncomingPrefix"/>.</summary>
    public Bucket LandingBucket { get; }

    /// <summary>Bucket that stores rejected extracts and the reason for each.</summary>
    public Bucket QuarantineBucket { get; }

    /// <summary>Bucket that stores published anonymized datasets.</summary>
    public Bucket AnonymizedBucket { get; }

    /// <summary>Bucket that stores published synthetic datasets.</summary>
    public Bucket SyntheticBucket { get; }

    /// <summary>Bucket that receives the data buckets' server access logs.</summary>
    public Bucket AccessLogsBucket { get; }

    /// <summary>Queue that receives the landing bucket's object-created events.</summary>
    public Queue LandingEventsQueue { get; }

    /// <summary>Queue that receives landing events that failed <see cref="MaxReceiveCount"/> times.</summary>
    public Queue LandingEventsDeadLetterQueue { get; }
}
