using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SyntheticData.Infrastructure.Tests.Internal;

/// <summary>
/// Evaluates the subset of CloudWatch Logs JSON filter patterns that the security alarms use:
/// <c>{ ... }</c> with <c>&amp;&amp;</c>, <c>||</c>, parentheses, <c>=</c> and <c>!=</c> on
/// <c>$.path</c> selectors, string values with a leading or trailing <c>*</c>, and <c>NOT EXISTS</c>.
/// </summary>
/// <remarks>
/// NOTE: a comparison on a field that the event lacks counts as not equal, so <c>!=</c> matches it.
/// The evaluator covers only what these patterns use, so it is a test aid and not a full
/// implementation of the syntax.
/// </remarks>
internal sealed partial class FilterPatternEvaluator
{
    private readonly List<string> tokens;
    private int position;

    private FilterPatternEvaluator(string pattern)
    {
        var trimmed = pattern.Trim();
        if (!trimmed.StartsWith('{') || !trimmed.EndsWith('}'))
        {
            throw new FormatException("A JSON filter pattern starts with '{' and ends with '}'.");
        }

        tokens = [.. TokenPattern().Matches(trimmed[1..^1]).Select(match => match.Value)];
    }

    public static bool Matches(string pattern, JsonNode logEvent)
    {
        var evaluator = new FilterPatternEvaluator(pattern);
        var result = evaluator.ParseOr(logEvent);
        if (evaluator.position != evaluator.tokens.Count)
        {
            throw new FormatException($"Unexpected token '{evaluator.tokens[evaluator.position]}' in the filter pattern.");
        }

        return result;
    }

    private bool ParseOr(JsonNode logEvent)
    {
        var result = ParseAnd(logEvent);
        while (Peek() == "||")
        {
            position++;
            result |= ParseAnd(logEvent);
        }

        return result;
    }

    private bool ParseAnd(JsonNode logEvent)
    {
        var result = ParseTerm(logEvent);
        while (Peek() == "&&")
        {
            position++;
            result &= ParseTerm(logEvent);
        }

        return result;
    }

    private bool ParseTerm(JsonNode logEvent)
    {
        if (Peek() == "(")
        {
            position++;
            var inner = ParseOr(logEvent);
            Expect(")");
            return inner;
        }

        var selector = Next();
        if (!selector.StartsWith("$.", StringComparison.Ordinal))
        {
            throw new FormatException($"Expected a '$.' selector but found '{selector}'.");
        }

        var field = Select(logEvent, selector[2..]);
        var op = Next();
        if (op == "NOT")
        {
            Expect("EXISTS");
            return field is null;
        }

        var expected = Next().Trim('"');
        var actual = field is JsonValue value ? value.ToString() : null;
        var equal = actual is not null && WildcardEquals(expected, actual);
        return op switch
        {
            "=" => equal,
            "!=" => !equal,
            _ => throw new FormatException($"Unsupported operator '{op}'."),
        };
    }

    private static JsonNode? Select(JsonNode logEvent, string path)
    {
        JsonNode? current = logEvent;
        foreach (var part in path.Split('.'))
        {
            current = current is JsonObject obj ? obj[part] : null;
        }

        return current;
    }

    private static bool WildcardEquals(string expected, string actual) =>
        Regex.IsMatch(actual, "^" + string.Join(".*", expected.Split('*').Select(Regex.Escape)) + "$");

    private string? Peek() => position < tokens.Count ? tokens[position] : null;

    private string Next() =>
        position < tokens.Count ? tokens[position++] : throw new FormatException("The filter pattern ends too early.");

    private void Expect(string token)
    {
        if (Next() != token)
        {
            throw new FormatException($"Expected '{token}' in the filter pattern.");
        }
    }

    [GeneratedRegex(@"""[^""]*""|&&|\|\||!=|=|\(|\)|[^\s()=!&|""]+")]
    private static partial Regex TokenPattern();
}
