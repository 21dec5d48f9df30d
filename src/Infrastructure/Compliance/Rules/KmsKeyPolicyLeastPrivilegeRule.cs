using SyntheticData.Infrastructure.Compliance.Internal;

namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>
/// Key policies give <c>kms:*</c> to the account root only, and never allow an unconditioned
/// wildcard principal.
/// </summary>
public sealed class KmsKeyPolicyLeastPrivilegeRule : ComplianceRule
{
    public override string Id => ComplianceRuleIds.KmsKeyPolicyLeastPrivilege;

    public override string Requirement => "Key policies grant kms:* only to the account root and no unconditioned access to a wildcard principal.";

    public override string Source => "PCI DSS 3.2.1 requirements 3.5.2 and 7.1.2; AWS Security Hub control KMS.2.";

    public override string Fix => "Grant services and roles only the KMS actions they call (for example kms:Decrypt, kms:GenerateDataKey*), and add conditions to any statement for a wildcard principal.";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        foreach (var statement in Policies.KeyPolicyStatements(app).Where(s => s.IsAllow))
        {
            var allActions = statement.UsesNotAction || statement.Actions.Any(action => action is "*" or "kms:*");
            var principals = statement.AwsPrincipals.Concat(statement.ServicePrincipals).ToList();
            if (allActions && principals.Any(principal => !Policies.IsAccountRoot(principal)))
            {
                yield return Violation(
                    statement.Owner,
                    $"Key policy statement '{Sid(statement)}' grants every KMS action to a principal other than the account root.");
            }

            if (statement.AwsPrincipals.Contains("*") && statement.Condition.Count == 0)
            {
                yield return Violation(statement.Owner, $"Key policy statement '{Sid(statement)}' allows any principal without a condition.");
            }
        }
    }

    private static string Sid(StatementView statement) => statement.Statement["Sid"]?.GetValue<string>() ?? "(no Sid)";
}
