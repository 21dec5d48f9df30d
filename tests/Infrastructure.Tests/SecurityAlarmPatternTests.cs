using System.Text.Json.Nodes;
using SyntheticData.Infrastructure.Monitoring;
using SyntheticData.Infrastructure.Tests.Internal;

namespace SyntheticData.Infrastructure.Tests;

/// <summary>
/// Runs each security filter pattern over CloudTrail records, trimmed to the fields the patterns
/// read, that must and must not raise its alarm.
/// </summary>
public sealed class SecurityAlarmPatternTests
{
    public static TheoryData<string, string, bool> Cases => new()
    {
        { "unauthorized-api-calls", """{"eventSource":"s3.amazonaws.com","eventName":"GetObject","errorCode":"AccessDenied","sourceIPAddress":"198.51.100.7"}""", true },
        { "unauthorized-api-calls", """{"eventSource":"ec2.amazonaws.com","eventName":"RunInstances","errorCode":"Client.UnauthorizedOperation","sourceIPAddress":"198.51.100.7"}""", true },
        { "unauthorized-api-calls", """{"eventSource":"s3.amazonaws.com","eventName":"HeadBucket","errorCode":"AccessDenied","sourceIPAddress":"198.51.100.7"}""", false },
        { "unauthorized-api-calls", """{"eventSource":"s3.amazonaws.com","eventName":"PutObject","errorCode":"AccessDenied","sourceIPAddress":"delivery.logs.amazonaws.com"}""", false },
        { "unauthorized-api-calls", """{"eventSource":"s3.amazonaws.com","eventName":"GetObject","sourceIPAddress":"198.51.100.7"}""", false },
        { "console-sign-in-without-mfa", """{"eventName":"ConsoleLogin","userIdentity":{"type":"IAMUser"},"additionalEventData":{"MFAUsed":"No"},"responseElements":{"ConsoleLogin":"Success"}}""", true },
        { "console-sign-in-without-mfa", """{"eventName":"ConsoleLogin","userIdentity":{"type":"IAMUser"},"additionalEventData":{"MFAUsed":"Yes"},"responseElements":{"ConsoleLogin":"Success"}}""", false },
        { "console-sign-in-without-mfa", """{"eventName":"ConsoleLogin","userIdentity":{"type":"IAMUser"},"additionalEventData":{"MFAUsed":"No"},"responseElements":{"ConsoleLogin":"Failure"}}""", false },
        { "root-account-usage", """{"eventName":"CreateAccessKey","eventType":"AwsApiCall","userIdentity":{"type":"Root"}}""", true },
        { "root-account-usage", """{"eventName":"AssumeRole","eventType":"AwsApiCall","userIdentity":{"type":"Root","invokedBy":"cloudformation.amazonaws.com"}}""", false },
        { "root-account-usage", """{"eventName":"Decrypt","eventType":"AwsServiceEvent","userIdentity":{"type":"Root"}}""", false },
        { "root-account-usage", """{"eventName":"CreateAccessKey","eventType":"AwsApiCall","userIdentity":{"type":"IAMUser"}}""", false },
        { "iam-policy-changes", """{"eventSource":"iam.amazonaws.com","eventName":"PutRolePolicy"}""", true },
        { "iam-policy-changes", """{"eventSource":"iam.amazonaws.com","eventName":"DetachUserPolicy"}""", true },
        { "iam-policy-changes", """{"eventSource":"iam.amazonaws.com","eventName":"GetRolePolicy"}""", false },
        { "cloudtrail-configuration-changes", """{"eventSource":"cloudtrail.amazonaws.com","eventName":"StopLogging"}""", true },
        { "cloudtrail-configuration-changes", """{"eventSource":"cloudtrail.amazonaws.com","eventName":"LookupEvents"}""", false },
        { "console-sign-in-failures", """{"eventName":"ConsoleLogin","errorMessage":"Failed authentication"}""", true },
        { "console-sign-in-failures", """{"eventName":"ConsoleLogin","responseElements":{"ConsoleLogin":"Success"}}""", false },
        { "kms-key-disabled-or-scheduled-deletion", """{"eventSource":"kms.amazonaws.com","eventName":"ScheduleKeyDeletion"}""", true },
        { "kms-key-disabled-or-scheduled-deletion", """{"eventSource":"kms.amazonaws.com","eventName":"DisableKey"}""", true },
        { "kms-key-disabled-or-scheduled-deletion", """{"eventSource":"kms.amazonaws.com","eventName":"Decrypt"}""", false },
        { "s3-bucket-policy-changes", """{"eventSource":"s3.amazonaws.com","eventName":"PutBucketPolicy"}""", true },
        { "s3-bucket-policy-changes", """{"eventSource":"s3.amazonaws.com","eventName":"DeleteBucketLifecycle"}""", true },
        { "s3-bucket-policy-changes", """{"eventSource":"s3.amazonaws.com","eventName":"GetBucketPolicy"}""", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pattern_MatchesOnlyItsEvents(string alarmId, string cloudTrailRecord, bool expected)
    {
        var alarm = SecurityAlarms.All.Single(a => a.Id == alarmId);

        var matched = FilterPatternEvaluator.Matches(alarm.FilterPattern, JsonNode.Parse(cloudTrailRecord)!);

        Assert.Equal(expected, matched);
    }

    [Fact]
    public void Catalog_HasOneCaseSetPerAlarm()
    {
        var covered = Cases.Select(row => (string)row[0]).Distinct().Order().ToList();

        Assert.Equal(SecurityAlarms.All.Select(a => a.Id).Order().ToList(), covered);
    }
}
