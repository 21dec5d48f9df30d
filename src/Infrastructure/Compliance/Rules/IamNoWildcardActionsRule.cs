using SyntheticData.Infrastructure.Compliance.Internal;

namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>IAM identity policies name their actions: no <c>*</c>, no <c>service:*</c>, no Allow with NotAction.</summary>
public sealed class IamNoWildcardActionsRule : ComplianceRule
{
    public override string Id => ComplianceRuleIds.IamNoWildcardActions;

    public override string Requirement => "IAM policies allow no '*' or 'service:*' action and use no NotAction in an Allow.";

    public override string Source => "PCI DSS 3.2.1 requirements 7.1.2 and 7.2.1; AWS Security Hub controls IAM.1 and IAM.21.";

    public override string Fix => "List the actions the role calls, for example s3:GetObject and kms:Decrypt, or use the construct's Grant* method.";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        foreach (var statement in Policies.IdentityStatements(app).Where(s => s.IsAllow))
        {
            if (statement.UsesNotAction)
            {
                yield return Violation(statement.Owner, "An Allow statement uses NotAction, which allows every other action.");
                continue;
            }

            var wildcards = statement.Actions.Where(action => action == "*" || action.EndsWith(":*", StringComparison.Ordinal)).ToList();
            if (wildcards.Count > 0)
            {
                yield return Violation(statement.Owner, $"An Allow statement grants wildcard actions: {string.Join(", ", wildcards)}.");
            }
        }
    }
}
