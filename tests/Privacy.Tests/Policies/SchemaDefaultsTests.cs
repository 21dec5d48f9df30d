using System.Text.Json;
using System.Text.Json.Nodes;
using SyntheticData.Privacy.Policies;
using SyntheticData.Privacy.Tests.Support;

namespace SyntheticData.Privacy.Tests.Policies;

/// <summary>The defaults that the shipped JSON Schema states are the ones the operators apply.</summary>
public sealed class SchemaDefaultsTests
{
    private const string Csv =
        "customer,value\n"
        + "C1,4111111111111111\n"
        + "C2,ada.b@example.org\n"
        + "C3,47\n"
        + "C4,2024-03-15\n"
        + "C5,SW1A 1AA\n"
        + "C6,Call +44 20 7946 0958 please\n";

    // The parameters each operator needs besides the ones with defaults, and the values it is tried on.
    public static TheoryData<string, string> Operators => new()
    {
        { "pseudonym", "{}" },
        { "token", "{}" },
        { "truncate", "{}" },
        { "mask", "{}" },
        { "generalize", "{\"method\": \"ageBands\"}" },
        { "generalize", "{\"method\": \"postcodePrefix\"}" },
        { "dateShift", "{\"entityColumn\": \"customer\"}" },
        { "noise", "{\"scale\": 2}" },
        { "redact", "{}" },
    };

    private static readonly Dictionary<string, string[]> GeneralizeParameters = new()
    {
        ["ageBands"] = ["width", "origin", "top"],
        ["postcodePrefix"] = ["length", "padDigits"],
    };

    [Theory]
    [MemberData(nameof(Operators))]
    public void Defaults_InSchema_MatchOperators(string operatorName, string required)
    {
        JsonObject defaults = DefaultsOf(operatorName);
        Assert.NotEmpty(defaults);
        JsonObject explicitParameters = JsonNode.Parse(required)!.AsObject();
        foreach ((string name, JsonNode? value) in defaults)
        {
            // The generalize methods share one parameter list in the schema but reject each other's parameters.
            if (explicitParameters["method"]?.GetValue<string>() is { } method && !GeneralizeParameters[method].Contains(name))
            {
                continue;
            }

            explicitParameters[name] = value!.DeepClone();
        }

        string implicitOutput = Anonymize(operatorName, required);
        string explicitOutput = Anonymize(operatorName, explicitParameters.ToJsonString());

        Assert.Equal(implicitOutput, explicitOutput);
    }

    private static string Anonymize(string operatorName, string parameters)
    {
        string policy = AnonymizationHarness.Policy(
            $"\"customer\": {{\"operator\": \"keep\"}}, \"value\": {{\"operator\": \"{operatorName}\", \"parameters\": {parameters}}}",
            "\"k\": 1");
        return AnonymizationHarness.Run(Csv, policy).Output;
    }

    // Returns the parameters with a "default" in the schema's branch for the operator.
    private static JsonObject DefaultsOf(string operatorName)
    {
        JsonNode schema = JsonNode.Parse(PolicySchema.Text)!;
        var defaults = new JsonObject();
        foreach (JsonNode? branch in schema["$defs"]!["column"]!["allOf"]!.AsArray())
        {
            JsonNode condition = branch!["if"]!["properties"]!["operator"]!;
            bool matches = condition["const"]?.GetValue<string>() == operatorName
                || (condition["enum"]?.AsArray().Any(item => item!.GetValue<string>() == operatorName) ?? false);
            JsonObject? properties = branch["then"]?["properties"]?["parameters"]?["properties"]?.AsObject();
            if (!matches || properties is null)
            {
                continue;
            }

            foreach ((string name, JsonNode? property) in properties)
            {
                if (property!["default"] is { } value)
                {
                    defaults[name] = value.DeepClone();
                }
            }
        }

        return defaults;
    }
}
