namespace SyntheticData.Infrastructure.Compliance;

/// <summary>A resource that breaks a compliance rule.</summary>
/// <param name="RuleId">Id of the rule, one of <see cref="ComplianceRuleIds"/>.</param>
/// <param name="StackName">Stack that declares the resource.</param>
/// <param name="LogicalId">Logical id of the resource in its template.</param>
/// <param name="ResourceType">CloudFormation type of the resource.</param>
/// <param name="Finding">What is wrong with the resource.</param>
/// <param name="Fix">How to make the resource comply.</param>
public sealed record ComplianceViolation(
    string RuleId,
    string StackName,
    string LogicalId,
    string ResourceType,
    string Finding,
    string Fix)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{StackName}/{LogicalId} ({ResourceType}) breaks rule {RuleId}: {Finding} Fix: {Fix}";
}
