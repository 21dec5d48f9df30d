namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>Every SQS queue is encrypted with a customer-managed key.</summary>
public sealed class QueueCustomerKeyEncryptionRule : ComplianceRule
{
    public override string Id => ComplianceRuleIds.QueueCustomerKeyEncryption;

    public override string Requirement => "SQS queues are encrypted with a customer-managed KMS key, not SSE-SQS or alias/aws/sqs.";

    public override string Source => "PCI DSS 3.2.1 requirement 3.4; AWS Security Hub control SQS.1.";

    public override string Fix => "Set Encryption = QueueEncryption.KMS and EncryptionMasterKey = the data class's key on the Queue.";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        foreach (var queue in app.OfType("AWS::SQS::Queue"))
        {
            if (!Keys.IsCustomerKey(app, app.Render(queue.Properties["KmsMasterKeyId"], queue.Stack)))
            {
                yield return Violation(queue, "The queue is not encrypted with a customer-managed KMS key.");
            }
        }
    }
}
