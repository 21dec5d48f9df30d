using Amazon.CDK;

namespace SyntheticData.Infrastructure;

/// <summary>
/// Physical names of the app's resources, derived from the name prefix and environment so that a
/// stack can refer to a resource of another stack by name without a cross-stack reference.
/// </summary>
/// <remarks>
/// Bucket names end in the account id and region, which keeps them globally unique.
/// <see cref="DeploymentSettings.Validate"/> rejects a prefix and environment that would make the
/// longest bucket name exceed S3's limit of 63 characters.
/// </remarks>
public sealed class ResourceNames(DeploymentSettings settings)
{
    /// <summary>Bucket purpose of the bucket that receives raw extracts.</summary>
    public const string LandingPurpose = "landing";

    /// <summary>Bucket purpose of the bucket that stores anonymized outputs.</summary>
    public const string AnonymizedPurpose = "anonymized";

    /// <summary>Bucket purpose of the bucket that stores synthetic outputs.</summary>
    public const string SyntheticPurpose = "synthetic";

    /// <summary>Bucket purpose of the bucket that stores rejected extracts.</summary>
    public const string QuarantinePurpose = "quarantine";

    /// <summary>Bucket purpose of the bucket that receives the data buckets' server access logs.</summary>
    public const string AccessLogsPurpose = "access-logs";

    /// <summary>Bucket purpose of the bucket that receives CloudTrail log files.</summary>
    public const string AuditPurpose = "audit";

    /// <summary>Bucket purpose of the bucket that receives the audit bucket's server access logs.</summary>
    public const string AuditAccessLogsPurpose = "audit-access";

    /// <summary>Prefix and environment joined by a hyphen, the start of every name.</summary>
    public string Qualifier { get; } = $"{settings.NamePrefix}-{settings.EnvironmentName}";

    /// <summary>Name of the multi-region CloudTrail trail.</summary>
    public string TrailName => $"{Qualifier}-trail";

    /// <summary>Name of the CloudWatch Logs group that receives the trail's events.</summary>
    public string TrailLogGroupName => $"/{settings.NamePrefix}/{settings.EnvironmentName}/cloudtrail";

    /// <summary>Name of the SNS topic that receives alarm notifications.</summary>
    public string AlarmTopicName => $"{Qualifier}-alarms";

    /// <summary>Name of the queue that receives the landing bucket's object-created events.</summary>
    public string LandingEventsQueueName => $"{Qualifier}-landing-events";

    /// <summary>Name of the dead-letter queue behind the landing-event queue.</summary>
    public string LandingEventsDeadLetterQueueName => $"{Qualifier}-landing-events-dlq";

    /// <summary>Name of the CloudWatch dashboard.</summary>
    public string DashboardName => $"{Qualifier}-pipeline";

    /// <summary>Returns the bucket name for a purpose such as <see cref="LandingPurpose"/>.</summary>
    public string BucketName(string purpose) => $"{Qualifier}-{purpose}-{Aws.ACCOUNT_ID}-{Aws.REGION}";

    /// <summary>Returns the KMS alias name of a data class's key.</summary>
    public string KeyAlias(DataClass dataClass) => $"alias/{Qualifier}/{dataClass.ToString().ToLowerInvariant()}";

    /// <summary>Returns the full alarm name for a short alarm name.</summary>
    public string AlarmName(string shortName) => $"{Qualifier}-{shortName}";
}
