namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>Every bucket blocks public ACLs and public policies with all four settings.</summary>
public sealed class S3PublicAccessBlockedRule : ComplianceRule
{
    private static readonly string[] Settings = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"];

    public override string Id => ComplianceRuleIds.S3PublicAccessBlocked;

    public override string Requirement => "Buckets turn on all four S3 Block Public Access settings.";

    public override string Source => "PCI DSS 3.2.1 requirements 1.2.1, 1.3.1 and 1.3.4; AWS Security Hub control S3.8.";

    public override string Fix => "Set BlockPublicAccess = BlockPublicAccess.BLOCK_ALL.";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        foreach (var bucket in app.OfType("AWS::S3::Bucket"))
        {
            var block = bucket.Properties["PublicAccessBlockConfiguration"];
            var missing = Settings.Where(setting => block?[setting]?.GetValue<bool>() != true).ToList();
            if (missing.Count > 0)
            {
                yield return Violation(bucket, $"Block Public Access settings not on: {string.Join(", ", missing)}.");
            }
        }
    }
}
