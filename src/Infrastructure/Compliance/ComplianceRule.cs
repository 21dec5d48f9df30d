namespace SyntheticData.Infrastructure.Compliance;

/// <summary>A check over every synthesized template of the app.</summary>
public abstract class ComplianceRule
{
    /// <summary>Stable id, one of <see cref="ComplianceRuleIds"/>.</summary>
    public abstract string Id { get; }

    /// <summary>What the rule requires, in one sentence.</summary>
    public abstract string Requirement { get; }

    /// <summary>The PCI DSS 3.2.1 requirement or AWS best practice the rule enforces.</summary>
    public abstract string Source { get; }

    /// <summary>How to fix a resource that breaks the rule.</summary>
    public abstract string Fix { get; }

    /// <summary>Returns one violation per finding; exemptions are applied by <see cref="ComplianceSuite"/>.</summary>
    public abstract IEnumerable<ComplianceViolation> Evaluate(AppTemplates app);

    /// <summary>Creates a violation of this rule for a resource.</summary>
    protected ComplianceViolation Violation(TemplateResource resource, string finding)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new ComplianceViolation(Id, resource.Stack.StackName, resource.LogicalId, resource.Type, finding, Fix);
    }
}
