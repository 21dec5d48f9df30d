using Amazon.CDK;
using Amazon.CDK.AWS.CloudTrail;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Constructs;
using SyntheticData.Infrastructure.Internal;

namespace SyntheticData.Infrastructure.Stacks;

/// <summary>
/// Long-lived security resources: one customer-managed KMS key per data class and the
/// multi-region CloudTrail trail with its bucket and log group.
/// </summary>
/// <remarks>
/// Deployed first: the data and monitoring stacks use its keys and log group. The trail records
/// S3 data events for the data buckets by their names, which keeps this stack free of references
/// to the data stack.
/// </remarks>
public sealed class SecurityStack : Stack
{
    private readonly Dictionary<DataClass, Key> keys = [];

    /// <summary>Creates the keys, the trail, its buckets and its log group.</summary>
    public SecurityStack(Construct scope, string id, IStackProps props, DeploymentSettings settings)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var names = new ResourceNames(settings);

        foreach (var dataClass in Enum.GetValues<DataClass>())
        {
            keys[dataClass] = CreateKey(names, dataClass);
        }

        AllowAuditServices(names);
        AllowS3NotificationsToRawQueues();

        AuditAccessLogsBucket = SecureBucket.Create(this, "AuditAccessLogsBucket", new SecureBucketProps
        {
            BucketName = names.BucketName(ResourceNames.AuditAccessLogsPurpose),
            Purpose = ResourceNames.AuditAccessLogsPurpose,
            DataClass = DataClass.Audit,
            Key = AuditKey,
            AccessLogs = null,
            ExpirationDays = settings.TrailRetentionDays,
            NoncurrentVersionRetentionDays = settings.NoncurrentVersionRetentionDays,
        });

        TrailBucket = SecureBucket.Create(this, "TrailBucket", new SecureBucketProps
        {
            BucketName = names.BucketName(ResourceNames.AuditPurpose),
            Purpose = ResourceNames.AuditPurpose,
            DataClass = DataClass.Audit,
            Key = AuditKey,
            AccessLogs = AuditAccessLogsBucket,
            // Object lock keeps each log file version for the retention period; the lifecycle rule
            // removes it afterwards.
            ExpirationDays = settings.TrailRetentionDays,
            NoncurrentVersionRetentionDays = 1,
            ObjectLockDays = settings.TrailRetentionDays,
        });

        TrailLogGroup = new LogGroup(this, "TrailLogGroup", new LogGroupProps
        {
            LogGroupName = names.TrailLogGroupName,
            Retention = LogRetention.FromDays(settings.TrailLogGroupRetentionDays),
            EncryptionKey = AuditKey,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        Trail = new Trail(this, "Trail", new TrailProps
        {
            TrailName = names.TrailName,
            Bucket = TrailBucket,
            EncryptionKey = AuditKey,
            EnableFileValidation = true,
            IsMultiRegionTrail = true,
            IncludeGlobalServiceEvents = true,
            SendToCloudWatchLogs = true,
            CloudWatchLogGroup = TrailLogGroup,
        });

        // One event selector records both the management events and the S3 object-level events.
        var dataBuckets = new[]
        {
            ResourceNames.LandingPurpose,
            ResourceNames.AnonymizedPurpose,
            ResourceNames.SyntheticPurpose,
            ResourceNames.QuarantinePurpose,
        };
        var selectors = dataBuckets
            .Select(purpose => (IS3EventSelector)new S3EventSelector
            {
                Bucket = Bucket.FromBucketName(this, $"TrailSelector-{purpose}", names.BucketName(purpose)),
            })
            .ToArray();
        Trail.AddS3EventSelector(selectors, new AddEventSelectorOptions
        {
            IncludeManagementEvents = true,
            ReadWriteType = ReadWriteType.ALL,
        });

        // The trail must not start before its key allows CloudTrail to use it.
        Trail.Node.AddDependency(AuditKey);
    }

    /// <summary>Key of raw extracts: the landing and quarantine buckets and the landing-event queues.</summary>
    public Key RawKey => keys[DataClass.Raw];

    /// <summary>Key of the anonymized bucket.</summary>
    public Key AnonymizedKey => keys[DataClass.Anonymized];

    /// <summary>Key of the synthetic bucket.</summary>
    public Key SyntheticKey => keys[DataClass.Synthetic];

    /// <summary>Key of audit records: trail logs, access logs, the trail's log group and the alarm topic.</summary>
    public Key AuditKey => keys[DataClass.Audit];

    /// <summary>Bucket that receives CloudTrail log files, under object lock.</summary>
    public Bucket TrailBucket { get; }

    /// <summary>Bucket that receives the trail bucket's server access logs.</summary>
    public Bucket AuditAccessLogsBucket { get; }

    /// <summary>Log group that receives the trail's events; the monitoring stack's metric filters read it.</summary>
    public LogGroup TrailLogGroup { get; }

    /// <summary>The multi-region trail.</summary>
    public Trail Trail { get; }

    /// <summary>Returns the key of a data class.</summary>
    public Key KeyFor(DataClass dataClass) => keys[dataClass];

    private Key CreateKey(ResourceNames names, DataClass dataClass)
    {
        // The default key policy gives the account root full control, which lets IAM policies in
        // this account grant use of the key. Service principals are added by name afterwards.
        var key = new Key(this, $"{dataClass}Key", new KeyProps
        {
            Alias = names.KeyAlias(dataClass),
            Description = $"Encrypts {dataClass.ToString().ToLowerInvariant()} data of {names.Qualifier}.",
            EnableKeyRotation = true,
            PendingWindow = Duration.Days(30),
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        Amazon.CDK.Tags.Of(key).Add(ResourceTags.DataClass, dataClass.ToString().ToLowerInvariant());
        return key;
    }

    private void AllowAuditServices(ResourceNames names)
    {
        var account = Aws.ACCOUNT_ID;
        var partition = Aws.PARTITION;
        var region = Aws.REGION;
        var trailArn = $"arn:{partition}:cloudtrail:{region}:{account}:trail/{names.TrailName}";

        // CloudTrail encrypts log files with this key only for trails of this account, and only this trail.
        AuditKey.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowCloudTrailToEncryptLogs",
            Principals = [new ServicePrincipal("cloudtrail.amazonaws.com")],
            Actions = ["kms:GenerateDataKey*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringLike"] = new Dictionary<string, object>
                {
                    ["kms:EncryptionContext:aws:cloudtrail:arn"] = $"arn:{partition}:cloudtrail:*:{account}:trail/*",
                },
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = trailArn },
            },
        }));
        AuditKey.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowCloudTrailToDescribeKey",
            Principals = [new ServicePrincipal("cloudtrail.amazonaws.com")],
            Actions = ["kms:DescribeKey"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = trailArn },
            },
        }));

        // CloudWatch Logs uses the key only for the trail's log group.
        AuditKey.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowCloudWatchLogsForTrailLogGroup",
            Principals = [new ServicePrincipal($"logs.{region}.amazonaws.com")],
            Actions = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["ArnEquals"] = new Dictionary<string, object>
                {
                    ["kms:EncryptionContext:aws:logs:arn"] = $"arn:{partition}:logs:{region}:{account}:log-group:{names.TrailLogGroupName}",
                },
            },
        }));

        // S3 server access log delivery writes SSE-KMS objects into the access-log buckets.
        AuditKey.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowS3ServerAccessLogDelivery",
            Principals = [new ServicePrincipal("logging.s3.amazonaws.com")],
            Actions = ["kms:GenerateDataKey*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = account },
            },
        }));

        // CloudWatch alarms publish to the alarm topic, which this key encrypts; without this
        // statement the publish fails and no notification is sent.
        AuditKey.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowCloudWatchAlarmsToPublishToEncryptedTopic",
            Principals = [new ServicePrincipal("cloudwatch.amazonaws.com")],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resources = ["*"],
        }));
    }

    private void AllowS3NotificationsToRawQueues()
    {
        // S3 must encrypt the event messages it sends to the landing-event queue, which this key
        // protects. The AWS-managed SQS key cannot grant this, so that queue needs this key. The
        // queue's own policy limits which bucket and account may send.
        RawKey.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowS3EventNotificationsToEncryptedQueue",
            Principals = [new ServicePrincipal("s3.amazonaws.com")],
            Actions = ["kms:GenerateDataKey*", "kms:Decrypt"],
            Resources = ["*"],
        }));
    }
}
