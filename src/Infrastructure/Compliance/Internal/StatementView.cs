using System.Text.Json.Nodes;

namespace SyntheticData.Infrastructure.Compliance.Internal;

/// <summary>One policy statement with its references rendered by <see cref="AppTemplates.Render"/>.</summary>
internal sealed record StatementView
{
    /// <summary>Resource that contains the policy: an IAM policy or role, a key, or a bucket, queue or topic policy.</summary>
    public required TemplateResource Owner { get; init; }

    public required JsonObject Statement { get; init; }

    public required bool IsAllow { get; init; }

    /// <summary>Action patterns; empty when the statement uses NotAction.</summary>
    public required IReadOnlyList<string> Actions { get; init; }

    public required bool UsesNotAction { get; init; }

    /// <summary>Rendered resource patterns; a key policy's statements have <c>*</c> meaning the key itself.</summary>
    public required IReadOnlyList<string> Resources { get; init; }

    /// <summary>Rendered AWS principals; <c>*</c> for a wildcard principal.</summary>
    public required IReadOnlyList<string> AwsPrincipals { get; init; }

    public required IReadOnlyList<string> ServicePrincipals { get; init; }

    /// <summary>Rendered references of the roles that an identity policy is attached to.</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    public JsonObject Condition => Statement["Condition"] as JsonObject ?? [];

    public bool AllowsAction(string action) =>
        IsAllow && !UsesNotAction && Actions.Any(pattern => Glob.Matches(pattern, action));

    public bool AppliesTo(string resourceArn) =>
        Resources.Any(pattern => Glob.Matches(pattern, resourceArn));

    /// <summary>Returns the rendered values of a condition key under any operator, compared case-insensitively.</summary>
    public IEnumerable<(string Operator, string Value)> ConditionValues(string conditionKey, AppTemplates app)
    {
        foreach (var (op, block) in Condition)
        {
            if (block is not JsonObject keys)
            {
                continue;
            }

            foreach (var (key, value) in keys)
            {
                if (string.Equals(key, conditionKey, StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var rendered in app.RenderList(value, Owner.Stack))
                    {
                        yield return (op, rendered);
                    }
                }
            }
        }
    }
}
