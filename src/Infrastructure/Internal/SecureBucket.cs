using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;
using SyntheticData.Infrastructure.Compliance;

namespace SyntheticData.Infrastructure.Internal;

/// <summary>Creates buckets with the controls that every bucket of the app has.</summary>
internal static class SecureBucket
{
    // Uploads that neither complete nor abort within this time are removed with their parts.
    private const int AbortIncompleteUploadDays = 7;

    public static Bucket Create(Construct scope, string id, SecureBucketProps props)
    {
        var lifecycle = new LifecycleRule
        {
            Id = props.ExpirationDays is null ? "expire-noncurrent-versions" : "expire-objects",
            Enabled = true,
            Expiration = props.ExpirationDays is int days ? Duration.Days(days) : null,
            NoncurrentVersionExpiration = Duration.Days(props.NoncurrentVersionRetentionDays),
            AbortIncompleteMultipartUploadAfter = Duration.Days(AbortIncompleteUploadDays),
            ExpiredObjectDeleteMarker = props.ExpirationDays is null ? true : null,
        };

        var bucket = new Bucket(scope, id, new BucketProps
        {
            BucketName = props.BucketName,
            Encryption = BucketEncryption.KMS,
            EncryptionKey = props.Key,
            BucketKeyEnabled = true,
            EnforceSSL = true,
            MinimumTLSVersion = 1.2,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            Versioned = true,
            ServerAccessLogsBucket = props.AccessLogs,
            ServerAccessLogsPrefix = props.AccessLogs is null ? null : $"{props.Purpose}/",
            LifecycleRules = [lifecycle],
            ObjectLockEnabled = props.ObjectLockDays is null ? null : true,
            ObjectLockDefaultRetention = props.ObjectLockDays is int lockDays
                ? ObjectLockRetention.Governance(Duration.Days(lockDays))
                : null,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        Tags.Of(bucket).Add(ResourceTags.BucketPurpose, props.Purpose);
        Tags.Of(bucket).Add(ResourceTags.DataClass, props.DataClass.ToString().ToLowerInvariant());

        if (props.AccessLogs is null)
        {
            ComplianceExemptions.Add(
                bucket,
                ComplianceRuleIds.S3AccessLogging,
                "This bucket is a server access log destination; logging it into itself or another log bucket would only log the log deliveries.");
        }

        return bucket;
    }
}
