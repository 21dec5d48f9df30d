namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>Every SNS topic is encrypted with a customer-managed key.</summary>
/// <remarks>CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed key <c>alias/aws/sns</c>.</remarks>
public sealed class TopicCustomerKeyEncryptionRule : ComplianceRule
{
    public override string Id => ComplianceRuleIds.TopicCustomerKeyEncryption;

    public override string Requirement => "SNS topics are encrypted with a customer-managed KMS key.";

    public override string Source => "PCI DSS 3.2.1 requirement 3.4; AWS Security Hub control SNS.1.";

    public override string Fix => "Set MasterKey = the audit key on the Topic; its key policy must let cloudwatch.amazonaws.com call kms:Decrypt and kms:GenerateDataKey*.";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        foreach (var topic in app.OfType("AWS::SNS::Topic"))
        {
            if (!Keys.IsCustomerKey(app, app.Render(topic.Properties["KmsMasterKeyId"], topic.Stack)))
            {
                yield return Violation(topic, "The topic is not encrypted with a customer-managed KMS key.");
            }
        }
    }
}
