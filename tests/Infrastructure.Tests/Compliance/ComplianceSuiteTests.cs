using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using SyntheticData.Infrastructure.Compliance;

namespace SyntheticData.Infrastructure.Tests.Compliance;

/// <summary>
/// One test per compliance rule: the rule passes on every stack of the real app and reports the
/// known fault of the non-compliant app with the resource's logical id, the rule and the fix.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ComplianceSuiteTests(AppFixture real, NonCompliantAppFixture bad)
{
    [Fact]
    public void Suite_CoversEveryStackOfTheApp()
    {
        var appStacks = real.App.Node.Children.OfType<Stack>().Select(stack => stack.StackName).Order().ToList();
        var checkedStacks = real.Templates.Stacks.Select(stack => stack.StackName).Order().ToList();

        Assert.Equal(3, appStacks.Count);
        Assert.Equal(appStacks, checkedStacks);
    }

    [Fact]
    public void Suite_RealAppHasNoViolations()
    {
        var violations = ComplianceSuite.Evaluate(real.Templates);

        Assert.True(violations.Count == 0, string.Join(System.Environment.NewLine, violations));
    }

    [Fact]
    public void EnsureCompliant_RejectsManagedKeyQueueAtSynth()
    {
        var exception = Assert.Throws<ComplianceException>(() => ComplianceSuite.EnsureCompliant(bad.OutputDirectory));

        var queueId = AppFixture.LogicalId(bad.ManagedKeyQueue);
        Assert.Contains($"{NonCompliantAppFixture.StackName}/{queueId} (AWS::SQS::Queue) breaks rule {ComplianceRuleIds.S3NotificationQueueAccess}", exception.Message);
        Assert.Contains("alias/aws/sqs", exception.Message);
        Assert.Contains("Fix: ", exception.Message);
    }

    [Fact]
    public void S3CustomerKey_FlagsPlainBucket()
    {
        AssertPasses(ComplianceRuleIds.S3CustomerKeyEncryption);
        AssertFlags(ComplianceRuleIds.S3CustomerKeyEncryption, AppFixture.LogicalId(bad.PlainBucket), "not SSE-KMS");
        AssertNotFlagged(ComplianceRuleIds.S3CustomerKeyEncryption, AppFixture.LogicalId(bad.Landing));
    }

    [Fact]
    public void TlsOnlyAccess_FlagsMissingTlsDeny()
    {
        AssertPasses(ComplianceRuleIds.TlsOnlyAccess);
        AssertFlags(ComplianceRuleIds.TlsOnlyAccess, AppFixture.LogicalId(bad.PlainBucket), "without TLS");
        AssertFlags(ComplianceRuleIds.TlsOnlyAccess, AppFixture.LogicalId(bad.ManagedKeyQueue), "without TLS");
        AssertFlags(ComplianceRuleIds.TlsOnlyAccess, AppFixture.LogicalId(bad.PlainTopic), "without TLS");
    }

    [Fact]
    public void S3PublicAccessBlocked_FlagsBucketWithoutBlock()
    {
        AssertPasses(ComplianceRuleIds.S3PublicAccessBlocked);
        AssertFlags(ComplianceRuleIds.S3PublicAccessBlocked, AppFixture.LogicalId(bad.PlainBucket), "BlockPublicAcls");
    }

    [Fact]
    public void S3Versioning_FlagsUnversionedBucket()
    {
        AssertPasses(ComplianceRuleIds.S3Versioning);
        AssertFlags(ComplianceRuleIds.S3Versioning, AppFixture.LogicalId(bad.PlainBucket), "Versioning");
    }

    [Fact]
    public void S3AccessLogging_FlagsBucketWithoutLogging()
    {
        AssertPasses(ComplianceRuleIds.S3AccessLogging);
        AssertFlags(ComplianceRuleIds.S3AccessLogging, AppFixture.LogicalId(bad.PlainBucket), "logging is off");

        // The log buckets pass only through their recorded exemption.
        var exempt = real.Templates.OfType("AWS::S3::Bucket")
            .Where(bucket => bucket.ExemptionReason(ComplianceRuleIds.S3AccessLogging) is not null)
            .Select(bucket => bucket.Tag(ResourceTags.BucketPurpose))
            .Order()
            .ToList();
        Assert.Equal([ResourceNames.AccessLogsPurpose, ResourceNames.AuditAccessLogsPurpose], exempt);
    }

    [Fact]
    public void S3Lifecycle_FlagsMissingRules()
    {
        AssertPasses(ComplianceRuleIds.S3Lifecycle);
        AssertFlags(ComplianceRuleIds.S3Lifecycle, AppFixture.LogicalId(bad.PlainBucket), "incomplete multipart uploads");
        AssertFlags(ComplianceRuleIds.S3Lifecycle, AppFixture.LogicalId(bad.Landing), "raw data");
    }

    [Fact]
    public void KmsKeyRotation_FlagsKeyWithoutRotation()
    {
        AssertPasses(ComplianceRuleIds.KmsKeyRotation);
        AssertFlags(ComplianceRuleIds.KmsKeyRotation, AppFixture.LogicalId(bad.WeakKey), "rotation is off");
        AssertNotFlagged(ComplianceRuleIds.KmsKeyRotation, AppFixture.LogicalId(bad.LandingKey));
    }

    [Fact]
    public void KmsKeyPolicy_FlagsKmsStarForRole()
    {
        AssertPasses(ComplianceRuleIds.KmsKeyPolicyLeastPrivilege);
        AssertFlags(ComplianceRuleIds.KmsKeyPolicyLeastPrivilege, AppFixture.LogicalId(bad.WeakKey), "every KMS action");
        AssertNotFlagged(ComplianceRuleIds.KmsKeyPolicyLeastPrivilege, AppFixture.LogicalId(bad.LandingKey));
    }

    [Fact]
    public void IamNoWildcardActions_FlagsServiceWildcard()
    {
        AssertPasses(ComplianceRuleIds.IamNoWildcardActions);
        AssertFlags(ComplianceRuleIds.IamNoWildcardActions, DefaultPolicyId(bad.WriterRole), "s3:*");
        AssertNotFlagged(ComplianceRuleIds.IamNoWildcardActions, DefaultPolicyId(bad.ReaderWithKey));
    }

    [Fact]
    public void LandingNotWritable_FlagsWriteGrant()
    {
        // The rule finds the landing bucket by its tag, so the real app must tag exactly one.
        var landing = real.Templates.OfType("AWS::S3::Bucket")
            .Where(bucket => bucket.Tag(ResourceTags.BucketPurpose) == ResourceNames.LandingPurpose)
            .ToList();
        Assert.Single(landing);
        Assert.Equal(AppFixture.LogicalId(real.Stacks.Data.LandingBucket), landing[0].LogicalId);

        AssertPasses(ComplianceRuleIds.LandingBucketNotWritable);
        AssertFlags(ComplianceRuleIds.LandingBucketNotWritable, DefaultPolicyId(bad.WriterRole), "s3:PutObject on the landing bucket");
        AssertNotFlagged(ComplianceRuleIds.LandingBucketNotWritable, DefaultPolicyId(bad.ReaderWithKey));
    }

    [Fact]
    public void EncryptionContext_FlagsObjectArn()
    {
        AssertPasses(ComplianceRuleIds.KmsEncryptionContextBucketArn);
        AssertFlags(ComplianceRuleIds.KmsEncryptionContextBucketArn, DefaultPolicyId(bad.GlueRole), "arn:aws:s3:::landing-bkt/incoming/*");
    }

    [Fact]
    public void S3ReadDecrypt_FlagsImportWithoutKey()
    {
        AssertPasses(ComplianceRuleIds.S3ReadIncludesKeyDecrypt);
        AssertFlags(ComplianceRuleIds.S3ReadIncludesKeyDecrypt, DefaultPolicyId(bad.ReaderByName), "kms:Decrypt");
        AssertNotFlagged(ComplianceRuleIds.S3ReadIncludesKeyDecrypt, DefaultPolicyId(bad.ReaderWithKey));
    }

    [Fact]
    public void S3NotificationQueueAccess_FlagsManagedKeyQueue()
    {
        Assert.Single(real.Templates.OfType("Custom::S3BucketNotifications"));
        AssertPasses(ComplianceRuleIds.S3NotificationQueueAccess);

        var queueId = AppFixture.LogicalId(bad.ManagedKeyQueue);
        AssertFlags(ComplianceRuleIds.S3NotificationQueueAccess, queueId, "alias/aws/sqs");
        AssertFlags(ComplianceRuleIds.S3NotificationQueueAccess, queueId, "aws:SourceAccount");
    }

    [Fact]
    public void CloudTrailSecured_FlagsWeakTrail()
    {
        AssertPasses(ComplianceRuleIds.CloudTrailSecured);
        var trailId = AppFixture.LogicalId(bad.WeakTrail);
        AssertFlags(ComplianceRuleIds.CloudTrailSecured, trailId, "EnableLogFileValidation");
        AssertFlags(ComplianceRuleIds.CloudTrailSecured, trailId, "IsMultiRegionTrail");
        AssertFlags(ComplianceRuleIds.CloudTrailSecured, trailId, "customer-managed KMS key");
        AssertFlags(ComplianceRuleIds.CloudTrailSecured, trailId, "CloudWatch Logs");
        AssertFlags(ComplianceRuleIds.CloudTrailSecured, trailId, "object lock");
    }

    [Fact]
    public void LogGroupRetention_FlagsForeverGroup()
    {
        AssertPasses(ComplianceRuleIds.LogGroupRetentionAndKey);
        var logGroupId = AppFixture.LogicalId(bad.ForeverLogGroup);
        AssertFlags(ComplianceRuleIds.LogGroupRetentionAndKey, logGroupId, "retention");
        AssertFlags(ComplianceRuleIds.LogGroupRetentionAndKey, logGroupId, "customer-managed KMS key");
    }

    [Fact]
    public void TopicCustomerKeyEncryption_FlagsUnencryptedTopic()
    {
        AssertPasses(ComplianceRuleIds.TopicCustomerKeyEncryption);
        AssertFlags(ComplianceRuleIds.TopicCustomerKeyEncryption, AppFixture.LogicalId(bad.PlainTopic), "not encrypted");
    }

    [Fact]
    public void QueueCustomerKeyEncryption_FlagsManagedKeyQueue()
    {
        AssertPasses(ComplianceRuleIds.QueueCustomerKeyEncryption);
        AssertFlags(ComplianceRuleIds.QueueCustomerKeyEncryption, AppFixture.LogicalId(bad.ManagedKeyQueue), "not encrypted");
    }

    [Fact]
    public void QueueDeadLetterQueue_FlagsQueueWithoutRedrive()
    {
        AssertPasses(ComplianceRuleIds.QueueDeadLetterQueue);
        AssertFlags(ComplianceRuleIds.QueueDeadLetterQueue, AppFixture.LogicalId(bad.ManagedKeyQueue), "no dead-letter queue");
    }

    [Fact]
    public void AlarmHasAction_FlagsAlarmWithoutAction()
    {
        AssertPasses(ComplianceRuleIds.AlarmHasAction);
        AssertFlags(ComplianceRuleIds.AlarmHasAction, AppFixture.LogicalId(bad.SilentAlarm), "no alarm action");
    }

    [Fact]
    public void Rules_HaveUniqueIdsAndFixes()
    {
        var ids = ComplianceSuite.Rules.Select(rule => rule.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ComplianceSuite.Rules, rule => Assert.False(string.IsNullOrWhiteSpace(rule.Fix)));
        Assert.All(ComplianceSuite.Rules, rule => Assert.False(string.IsNullOrWhiteSpace(rule.Source)));
    }

    private static string DefaultPolicyId(Role role) =>
        AppFixture.LogicalId((Policy)role.Node.FindChild("DefaultPolicy"));

    private void AssertPasses(string ruleId)
    {
        var violations = ComplianceSuite.Evaluate(real.Templates, ComplianceSuite.Rule(ruleId));
        Assert.True(violations.Count == 0, string.Join(System.Environment.NewLine, violations));
    }

    private void AssertFlags(string ruleId, string logicalId, string findingPart)
    {
        var violations = ComplianceSuite.Evaluate(bad.Templates, ComplianceSuite.Rule(ruleId));
        var rule = ComplianceSuite.Rule(ruleId);

        var match = violations.FirstOrDefault(v => v.LogicalId == logicalId && v.Finding.Contains(findingPart, StringComparison.Ordinal));
        Assert.True(match is not null, $"No {ruleId} violation on {logicalId} mentions '{findingPart}'. Found:{System.Environment.NewLine}{string.Join(System.Environment.NewLine, violations)}");
        Assert.Equal(NonCompliantAppFixture.StackName, match.StackName);
        Assert.Equal(rule.Fix, match.Fix);
        Assert.Contains(logicalId, match.ToString());
        Assert.Contains(ruleId, match.ToString());
    }

    private void AssertNotFlagged(string ruleId, string logicalId)
    {
        var violations = ComplianceSuite.Evaluate(bad.Templates, ComplianceSuite.Rule(ruleId));
        Assert.DoesNotContain(violations, v => v.LogicalId == logicalId);
    }
}
