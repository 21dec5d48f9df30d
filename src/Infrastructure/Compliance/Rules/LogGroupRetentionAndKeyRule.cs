namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>Every log group declares a retention period and a customer-managed KMS key.</summary>
public sealed class LogGroupRetentionAndKeyRule : ComplianceRule
{
    public override string Id => ComplianceRuleIds.LogGroupRetentionAndKey;

    public override string Requirement => "Log groups set a retention period and encrypt with a customer-managed key.";

    public override string Source => "PCI DSS 3.2.1 requirements 10.5 and 10.7; AWS Security Hub control CloudWatch.16.";

    public override string Fix => "Set Retention (RetentionDays) and EncryptionKey = the audit key on the LogGroup.";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        foreach (var logGroup in app.OfType("AWS::Logs::LogGroup"))
        {
            if (logGroup.Properties["RetentionInDays"] is null)
            {
                yield return Violation(logGroup, "The log group keeps events forever; no retention period is set.");
            }

            if (!Keys.IsCustomerKey(app, app.Render(logGroup.Properties["KmsKeyId"], logGroup.Stack)))
            {
                yield return Violation(logGroup, "The log group is not encrypted with a customer-managed KMS key.");
            }
        }
    }
}
