using SyntheticData.Infrastructure.Compliance.Internal;

namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>
/// No IAM policy of the app allows <c>s3:PutObject</c> on the landing bucket, so nothing that the
/// pipeline does can raise another object-created event and start the pipeline again.
/// </summary>
/// <remarks>
/// The landing bucket is the bucket tagged with purpose <c>landing</c>. Copying in place or tagging
/// by copy also needs <c>s3:PutObject</c>, so this check covers them.
/// </remarks>
public sealed class LandingBucketNotWritableRule : ComplianceRule
{
    public override string Id => ComplianceRuleIds.LandingBucketNotWritable;

    public override string Requirement => "No IAM policy of the app allows s3:PutObject on the landing bucket.";

    public override string Source => "AWS Lambda best practice against recursive invocation: a function must not write to the bucket that triggers it.";

    public override string Fix => "Write outputs, copies and reason objects to the anonymized, synthetic or quarantine bucket; grant only read access (GrantRead) on the landing bucket.";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        var landingBuckets = app.OfType("AWS::S3::Bucket")
            .Where(bucket => bucket.Tag(ResourceTags.BucketPurpose) == ResourceNames.LandingPurpose)
            .ToList();

        foreach (var statement in Policies.IdentityStatements(app).Where(s => s.AllowsAction("s3:PutObject")))
        {
            foreach (var bucket in landingBuckets)
            {
                var objectArns = Policies.BucketArns(app, bucket).Select(arn => arn + "/incoming/extract.csv");
                if (objectArns.Any(statement.AppliesTo))
                {
                    yield return Violation(
                        statement.Owner,
                        $"The policy allows s3:PutObject on the landing bucket {bucket.Stack.StackName}/{bucket.LogicalId}, which would let the pipeline trigger itself.");
                }
            }
        }
    }
}
