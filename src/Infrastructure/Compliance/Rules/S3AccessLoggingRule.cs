namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>Every bucket delivers server access logs to a log bucket.</summary>
public sealed class S3AccessLoggingRule : ComplianceRule
{
    public override string Id => ComplianceRuleIds.S3AccessLogging;

    public override string Requirement => "Buckets deliver S3 server access logs to a log bucket.";

    public override string Source => "PCI DSS 3.2.1 requirements 10.2.1 and 10.3; AWS Security Hub control S3.9.";

    public override string Fix => "Set ServerAccessLogsBucket to the stack's access-log bucket and ServerAccessLogsPrefix to the bucket's purpose.";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        foreach (var bucket in app.OfType("AWS::S3::Bucket"))
        {
            if (bucket.Properties["LoggingConfiguration"]?["DestinationBucketName"] is null)
            {
                yield return Violation(bucket, "Server access logging is off.");
            }
        }
    }
}
