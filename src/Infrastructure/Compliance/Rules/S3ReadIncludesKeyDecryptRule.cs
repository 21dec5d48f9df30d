using System.Text.Json.Nodes;
using SyntheticData.Infrastructure.Compliance.Internal;

namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>
/// A role that may read objects of a KMS-encrypted bucket may also decrypt with that bucket's key.
/// </summary>
/// <remarks>
/// A read grant on a bucket imported by name carries no <c>kms:Decrypt</c>, because the importing
/// stack does not know the key, and the read then fails at run time. The bucket is found by its
/// Arn attribute or by its name, so an import by name is checked as well.
/// </remarks>
public sealed class S3ReadIncludesKeyDecryptRule : ComplianceRule
{
    public override string Id => ComplianceRuleIds.S3ReadIncludesKeyDecrypt;

    public override string Requirement => "Roles that may call s3:GetObject on a KMS-encrypted bucket may call kms:Decrypt on its key.";

    public override string Source => "Amazon S3 user guide: reading an SSE-KMS object needs kms:Decrypt on its key.";

    public override string Fix => "Import the bucket with Bucket.FromBucketAttributes and its EncryptionKey before GrantRead, or call key.GrantDecrypt(role).";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        var encryptedBuckets = app.OfType("AWS::S3::Bucket")
            .Select(bucket => (Bucket: bucket, Key: BucketKey(app, bucket)))
            .Where(pair => pair.Key is not null)
            .ToList();
        var identityStatements = Policies.IdentityStatements(app).ToList();
        var keyStatements = Policies.KeyPolicyStatements(app).ToList();

        foreach (var read in identityStatements.Where(s => s.AllowsAction("s3:GetObject")))
        {
            foreach (var (bucket, key) in encryptedBuckets)
            {
                var objectArns = Policies.BucketArns(app, bucket).Select(arn => arn + "/any-object");
                if (!objectArns.Any(read.AppliesTo))
                {
                    continue;
                }

                foreach (var role in read.Roles)
                {
                    if (!MayDecrypt(role, key!, identityStatements, keyStatements))
                    {
                        yield return Violation(
                            read.Owner,
                            $"Role {role} may read objects of {bucket.Stack.StackName}/{bucket.LogicalId} but may not call kms:Decrypt on its key {key!.Stack.StackName}/{key.LogicalId}.");
                    }
                }
            }
        }
    }

    private static TemplateResource? BucketKey(AppTemplates app, TemplateResource bucket)
    {
        var rule = (bucket.Properties["BucketEncryption"]?["ServerSideEncryptionConfiguration"] as JsonArray)?.FirstOrDefault();
        var key = app.Render(rule?["ServerSideEncryptionByDefault"]?["KMSMasterKeyID"], bucket.Stack);
        var resolved = app.ResolveReference(key);
        return resolved?.Type == "AWS::KMS::Key" ? resolved : null;
    }

    private static bool MayDecrypt(string role, TemplateResource key, List<StatementView> identityStatements, List<StatementView> keyStatements)
    {
        var keyArn = key.Attribute("Arn");
        var roleIdentity = Policies.RoleIdentity(role);

        var byIdentityPolicy = identityStatements.Any(statement =>
            statement.Roles.Contains(role) && statement.AllowsAction("kms:Decrypt") && statement.AppliesTo(keyArn));

        var byKeyPolicy = keyStatements.Any(statement =>
            statement.Owner == key
            && statement.AllowsAction("kms:Decrypt")
            && statement.AwsPrincipals.Any(principal => Policies.RoleIdentity(principal) == roleIdentity));

        return byIdentityPolicy || byKeyPolicy;
    }
}
