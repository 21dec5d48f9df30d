using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SyntheticData.Infrastructure.Compliance.Internal;

/// <summary>Collects the policy statements of an app's templates.</summary>
internal static partial class Policies
{
    /// <summary>Statements of IAM identity policies: AWS::IAM::Policy, ManagedPolicy and Role inline policies.</summary>
    public static IEnumerable<StatementView> IdentityStatements(AppTemplates app)
    {
        foreach (var resource in app.Resources)
        {
            switch (resource.Type)
            {
                case "AWS::IAM::Policy":
                case "AWS::IAM::ManagedPolicy":
                    var roles = app.RenderList(resource.Properties["Roles"], resource.Stack);
                    foreach (var statement in Statements(app, resource, resource.Properties["PolicyDocument"], roles))
                    {
                        yield return statement;
                    }

                    break;
                case "AWS::IAM::Role":
                    foreach (var policy in resource.Properties["Policies"] as JsonArray ?? [])
                    {
                        foreach (var statement in Statements(app, resource, policy?["PolicyDocument"], [resource.Reference]))
                        {
                            yield return statement;
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>Statements of every KMS key policy.</summary>
    public static IEnumerable<StatementView> KeyPolicyStatements(AppTemplates app) =>
        app.OfType("AWS::KMS::Key").SelectMany(key => Statements(app, key, key.Properties["KeyPolicy"], []));

    /// <summary>Statements of bucket, queue and topic policies.</summary>
    public static IEnumerable<StatementView> ResourcePolicyStatements(AppTemplates app) =>
        app.Resources
            .Where(resource => resource.Type is "AWS::S3::BucketPolicy" or "AWS::SQS::QueuePolicy" or "AWS::SNS::TopicPolicy")
            .SelectMany(resource => Statements(app, resource, resource.Properties["PolicyDocument"], []));

    /// <summary>Every statement of every policy kind.</summary>
    public static IEnumerable<StatementView> AllStatements(AppTemplates app) =>
        IdentityStatements(app).Concat(KeyPolicyStatements(app)).Concat(ResourcePolicyStatements(app));

    /// <summary>The rendered ARN forms of a bucket: its Arn attribute and the ARN built from its name.</summary>
    public static IReadOnlyList<string> BucketArns(AppTemplates app, TemplateResource bucket)
    {
        var arns = new List<string> { bucket.Attribute("Arn") };
        var name = app.Render(bucket.Properties["BucketName"], bucket.Stack);
        if (name.Length > 0)
        {
            arns.Add($"arn:${{AWS::Partition}}:s3:::{name}");
            arns.Add($"arn:aws:s3:::{name}");
        }

        return arns;
    }

    /// <summary>Whether a rendered principal is an account root principal.</summary>
    public static bool IsAccountRoot(string principal) => AccountRootPattern().IsMatch(principal);

    /// <summary>Removes a trailing <c>.Arn</c> so that a role's Ref and Arn forms compare equal.</summary>
    public static string RoleIdentity(string rendered) =>
        rendered.EndsWith(".Arn}", StringComparison.Ordinal) ? rendered[..^5] + "}" : rendered;

    private static IEnumerable<StatementView> Statements(AppTemplates app, TemplateResource owner, JsonNode? document, IReadOnlyList<string> roles)
    {
        var statements = document?["Statement"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject single => [single],
            _ => [],
        };

        foreach (var statement in statements)
        {
            var (awsPrincipals, servicePrincipals) = Principals(app, owner, statement["Principal"]);
            yield return new StatementView
            {
                Owner = owner,
                Statement = statement,
                IsAllow = statement["Effect"]?.GetValue<string>() == "Allow",
                Actions = app.RenderList(statement["Action"], owner.Stack),
                UsesNotAction = statement["NotAction"] is not null,
                Resources = app.RenderList(statement["Resource"], owner.Stack),
                AwsPrincipals = awsPrincipals,
                ServicePrincipals = servicePrincipals,
                Roles = roles,
            };
        }
    }

    private static (IReadOnlyList<string> Aws, IReadOnlyList<string> Service) Principals(AppTemplates app, TemplateResource owner, JsonNode? principal)
    {
        if (principal is JsonValue wildcard)
        {
            return ([wildcard.GetValue<string>()], []);
        }

        if (principal is not JsonObject map)
        {
            return ([], []);
        }

        return (app.RenderList(map["AWS"], owner.Stack), app.RenderList(map["Service"], owner.Stack));
    }

    [GeneratedRegex(@"^(arn:(\$\{AWS::Partition\}|[a-z-]+):iam::(\$\{AWS::AccountId\}|[0-9]{12}):root|[0-9]{12}|\$\{AWS::AccountId\})$")]
    private static partial Regex AccountRootPattern();
}
