using System.Text.Json;
using System.Text.Json.Nodes;

namespace SyntheticData.Infrastructure.Compliance;

/// <summary>
/// Every CloudFormation template of a synthesized cloud assembly, with a renderer that turns
/// intrinsic functions into comparable strings across stacks.
/// </summary>
public sealed class AppTemplates
{
    private readonly Dictionary<string, (StackTemplate Stack, JsonNode Value)> exports = [];

    private AppTemplates(IReadOnlyList<StackTemplate> stacks)
    {
        Stacks = stacks;
        foreach (var stack in stacks)
        {
            foreach (var (_, output) in stack.Template["Outputs"] as JsonObject ?? [])
            {
                if (output?["Export"]?["Name"] is JsonValue name && name.TryGetValue<string>(out var exportName) && output["Value"] is { } value)
                {
                    exports[exportName] = (stack, value);
                }
            }
        }
    }

    /// <summary>Templates of every stack, including stacks of nested stages.</summary>
    public IReadOnlyList<StackTemplate> Stacks { get; }

    /// <summary>Every resource of every stack.</summary>
    public IEnumerable<TemplateResource> Resources => Stacks.SelectMany(stack => stack.Resources);

    /// <summary>Reads every stack template that a cloud assembly folder's manifest lists.</summary>
    /// <exception cref="FileNotFoundException">The folder has no manifest.json.</exception>
    public static AppTemplates Load(string cloudAssemblyDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cloudAssemblyDirectory);
        var stacks = new List<StackTemplate>();
        LoadAssembly(cloudAssemblyDirectory, stacks);
        return new AppTemplates(stacks);
    }

    /// <summary>Returns every resource of a CloudFormation type.</summary>
    public IEnumerable<TemplateResource> OfType(string type) => Resources.Where(resource => resource.Type == type);

    /// <summary>
    /// Renders a template value as a string in which references become placeholders:
    /// <c>${AWS::AccountId}</c> for pseudo parameters, <c>${stack/LogicalId}</c> for a Ref and
    /// <c>${stack/LogicalId.Attribute}</c> for Fn::GetAtt. Fn::Join is joined and Fn::ImportValue
    /// is replaced by the exporting stack's rendered output, so a value renders the same in every stack.
    /// </summary>
    public string Render(JsonNode? value, StackTemplate stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        switch (value)
        {
            case null:
                return "";
            case JsonValue scalar:
                return scalar.TryGetValue<string>(out var text) ? text : scalar.ToJsonString();
            case JsonObject function when function.Count == 1:
                var (name, argument) = function.First();
                return name switch
                {
                    "Ref" => RenderRef(argument!.GetValue<string>(), stack),
                    "Fn::GetAtt" => RenderGetAtt(argument!, stack),
                    "Fn::Join" => string.Join(
                        argument![0]!.GetValue<string>(),
                        argument[1]!.AsArray().Select(part => Render(part, stack))),
                    "Fn::ImportValue" => RenderImport(Render(argument, stack), value),
                    _ => value.ToJsonString(),
                };
            default:
                return value.ToJsonString();
        }
    }

    /// <summary>Renders a value that may be a single item or a list as a list of strings.</summary>
    public IReadOnlyList<string> RenderList(JsonNode? value, StackTemplate stack) => value switch
    {
        null => [],
        JsonArray array => [.. array.Select(item => Render(item, stack))],
        _ => [Render(value, stack)],
    };

    /// <summary>Returns the resource that a rendered reference such as <c>${stack/Id.Arn}</c> names, or null.</summary>
    public TemplateResource? ResolveReference(string rendered)
    {
        if (!rendered.StartsWith("${", StringComparison.Ordinal) || !rendered.EndsWith('}'))
        {
            return null;
        }

        var inner = rendered[2..^1];
        var slash = inner.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return null;
        }

        var stackName = inner[..slash];
        var logicalId = inner[(slash + 1)..].Split('.')[0];
        return Stacks.FirstOrDefault(stack => stack.StackName == stackName)?.FindResource(logicalId);
    }

    private string RenderRef(string target, StackTemplate stack) =>
        target.StartsWith("AWS::", StringComparison.Ordinal) ? $"${{{target}}}" : $"${{{stack.StackName}/{target}}}";

    private static string RenderGetAtt(JsonNode argument, StackTemplate stack) => argument switch
    {
        JsonArray parts => $"${{{stack.StackName}/{parts[0]!.GetValue<string>()}.{parts[1]!.GetValue<string>()}}}",
        _ => $"${{{stack.StackName}/{argument.GetValue<string>()}}}",
    };

    private string RenderImport(string exportName, JsonNode original) =>
        exports.TryGetValue(exportName, out var export) ? Render(export.Value, export.Stack) : original.ToJsonString();

    private static void LoadAssembly(string directory, List<StackTemplate> stacks)
    {
        var manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException("The cloud assembly has no manifest.json; synthesize the app first.", manifestPath);
        }

        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        foreach (var (artifactId, artifact) in manifest["artifacts"] as JsonObject ?? [])
        {
            var type = artifact?["type"]?.GetValue<string>();
            var properties = artifact?["properties"];
            if (type == "aws:cloudformation:stack" && properties?["templateFile"] is JsonValue file)
            {
                var stackName = properties["stackName"]?.GetValue<string>() ?? artifactId;
                var templatePath = Path.Combine(directory, file.GetValue<string>());
                var template = JsonNode.Parse(File.ReadAllText(templatePath), documentOptions: new JsonDocumentOptions { MaxDepth = 256 })!.AsObject();
                stacks.Add(new StackTemplate(stackName, templatePath, template));
            }
            else if (type == "cdk:cloud-assembly" && properties?["directoryName"] is JsonValue nested)
            {
                LoadAssembly(Path.Combine(directory, nested.GetValue<string>()), stacks);
            }
        }
    }
}
