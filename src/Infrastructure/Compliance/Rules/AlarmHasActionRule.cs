using System.Text.Json.Nodes;

namespace SyntheticData.Infrastructure.Compliance.Rules;

/// <summary>Every CloudWatch alarm has an action that sends a notification when it fires.</summary>
public sealed class AlarmHasActionRule : ComplianceRule
{
    public override string Id => ComplianceRuleIds.AlarmHasAction;

    public override string Requirement => "CloudWatch alarms have at least one alarm action.";

    public override string Source => "PCI DSS 3.2.1 requirement 10.6.1 (review security events); AWS Security Hub control CloudWatch.15.";

    public override string Fix => "Call alarm.AddAlarmAction(new SnsAction(monitoring.AlarmTopic)).";

    public override IEnumerable<ComplianceViolation> Evaluate(AppTemplates app)
    {
        foreach (var alarm in app.OfType("AWS::CloudWatch::Alarm"))
        {
            if (alarm.Properties["AlarmActions"] is not JsonArray { Count: > 0 })
            {
                yield return Violation(alarm, "The alarm has no alarm action, so nobody is notified when it fires.");
            }
        }
    }
}
