namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>Every bucket keeps object versions.</summary>
public sealed class S3VersioningRule : ComplianceRule
{
    public override string Id => ComplianceRuleIds.S3Versioning;

    public override string Requirement => "Buckets have versioning enabled.";

    public override string Source => "PCI DSS 3.2.1 requirement 10.5.5 (protect records from change); AWS S3 security best practices.";

    public override string Fix => "Set Versioned = true.";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        foreach (var bucket in app.OfType("AWS::S3::Bucket"))
        {
            var status = app.Render(bucket.Properties["VersioningConfiguration"]?["Status"], bucket.Stack);
            if (status != "Enabled")
            {
                yield return Violation(bucket, "Versioning is not enabled.");
            }
        }
    }
}
