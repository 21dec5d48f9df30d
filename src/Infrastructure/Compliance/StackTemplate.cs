using System.Text.Json.Nodes;

namespace SyntheticData.Infrastructure.Compliance;

/// <summary>One synthesized CloudFormation template of the cloud assembly.</summary>
public sealed class StackTemplate
{
    internal StackTemplate(string stackName, string templateFile, JsonObject template)
    {
        StackName = stackName;
        TemplateFile = templateFile;
        Template = template;
        var resources = template["Resources"] as JsonObject ?? [];
        Resources = [.. resources.Select(pair => new TemplateResource(this, pair.Key, (JsonObject)pair.Value!))];
    }

    /// <summary>Stack name, as the cloud assembly manifest gives it.</summary>
    public string StackName { get; }

    /// <summary>Path of the template file.</summary>
    public string TemplateFile { get; }

    /// <summary>Parsed template.</summary>
    public JsonObject Template { get; }

    /// <summary>Resources of the template in file order.</summary>
    public IReadOnlyList<TemplateResource> Resources { get; }

    /// <summary>Returns the resource with a logical id, or null.</summary>
    public TemplateResource? FindResource(string logicalId) =>
        Resources.FirstOrDefault(resource => resource.LogicalId == logicalId);
}
