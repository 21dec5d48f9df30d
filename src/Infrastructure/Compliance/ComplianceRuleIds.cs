namespace SyntheticData.Infrastructure.Compliance;

/// <summary>Ids of the rules in <see cref="ComplianceSuite.Rules"/>, used in violations and exemptions.</summary>
public static class ComplianceRuleIds
{
    public const string S3CustomerKeyEncryption = "S3-CUSTOMER-KEY-ENCRYPTION";
    public const string TlsOnlyAccess = "TLS-ONLY-ACCESS";
    public const string S3PublicAccessBlocked = "S3-PUBLIC-ACCESS-BLOCKED";
    public const string S3Versioning = "S3-VERSIONING";
    public const string S3AccessLogging = "S3-ACCESS-LOGGING";
    public const string S3Lifecycle = "S3-LIFECYCLE";
    public const string KmsKeyRotation = "KMS-KEY-ROTATION";
    public const string KmsKeyPolicyLeastPrivilege = "KMS-KEY-POLICY-LEAST-PRIVILEGE";
    public const string IamNoWildcardActions = "IAM-NO-WILDCARD-ACTIONS";
    public const string LandingBucketNotWritable = "LANDING-BUCKET-NOT-WRITABLE";
    public const string KmsEncryptionContextBucketArn = "KMS-ENCRYPTION-CONTEXT-BUCKET-ARN";
    public const string S3ReadIncludesKeyDecrypt = "S3-READ-INCLUDES-KEY-DECRYPT";
    public const string S3NotificationQueueAccess = "S3-NOTIFICATION-QUEUE-ACCESS";
    public const string CloudTrailSecured = "CLOUDTRAIL-SECURED";
    public const string LogGroupRetentionAndKey = "LOG-GROUP-RETENTION-AND-KEY";
    public const string TopicCustomerKeyEncryption = "SNS-CUSTOMER-KEY-ENCRYPTION";
    public const string QueueCustomerKeyEncryption = "SQS-CUSTOMER-KEY-ENCRYPTION";
    public const string QueueDeadLetterQueue = "SQS-DEAD-LETTER-QUEUE";
    public const string AlarmHasAction = "ALARM-HAS-ACTION";
}
