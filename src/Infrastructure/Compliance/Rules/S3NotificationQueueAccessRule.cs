using System.Text.Json.Nodes;
using SyntheticData.Infrastructure.Compliance.Internal;

namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>
/// A queue that receives S3 event notifications is encrypted with a customer-managed key whose
/// policy lets S3 use it, and its queue policy lets only the notifying bucket of this account send.
/// </summary>
/// <remarks>
/// S3 cannot use the AWS-managed key <c>alias/aws/sqs</c>, because that key's policy cannot be
/// changed: events then never arrive, or configuring the notification fails destination validation.
/// </remarks>
public sealed class S3NotificationQueueAccessRule : ComplianceRule
{
    public override string Id => ComplianceRuleIds.S3NotificationQueueAccess;

    public override string Requirement => "Queues that receive S3 notifications use a customer key that allows s3.amazonaws.com, and allow sqs:SendMessage only from the bucket's ARN and account.";

    public override string Source => "Amazon S3 user guide, 'Granting permissions to publish event notification messages to a destination'.";

    public override string Fix => "Encrypt the queue with the data class's customer key (whose policy grants s3.amazonaws.com kms:GenerateDataKey* and kms:Decrypt) and add a queue policy statement for s3.amazonaws.com with aws:SourceArn = the bucket ARN and aws:SourceAccount = the account.";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        var queuePolicies = Policies.ResourcePolicyStatements(app).Where(s => s.Owner.Type == "AWS::SQS::QueuePolicy").ToList();
        var keyStatements = Policies.KeyPolicyStatements(app).ToList();

        foreach (var notifications in app.OfType("Custom::S3BucketNotifications"))
        {
            var bucket = app.ResolveReference(app.Render(notifications.Properties["BucketName"], notifications.Stack));
            var configurations = notifications.Properties["NotificationConfiguration"]?["QueueConfigurations"] as JsonArray ?? [];
            foreach (var configuration in configurations.OfType<JsonObject>())
            {
                var queue = app.ResolveReference(app.Render(configuration["QueueArn"], notifications.Stack));
                if (queue is null)
                {
                    yield return Violation(notifications, "A notification sends to a queue outside the app, whose encryption and policy cannot be checked.");
                    continue;
                }

                foreach (var finding in CheckKey(app, queue, keyStatements))
                {
                    yield return Violation(queue, finding);
                }

                if (bucket is not null && !AllowsOnlyBucket(app, queue, bucket, queuePolicies))
                {
                    yield return Violation(
                        queue,
                        $"No queue policy statement lets s3.amazonaws.com call sqs:SendMessage under both aws:SourceArn = {bucket.Stack.StackName}/{bucket.LogicalId} and aws:SourceAccount.");
                }
            }
        }
    }

    private static IEnumerable<string> CheckKey(AppTemplates app, TemplateResource queue, List<StatementView> keyStatements)
    {
        var keyReference = app.Render(queue.Properties["KmsMasterKeyId"], queue.Stack);
        if (keyReference.Contains("alias/aws/sqs", StringComparison.Ordinal))
        {
            yield return "The queue receives S3 notifications but is encrypted with the AWS-managed key alias/aws/sqs, which S3 cannot use.";
            yield break;
        }

        var key = app.ResolveReference(keyReference);
        if (key?.Type != "AWS::KMS::Key")
        {
            yield return "The queue receives S3 notifications but is not encrypted with a customer-managed key of the app.";
            yield break;
        }

        var s3Statements = keyStatements
            .Where(statement => statement.Owner == key && statement.ServicePrincipals.Contains("s3.amazonaws.com"))
            .ToList();
        foreach (var action in new[] { "kms:GenerateDataKey", "kms:Decrypt" })
        {
            if (!s3Statements.Any(statement => statement.AllowsAction(action)))
            {
                yield return $"The policy of key {key.Stack.StackName}/{key.LogicalId} does not let s3.amazonaws.com call {action}.";
            }
        }
    }

    private static bool AllowsOnlyBucket(AppTemplates app, TemplateResource queue, TemplateResource bucket, List<StatementView> queuePolicies)
    {
        var bucketArns = Policies.BucketArns(app, bucket);
        return queuePolicies.Any(statement =>
            app.RenderList(statement.Owner.Properties["Queues"], statement.Owner.Stack).Contains(queue.Reference)
            && statement.ServicePrincipals.Contains("s3.amazonaws.com")
            && statement.AllowsAction("sqs:SendMessage")
            && statement.ConditionValues("aws:SourceArn", app).Any(condition => bucketArns.Contains(condition.Value))
            && statement.ConditionValues("aws:SourceAccount", app).Any());
    }
}
