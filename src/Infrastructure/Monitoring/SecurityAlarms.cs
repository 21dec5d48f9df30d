namespace SyntheticData.Infrastructure.Monitoring;

/// <summary>
/// Metric filters and alarms on CloudTrail events. The filter patterns follow the monitoring
/// recommendations 4.1 to 4.8 of the CIS Amazon Web Services Foundations Benchmark (v1.4.0 and
/// later number them so), including the later versions' exclusion of HeadBucket and log delivery.
/// </summary>
public static class SecurityAlarms
{
    /// <summary>CloudWatch namespace of the metrics that the filters produce.</summary>
    public const string Namespace = "SyntheticData/Security";

    /// <summary>Every security alarm of the monitoring stack.</summary>
    public static IReadOnlyList<SecurityAlarm> All { get; } =
    [
        new(
            "unauthorized-api-calls",
            "UnauthorizedApiCalls",
            "{ (($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\")) && ($.sourceIPAddress != \"delivery.logs.amazonaws.com\") && ($.eventName != \"HeadBucket\") }",
            "An API call was rejected for missing permissions (CIS 4.1)."),
        new(
            "console-sign-in-without-mfa",
            "ConsoleSignInWithoutMfa",
            "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && ($.userIdentity.type = \"IAMUser\") && ($.responseElements.ConsoleLogin = \"Success\") }",
            "An IAM user signed in to the console without MFA (CIS 4.2)."),
        new(
            "root-account-usage",
            "RootAccountUsage",
            "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
            "The account root user made a call (CIS 4.3)."),
        new(
            "iam-policy-changes",
            "IamPolicyChanges",
            "{ ($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = CreatePolicyVersion) || ($.eventName = DeletePolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy) || ($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = AttachGroupPolicy) || ($.eventName = DetachGroupPolicy) }",
            "An IAM policy was created, changed, attached or detached (CIS 4.4)."),
        new(
            "cloudtrail-configuration-changes",
            "CloudTrailConfigurationChanges",
            "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
            "A CloudTrail trail was created, changed, deleted, started or stopped (CIS 4.5)."),
        new(
            "console-sign-in-failures",
            "ConsoleSignInFailures",
            "{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }",
            "A console sign-in failed authentication (CIS 4.6)."),
        new(
            "kms-key-disabled-or-scheduled-deletion",
            "KmsKeyDisabledOrScheduledDeletion",
            "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }",
            "A KMS key was disabled or scheduled for deletion (CIS 4.7)."),
        new(
            "s3-bucket-policy-changes",
            "S3BucketPolicyChanges",
            "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }",
            "A bucket policy, ACL, CORS, lifecycle or replication configuration changed (CIS 4.8)."),
    ];
}
