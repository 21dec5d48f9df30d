namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>Every symmetric customer-managed key rotates its key material.</summary>
public sealed class KmsKeyRotationRule : ComplianceRule
{
    public override string Id => ComplianceRuleIds.KmsKeyRotation;

    public override string Requirement => "Symmetric KMS keys have automatic rotation on.";

    public override string Source => "PCI DSS 3.2.1 requirement 3.6.4; AWS Security Hub control KMS.4.";

    public override string Fix => "Set EnableKeyRotation = true on the Key.";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        foreach (var key in app.OfType("AWS::KMS::Key"))
        {
            var spec = app.Render(key.Properties["KeySpec"], key.Stack);
            if (spec is "" or "SYMMETRIC_DEFAULT" && key.Properties["EnableKeyRotation"]?.GetValue<bool>() != true)
            {
                yield return Violation(key, "Automatic key rotation is off.");
            }
        }
    }
}
