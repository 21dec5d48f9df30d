namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>
/// Every trail is multi-region, validates log files, encrypts with a customer key, sends events
/// to CloudWatch Logs and writes into a bucket with object lock.
/// </summary>
public sealed class CloudTrailSecuredRule : ComplianceRule
{
    public override string Id => ComplianceRuleIds.CloudTrailSecured;

    public override string Requirement => "Trails log in every region with global events, validate log files, use a customer KMS key, deliver to CloudWatch Logs and to an object-locked bucket.";

    public override string Source => "PCI DSS 3.2.1 requirements 10.1, 10.5.2, 10.5.5 and 10.7; AWS Security Hub controls CloudTrail.1, .2, .4 and .5.";

    public override string Fix => "Set IsMultiRegionTrail, IncludeGlobalServiceEvents, EnableFileValidation, EncryptionKey = the audit key, SendToCloudWatchLogs with a log group, and a bucket with ObjectLockEnabled and a default retention.";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        foreach (var trail in app.OfType("AWS::CloudTrail::Trail"))
        {
            var properties = trail.Properties;
            foreach (var flag in new[] { "IsLogging", "IsMultiRegionTrail", "IncludeGlobalServiceEvents", "EnableLogFileValidation" })
            {
                if (properties[flag]?.GetValue<bool>() != true)
                {
                    yield return Violation(trail, $"{flag} is not true.");
                }
            }

            if (!Keys.IsCustomerKey(app, app.Render(properties["KMSKeyId"], trail.Stack)))
            {
                yield return Violation(trail, "Log files are not encrypted with a customer-managed KMS key.");
            }

            if (properties["CloudWatchLogsLogGroupArn"] is null || properties["CloudWatchLogsRoleArn"] is null)
            {
                yield return Violation(trail, "Events are not delivered to a CloudWatch Logs group.");
            }

            var bucket = app.ResolveReference(app.Render(properties["S3BucketName"], trail.Stack));
            var lockRule = bucket?.Properties["ObjectLockConfiguration"]?["Rule"]?["DefaultRetention"];
            if (bucket is null || bucket.Properties["ObjectLockEnabled"]?.GetValue<bool>() != true || lockRule is null)
            {
                yield return Violation(trail, "The trail's bucket has no object lock with a default retention.");
            }
        }
    }
}
