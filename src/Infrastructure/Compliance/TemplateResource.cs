using System.Text.Json.Nodes;

namespace SyntheticData.Infrastructure.Compliance;

/// <summary>One resource of a synthesized template.</summary>
public sealed class TemplateResource
{
    internal TemplateResource(StackTemplate stack, string logicalId, JsonObject definition)
    {
        Stack = stack;
        LogicalId = logicalId;
        Definition = definition;
    }

    /// <summary>Template that declares the resource.</summary>
    public StackTemplate Stack { get; }

    /// <summary>Logical id of the resource in its template.</summary>
    public string LogicalId { get; }

    /// <summary>Whole resource entry: Type, Properties, Metadata and the rest.</summary>
    public JsonObject Definition { get; }

    /// <summary>CloudFormation resource type, such as <c>AWS::S3::Bucket</c>.</summary>
    public string Type => Definition["Type"]?.GetValue<string>() ?? "";

    /// <summary>Resource properties; empty when the resource has none.</summary>
    public JsonObject Properties => Definition["Properties"] as JsonObject ?? [];

    /// <summary>Reference form of the resource that <see cref="AppTemplates.Render"/> produces for a Ref to it.</summary>
    public string Reference => $"${{{Stack.StackName}/{LogicalId}}}";

    /// <summary>Returns the rendered form of an attribute, such as <c>Arn</c>, as <see cref="AppTemplates.Render"/> produces it.</summary>
    public string Attribute(string name) => $"${{{Stack.StackName}/{LogicalId}.{name}}}";

    /// <summary>Returns the reason recorded for exempting this resource from a rule, or null.</summary>
    public string? ExemptionReason(string ruleId) =>
        (Definition["Metadata"] as JsonObject)?[ComplianceExemptions.MetadataKeyPrefix + ruleId]?.GetValue<string>();

    /// <summary>Returns the value of a tag in the resource's Tags list, or null.</summary>
    public string? Tag(string key) =>
        (Properties["Tags"] as JsonArray)?
            .OfType<JsonObject>()
            .FirstOrDefault(tag => tag["Key"]?.GetValue<string>() == key)?["Value"]?.GetValue<string>();

    /// <inheritdoc/>
    public override string ToString() => $"{Stack.StackName}/{LogicalId} ({Type})";
}
