using Amazon.CDK;
using Constructs;

namespace SyntheticData.Infrastructure.Compliance;

/// <summary>
/// Records in a resource's CloudFormation metadata that a compliance rule does not apply to it,
/// with the reason. The rule suite then leaves the resource out of that rule's violations.
/// </summary>
public static class ComplianceExemptions
{
    /// <summary>Prefix of the metadata key; the rule id follows it.</summary>
    public const string MetadataKeyPrefix = "synthdata:compliance-exemption:";

    /// <summary>Exempts the CloudFormation resource behind <paramref name="construct"/> from one rule.</summary>
    /// <exception cref="ArgumentException">The reason is empty, or the construct has no CloudFormation resource as its default child.</exception>
    public static void Add(IConstruct construct, string ruleId, string reason)
    {
        ArgumentNullException.ThrowIfNull(construct);
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);

        var resource = construct as CfnResource ?? construct.Node.DefaultChild as CfnResource
            ?? throw new ArgumentException(
                $"Construct '{construct.Node.Path}' has no CloudFormation resource to carry the exemption.",
                nameof(construct));
        resource.AddMetadata(MetadataKeyPrefix + ruleId, reason);
    }
}
