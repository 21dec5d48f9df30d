using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace SyntheticData.Privacy.Policies;

/// <summary>
/// The JSON Schema (draft 2020-12) of dataset policies, shipped as an embedded resource.
/// </summary>
public static partial class PolicySchema
{
    private const string ResourceName = "SyntheticData.Privacy.policy.schema.json";

    private static readonly Lazy<string> SchemaText = new(ReadResource);

    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema);

    /// <summary>The schema document as text, for docs and editors.</summary>
    public static string Text => SchemaText.Value;

    /// <summary>
    /// Validates a policy document against the schema and returns one message per violation, empty when valid.
    /// </summary>
    public static IReadOnlyList<string> Validate(JsonElement document)
    {
        EvaluationResults results = Schema.Value.Evaluate(
            document,
            new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        IReadOnlyList<EvaluationResults> details = results.Details ?? [];

        // The branches of an anyOf or oneOf that passed as a whole report their failed alternatives too, such as a
        // separator "," failing the alternative "tab".
        HashSet<string> passedChoices = [.. details.Where(detail => detail.IsValid).Select(detail => detail.EvaluationPath.ToString())];
        var errors = new List<string>();
        foreach (EvaluationResults detail in details)
        {
            // A failed "if" only means that branch does not apply; its errors are not violations.
            string path = detail.EvaluationPath.ToString();
            if (detail.Errors is null || IsUnderIf(path) || IsUnderPassedChoice(path, passedChoices))
            {
                continue;
            }

            foreach (KeyValuePair<string, string> error in detail.Errors)
            {
                string location = detail.InstanceLocation.ToString();

                // Patterns and expected values come JSON-encoded, with characters such as '+' and '"' as \u002B and \u0022.
                // A const value comes encoded twice, so "tab" reads ""tab"" once unescaped.
                string text = JsonEscape().Replace(error.Value, match => ((char)Convert.ToInt32(match.Groups[1].Value, 16)).ToString());
                text = DoubledQuotes().Replace(text, "\"$1\"");
                string message = $"{(location.Length == 0 ? "/" : location)}: {text}";
                if (!errors.Contains(message))
                {
                    errors.Add(message);
                }
            }
        }

        if (errors.Count == 0)
        {
            errors.Add("the document does not match the policy schema");
        }

        return errors;
    }

    private static JsonSchema LoadSchema()
    {
        // The default messages leave out the offending name and the accepted ones. Policies contain operator,
        // parameter and column names, never row values, so naming them is safe.
        ErrorMessages.Enum = "[[received]] is not one of the accepted values [[values]]";
        ErrorMessages.FalseSchema = "this property is not allowed here; check its spelling and whether it belongs at this place, such as under another operator";
        ErrorMessages.Pattern = "the value does not match the pattern [[pattern]]";
        ErrorMessages.MaxProperties = "at most [[limit]] properties are allowed here, and there are [[received]]";
        ErrorMessages.MaxLength = "the value is [[received]] characters long, and the most allowed here is [[limit]]";
        ErrorMessages.Const = "the value must be [[value]]";
        return JsonSchema.FromText(SchemaText.Value);
    }

    [GeneratedRegex(@"\\u([0-9A-Fa-f]{4})")]
    private static partial Regex JsonEscape();

    [GeneratedRegex("\"\"([^\"]*)\"\"")]
    private static partial Regex DoubledQuotes();

    private static bool IsUnderPassedChoice(string evaluationPath, HashSet<string> passed)
    {
        foreach (string keyword in (ReadOnlySpan<string>)["/anyOf/", "/oneOf/"])
        {
            for (int at = evaluationPath.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = evaluationPath.IndexOf(keyword, at + 1, StringComparison.Ordinal))
            {
                string choice = evaluationPath[..(at + keyword.Length - 1)];
                if (passed.Contains(choice) || passed.Contains(evaluationPath[..at]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsUnderIf(string evaluationPath) =>
        evaluationPath.EndsWith("/if", StringComparison.Ordinal) || evaluationPath.Contains("/if/", StringComparison.Ordinal);

    private static string ReadResource()
    {
        using Stream stream = typeof(PolicySchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
