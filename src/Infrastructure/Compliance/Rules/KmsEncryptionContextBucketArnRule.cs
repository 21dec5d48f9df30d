using SyntheticData.Infrastructure.Compliance.Internal;

namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>
/// Every <c>kms:EncryptionContext:aws:s3:arn</c> condition names a bucket ARN, never an object or prefix ARN.
/// </summary>
/// <remarks>
/// With S3 Bucket Keys, which every bucket of the app uses, S3 passes the bucket's ARN as the
/// encryption context, so a condition on object ARNs denies every decrypt. Narrow access to
/// objects or prefixes in the statement's S3 resource ARNs instead.
/// </remarks>
public sealed class KmsEncryptionContextBucketArnRule : ComplianceRule
{
    private const string ConditionKey = "kms:EncryptionContext:aws:s3:arn";

    public override string Id => ComplianceRuleIds.KmsEncryptionContextBucketArn;

    public override string Requirement => "kms:EncryptionContext:aws:s3:arn conditions list bucket ARNs, because S3 Bucket Keys pass the bucket ARN.";

    public override string Source => "Amazon S3 user guide, 'Reducing the cost of SSE-KMS with Amazon S3 Bucket Keys' (encryption context changes to the bucket ARN).";

    public override string Fix => "Use the bucket ARN (bucket.BucketArn) as the condition value and restrict objects or prefixes in the S3 statement's resources.";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        foreach (var statement in Policies.AllStatements(app))
        {
            foreach (var (_, value) in statement.ConditionValues(ConditionKey, app))
            {
                var bucketPart = value.IndexOf(":s3:::", StringComparison.Ordinal);
                if (bucketPart >= 0 && value.IndexOf('/', bucketPart) >= 0)
                {
                    yield return Violation(
                        statement.Owner,
                        $"The condition {ConditionKey} names an object or prefix ARN '{value}', which never matches with S3 Bucket Keys.");
                }
            }
        }
    }
}
