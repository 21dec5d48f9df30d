using System.Text.Json.Nodes;

namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>Every queue that is not itself a dead-letter queue has a redrive policy to one.</summary>
public sealed class QueueDeadLetterQueueRule : ComplianceRule
{
    public override string Id => ComplianceRuleIds.QueueDeadLetterQueue;

    public override string Requirement => "Queues that are not dead-letter queues move failing messages to a dead-letter queue.";

    public override string Source => "AWS SQS best practices: configure a dead-letter queue so failing messages are kept and can be alarmed on.";

    public override string Fix => "Set DeadLetterQueue = new DeadLetterQueue { Queue = ..., MaxReceiveCount = ... } on the Queue.";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        var queues = app.OfType("AWS::SQS::Queue").ToList();
        var deadLetterTargets = new HashSet<TemplateResource>();
        foreach (var queue in queues)
        {
            if (queue.Properties["RedrivePolicy"] is JsonObject policy
                && app.ResolveReference(app.Render(policy["deadLetterTargetArn"], queue.Stack)) is { } target)
            {
                deadLetterTargets.Add(target);
            }
        }

        foreach (var queue in queues)
        {
            if (queue.Properties["RedrivePolicy"] is null && !deadLetterTargets.Contains(queue))
            {
                yield return Violation(queue, "The queue has no dead-letter queue, so a message that always fails is retried until it expires and then lost.");
            }
        }
    }
}
