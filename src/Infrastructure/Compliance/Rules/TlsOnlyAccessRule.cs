using System.Text.Json.Nodes;
using SyntheticData.Infrastructure.Compliance.Internal;

namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>Every bucket, queue and topic has a resource policy that denies requests without TLS.</summary>
public sealed class TlsOnlyAccessRule : ComplianceRule
{
    public override string Id => ComplianceRuleIds.TlsOnlyAccess;

    public override string Requirement => "Buckets, queues and topics deny every request made without TLS.";

    public override string Source => "PCI DSS 3.2.1 requirement 4.1; AWS Security Hub controls S3.5, SQS and SNS TLS guidance.";

    public override string Fix => "Set EnforceSSL = true on the Bucket, Queue or Topic, which adds a Deny statement on aws:SecureTransport = false.";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        var denyingPolicies = Policies.ResourcePolicyStatements(app)
            .Where(IsTlsDeny)
            .Select(statement => statement.Owner)
            .Distinct()
            .ToList();

        var protectedTargets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in denyingPolicies)
        {
            var targets = policy.Type switch
            {
                "AWS::S3::BucketPolicy" => app.RenderList(policy.Properties["Bucket"], policy.Stack),
                "AWS::SQS::QueuePolicy" => app.RenderList(policy.Properties["Queues"], policy.Stack),
                _ => app.RenderList(policy.Properties["Topics"], policy.Stack),
            };
            protectedTargets.UnionWith(targets);
        }

        foreach (var resource in app.Resources.Where(r => r.Type is "AWS::S3::Bucket" or "AWS::SQS::Queue" or "AWS::SNS::Topic"))
        {
            if (!protectedTargets.Contains(resource.Reference))
            {
                yield return Violation(resource, "No resource policy denies requests made without TLS.");
            }
        }
    }

    private static bool IsTlsDeny(StatementView statement)
    {
        if (statement.IsAllow || !statement.AwsPrincipals.Contains("*"))
        {
            return false;
        }

        var secureTransport = (statement.Condition["Bool"] as JsonObject)?["aws:SecureTransport"];
        return secureTransport?.ToJsonString().Trim('"').Equals("false", StringComparison.OrdinalIgnoreCase) == true;
    }
}
