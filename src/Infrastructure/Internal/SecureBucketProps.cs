using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;

namespace SyntheticData.Infrastructure.Internal;

/// <summary>Values that differ between the app's buckets; everything else is the same for all of them.</summary>
internal sealed record SecureBucketProps
{
    public required string BucketName { get; init; }

    public required string Purpose { get; init; }

    public required DataClass DataClass { get; init; }

    public required IKey Key { get; init; }

    /// <summary>Bucket that receives this bucket's server access logs; null only for a log bucket itself.</summary>
    public required IBucket? AccessLogs { get; init; }

    /// <summary>Days after which current objects expire; null keeps them until they are deleted.</summary>
    public int? ExpirationDays { get; init; }

    public required int NoncurrentVersionRetentionDays { get; init; }

    /// <summary>Object-lock period in days in governance mode; null leaves object lock off.</summary>
    public int? ObjectLockDays { get; init; }
}
