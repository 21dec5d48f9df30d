using System.Text.Json.Nodes;

namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>
/// Every bucket aborts incomplete multipart uploads and expires non-current versions, and buckets
/// of raw data also expire current objects.
/// </summary>
public sealed class S3LifecycleRule : ComplianceRule
{
    public override string Id => ComplianceRuleIds.S3Lifecycle;

    public override string Requirement => "Buckets abort incomplete multipart uploads and expire non-current versions; raw-data buckets also expire objects.";

    public override string Source => "PCI DSS 3.2.1 requirement 3.1 (keep data no longer than needed); AWS S3 cost and retention best practices.";

    public override string Fix => "Add a LifecycleRule with AbortIncompleteMultipartUploadAfter and NoncurrentVersionExpiration, plus Expiration for raw data.";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        foreach (var bucket in app.OfType("AWS::S3::Bucket"))
        {
            var rules = (bucket.Properties["LifecycleConfiguration"]?["Rules"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Where(rule => rule["Status"]?.GetValue<string>() == "Enabled")
                .ToList();

            if (!rules.Any(rule => rule["AbortIncompleteMultipartUpload"] is not null))
            {
                yield return Violation(bucket, "No enabled lifecycle rule aborts incomplete multipart uploads.");
            }

            if (!rules.Any(rule => rule["NoncurrentVersionExpiration"] is not null || rule["NoncurrentVersionExpirationInDays"] is not null))
            {
                yield return Violation(bucket, "No enabled lifecycle rule expires non-current versions.");
            }

            if (bucket.Tag(ResourceTags.DataClass) == "raw" && !rules.Any(rule => rule["ExpirationInDays"] is not null || rule["ExpirationDate"] is not null))
            {
                yield return Violation(bucket, "The bucket holds raw data but no enabled lifecycle rule expires objects.");
            }
        }
    }
}
