using System.Text.Json.Nodes;

namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>Every bucket encrypts by default with SSE-KMS under a customer-managed key, with S3 Bucket Keys.</summary>
public sealed class S3CustomerKeyEncryptionRule : ComplianceRule
{
    public override string Id => ComplianceRuleIds.S3CustomerKeyEncryption;

    public override string Requirement => "Buckets use SSE-KMS default encryption with a customer-managed key and S3 Bucket Keys.";

    public override string Source => "PCI DSS 3.2.1 requirements 3.4 and 3.5; AWS S3 security best practices.";

    public override string Fix => "Set Encryption = BucketEncryption.KMS, EncryptionKey = the data class's key from the security stack, and BucketKeyEnabled = true.";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        foreach (var bucket in app.OfType("AWS::S3::Bucket"))
        {
            var rule = (bucket.Properties["BucketEncryption"]?["ServerSideEncryptionConfiguration"] as JsonArray)?.FirstOrDefault();
            var defaults = rule?["ServerSideEncryptionByDefault"];
            var algorithm = app.Render(defaults?["SSEAlgorithm"], bucket.Stack);
            var key = app.Render(defaults?["KMSMasterKeyID"], bucket.Stack);

            if (algorithm != "aws:kms")
            {
                yield return Violation(bucket, $"Default encryption is '{(algorithm.Length == 0 ? "none" : algorithm)}', not SSE-KMS.");
            }
            else if (!Keys.IsCustomerKey(app, key))
            {
                yield return Violation(bucket, $"Default encryption uses '{(key.Length == 0 ? "the AWS-managed key aws/s3" : key)}', not a customer-managed key.");
            }

            if (algorithm == "aws:kms" && rule?["BucketKeyEnabled"]?.GetValue<bool>() != true)
            {
                yield return Violation(bucket, "S3 Bucket Keys are off, so every object operation calls KMS.");
            }
        }
    }
}
