using SyntheticData.Infrastructure.Compliance.Rules;

namespace SyntheticData.Infrastructure.Compliance;

/// <summary>
/// The compliance rules that every stack of the app must pass, evaluated over the synthesized
/// templates so that stacks added later are checked without any change here.
/// </summary>
public static class ComplianceSuite
{
    /// <summary>Every rule, in the order they are reported.</summary>
    public static IReadOnlyList<ComplianceRule> Rules { get; } =
    [
        new S3CustomerKeyEncryptionRule(),
        new TlsOnlyAccessRule(),
        new S3PublicAccessBlockedRule(),
        new S3VersioningRule(),
        new S3AccessLoggingRule(),
        new S3LifecycleRule(),
        new KmsKeyRotationRule(),
        new KmsKeyPolicyLeastPrivilegeRule(),
        new IamNoWildcardActionsRule(),
        new LandingBucketNotWritableRule(),
        new KmsEncryptionContextBucketArnRule(),
        new S3ReadIncludesKeyDecryptRule(),
        new S3NotificationQueueAccessRule(),
        new CloudTrailSecuredRule(),
        new LogGroupRetentionAndKeyRule(),
        new TopicCustomerKeyEncryptionRule(),
        new QueueCustomerKeyEncryptionRule(),
        new QueueDeadLetterQueueRule(),
        new AlarmHasActionRule(),
    ];

    /// <summary>Returns the rule with an id.</summary>
    /// <exception cref="ArgumentException">No rule has the id.</exception>
    public static ComplianceRule Rule(string id) =>
        Rules.FirstOrDefault(rule => rule.Id == id)
            ?? throw new ArgumentException($"No compliance rule has the id '{id}'.", nameof(id));

    /// <summary>Evaluates one rule and returns its violations, leaving out exempted resources.</summary>
    public static IReadOnlyList<ComplianceViolation> Evaluate(AppTemplates app, ComplianceRule rule)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(rule);
        return [.. rule.Evaluate(app).Where(violation => !IsExempt(app, violation)).Distinct()];
    }

    /// <summary>Evaluates every rule and returns all violations.</summary>
    public static IReadOnlyList<ComplianceViolation> Evaluate(AppTemplates app) =>
        [.. Rules.SelectMany(rule => Evaluate(app, rule))];

    /// <summary>Evaluates every rule over a cloud assembly folder.</summary>
    /// <exception cref="ComplianceException">At least one rule is broken; the message lists every violation.</exception>
    public static void EnsureCompliant(string cloudAssemblyDirectory)
    {
        var violations = Evaluate(AppTemplates.Load(cloudAssemblyDirectory));
        if (violations.Count > 0)
        {
            throw new ComplianceException(violations);
        }
    }

    private static bool IsExempt(AppTemplates app, ComplianceViolation violation) =>
        app.Stacks
            .FirstOrDefault(stack => stack.StackName == violation.StackName)?
            .FindResource(violation.LogicalId)?
            .ExemptionReason(violation.RuleId) is not null;
}
