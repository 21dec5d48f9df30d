using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;
using SyntheticData.Infrastructure.Monitoring;
using SyntheticData.Telemetry;

namespace SyntheticData.Infrastructure.Stacks;

/// <summary>
/// Alarm topic, security alarms on the trail's log group, alarms on the pipeline's custom metrics
/// and on the dead-letter queue, and a dashboard.
/// </summary>
public sealed class MonitoringStack : Stack
{
    private static readonly Duration AlarmPeriod = Duration.Minutes(5);

    private readonly List<Alarm> alarms = [];

    /// <summary>Creates the topic, the alarms and the dashboard.</summary>
    public MonitoringStack(
        Construct scope,
        string id,
        IStackProps props,
        DeploymentSettings settings,
        SecurityStack security,
        DataStack data)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(security);
        ArgumentNullException.ThrowIfNull(data);
        var names = new ResourceNames(settings);
        AddDependency(security, "The metric filters read the trail's log group and the topic uses the audit key.");
        AddDependency(data, "An alarm watches the landing-event dead-letter queue.");

        AlarmTopic = CreateTopic(names, settings, security);
        var action = new SnsAction(AlarmTopic);

        var securityMetrics = new List<IMetric>();
        foreach (var definition in SecurityAlarms.All)
        {
            var filter = new MetricFilter(this, $"{definition.MetricName}Filter", new MetricFilterProps
            {
                LogGroup = security.TrailLogGroup,
                FilterPattern = FilterPattern.Literal(definition.FilterPattern),
                MetricNamespace = SecurityAlarms.Namespace,
                MetricName = definition.MetricName,
                MetricValue = "1",
            });
            var metric = filter.Metric(new MetricOptions { Statistic = Stats.SUM, Period = AlarmPeriod });
            securityMetrics.Add(metric);
            AddAlarm(names, definition.Id, definition.MetricName + "Alarm", metric, 1, definition.Description, action);
        }

        var thresholds = new Dictionary<string, int>
        {
            [PipelineMetrics.ExtractsRejected] = settings.RejectedExtractsThreshold,
            [PipelineMetrics.ResidualPiiFound] = settings.ResidualPiiThreshold,
            [PipelineMetrics.PrivacyGateFailures] = settings.PrivacyGateFailuresThreshold,
            [PipelineMetrics.RunsFailed] = settings.FailedRunsThreshold,
        };
        var descriptions = new Dictionary<string, string>
        {
            [PipelineMetrics.ExtractsRejected] = "Extracts failed validation and were quarantined.",
            [PipelineMetrics.ResidualPiiFound] = "Personal values were found in an anonymized or synthetic output; it was not published.",
            [PipelineMetrics.PrivacyGateFailures] = "An output failed the privacy gate and was not published.",
            [PipelineMetrics.RunsFailed] = "Pipeline runs ended in the failure path.",
        };

        var pipelineMetrics = new List<IMetric>();
        foreach (var metricName in PipelineMetrics.Alarmed)
        {
            var metric = PipelineMetric(settings, metricName);
            pipelineMetrics.Add(metric);
            AddAlarm(names, ToKebabCase(metricName), metricName + "Alarm", metric, thresholds[metricName], descriptions[metricName], action);
        }

        var deadLetterMetric = data.LandingEventsDeadLetterQueue.MetricApproximateNumberOfMessagesVisible(
            new MetricOptions { Statistic = Stats.MAXIMUM, Period = AlarmPeriod });
        AddAlarm(
            names,
            "landing-events-dead-letters",
            "LandingEventsDeadLettersAlarm",
            deadLetterMetric,
            1,
            "Landing events failed processing repeatedly and are waiting in the dead-letter queue.",
            action);

        Dashboard = CreateDashboard(names, settings, securityMetrics, pipelineMetrics, deadLetterMetric);
    }

    /// <summary>Encrypted topic that receives every alarm notification.</summary>
    public Topic AlarmTopic { get; }

    /// <summary>Every alarm of this stack.</summary>
    public IReadOnlyList<Alarm> Alarms => alarms;

    /// <summary>Dashboard with the metrics and alarm states.</summary>
    public Dashboard Dashboard { get; }

    private Topic CreateTopic(ResourceNames names, DeploymentSettings settings, SecurityStack security)
    {
        var topic = new Topic(this, "AlarmTopic", new TopicProps
        {
            TopicName = names.AlarmTopicName,
            DisplayName = $"{names.Qualifier} alarms",
            MasterKey = security.AuditKey,
            EnforceSSL = true,
        });

        // A topic policy replaces the default one, so CloudWatch needs an explicit grant to publish.
        topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowCloudWatchAlarmsOfThisAccount",
            Principals = [new ServicePrincipal("cloudwatch.amazonaws.com")],
            Actions = ["sns:Publish"],
            Resources = [topic.TopicArn],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID },
            },
        }));

        if (settings.AlarmEmail is { } email)
        {
            topic.AddSubscription(new EmailSubscription(email));
        }
        else
        {
            Annotations.Of(topic).AddWarning(
                $"No alarm e-mail address is set, so nobody receives alarm notifications. Set the '{ContextKeys.AlarmEmail}' context value before deploying.");
        }

        return topic;
    }

    private void AddAlarm(
        ResourceNames names,
        string shortName,
        string constructId,
        IMetric metric,
        int threshold,
        string description,
        IAlarmAction action)
    {
        var alarm = new Alarm(this, constructId, new AlarmProps
        {
            AlarmName = names.AlarmName(shortName),
            AlarmDescription = description + " See the runbook in docs/operations.md.",
            Metric = metric,
            Threshold = threshold,
            EvaluationPeriods = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            // No data means no event happened, which is the healthy state for every alarm here.
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        alarm.AddAlarmAction(action);
        alarms.Add(alarm);
    }

    private static Metric PipelineMetric(DeploymentSettings settings, string metricName) =>
        new(new MetricProps
        {
            Namespace = PipelineMetrics.Namespace,
            MetricName = metricName,
            DimensionsMap = new Dictionary<string, string> { [PipelineMetrics.EnvironmentDimension] = settings.EnvironmentName },
            Statistic = Stats.SUM,
            Period = AlarmPeriod,
        });

    private Dashboard CreateDashboard(
        ResourceNames names,
        DeploymentSettings settings,
        List<IMetric> securityMetrics,
        List<IMetric> pipelineMetrics,
        IMetric deadLetterMetric)
    {
        var informational = PipelineMetrics.Informational
            .Select(name => (IMetric)PipelineMetric(settings, name))
            .ToArray();

        return new Dashboard(this, "Dashboard", new DashboardProps
        {
            DashboardName = names.DashboardName,
            Widgets =
            [
                [new AlarmStatusWidget(new AlarmStatusWidgetProps { Title = "Alarm states", Alarms = [.. alarms], Width = 24 })],
                [
                    new GraphWidget(new GraphWidgetProps { Title = "Pipeline failures", Left = [.. pipelineMetrics], Width = 12 }),
                    new GraphWidget(new GraphWidgetProps { Title = "Skipped landing events", Left = informational, Width = 12 }),
                ],
                [
                    new GraphWidget(new GraphWidgetProps { Title = "Security events", Left = [.. securityMetrics], Width = 12 }),
                    new GraphWidget(new GraphWidgetProps { Title = "Landing-event dead letters", Left = [deadLetterMetric], Width = 12 }),
                ],
            ],
        });
    }

    private static string ToKebabCase(string pascalCase) =>
        string.Concat(pascalCase.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
