using Amazon.CDK.Assertions;
using SyntheticData.Infrastructure.Monitoring;
using SyntheticData.Telemetry;

namespace SyntheticData.Infrastructure.Tests;

[Collection(AppCollection.Name)]
public sealed class MonitoringStackTests(AppFixture app)
{
    private string TopicId => AppFixture.LogicalId(app.Stacks.Monitoring.AlarmTopic);

    [Fact]
    public void Topic_EncryptedWithAuditKeyAndSubscribed()
    {
        var topic = app.Templates.Resources.Single(r => r.Type == "AWS::SNS::Topic");
        Assert.Equal(AppFixture.RenderedArn(app.Stacks.Security.AuditKey), app.Templates.Render(topic.Properties["KmsMasterKeyId"], topic.Stack));
        Assert.Equal("synthdata-test-alarms", topic.Properties["TopicName"]!.GetValue<string>());

        app.Monitoring.HasResourceProperties("AWS::SNS::Subscription", new Dictionary<string, object>
        {
            ["Protocol"] = "email",
            ["Endpoint"] = AppFixture.AlarmEmail,
            ["TopicArn"] = new Dictionary<string, object> { ["Ref"] = TopicId },
        });
    }

    [Fact]
    public void Topic_WarnsWhenNoAlarmEmailIsSet()
    {
        var outputDirectory = Directory.CreateTempSubdirectory("synthdata-cdk-no-email-").FullName;
        try
        {
            var (_, stacks) = InfrastructureApp.Create(new Dictionary<string, object> { [ContextKeys.Environment] = "noemail" }, outputDirectory);

            Annotations.FromStack(stacks.Monitoring).HasWarning("*", Match.StringLikeRegexp("No alarm e-mail address is set"));
            Template.FromStack(stacks.Monitoring).ResourceCountIs("AWS::SNS::Subscription", 0);
        }
        finally
        {
            Directory.Delete(outputDirectory, recursive: true);
        }
    }

    [Fact]
    public void TopicPolicy_RequiresTlsAdmitsCloudWatch()
    {
        app.Monitoring.HasResourceProperties("AWS::SNS::TopicPolicy", new Dictionary<string, object>
        {
            ["Topics"] = new object[] { new Dictionary<string, object> { ["Ref"] = TopicId } },
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Effect"] = "Allow",
                        ["Action"] = "sns:Publish",
                        ["Principal"] = new Dictionary<string, object> { ["Service"] = "cloudwatch.amazonaws.com" },
                    }),
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Effect"] = "Deny",
                        ["Condition"] = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
                    }),
                }),
            }),
        });
    }

    [Fact]
    public void SecurityFilters_UseCisPatterns()
    {
        app.Monitoring.ResourceCountIs("AWS::Logs::MetricFilter", SecurityAlarms.All.Count);
        var filters = app.Templates.OfType("AWS::Logs::MetricFilter").ToList();

        foreach (var definition in SecurityAlarms.All)
        {
            var filter = Assert.Single(filters, f => f.Properties["MetricTransformations"]![0]!["MetricName"]!.GetValue<string>() == definition.MetricName);
            Assert.Equal(definition.FilterPattern, filter.Properties["FilterPattern"]!.GetValue<string>());
            Assert.Equal(SecurityAlarms.Namespace, filter.Properties["MetricTransformations"]![0]!["MetricNamespace"]!.GetValue<string>());
            Assert.Equal("1", filter.Properties["MetricTransformations"]![0]!["MetricValue"]!.GetValue<string>());
            Assert.Equal(
                $"${{{app.Stacks.Security.StackName}/{AppFixture.LogicalId(app.Stacks.Security.TrailLogGroup)}}}",
                app.Templates.Render(filter.Properties["LogGroupName"], filter.Stack));
        }
    }

    [Fact]
    public void SecurityAlarms_FireOnFirstEvent()
    {
        foreach (var definition in SecurityAlarms.All)
        {
            app.Monitoring.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
            {
                ["AlarmName"] = $"synthdata-test-{definition.Id}",
                ["Namespace"] = SecurityAlarms.Namespace,
                ["MetricName"] = definition.MetricName,
                ["Statistic"] = "Sum",
                ["Period"] = 300,
                ["Threshold"] = 1,
                ["EvaluationPeriods"] = 1,
                ["ComparisonOperator"] = "GreaterThanOrEqualToThreshold",
                ["TreatMissingData"] = "notBreaching",
                ["AlarmActions"] = new object[] { new Dictionary<string, object> { ["Ref"] = TopicId } },
            });
        }
    }

    [Fact]
    public void PipelineAlarms_UseSharedNamesAndThresholds()
    {
        var expectedThresholds = new Dictionary<string, int>
        {
            [PipelineMetrics.ExtractsRejected] = 1,
            [PipelineMetrics.ResidualPiiFound] = 2,
            [PipelineMetrics.PrivacyGateFailures] = 1,
            [PipelineMetrics.RunsFailed] = 1,
        };

        Assert.Equal(expectedThresholds.Keys.Order(), PipelineMetrics.Alarmed.Order());
        foreach (var (metricName, threshold) in expectedThresholds)
        {
            app.Monitoring.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
            {
                ["Namespace"] = PipelineMetrics.Namespace,
                ["MetricName"] = metricName,
                ["Dimensions"] = new object[]
                {
                    new Dictionary<string, object> { ["Name"] = PipelineMetrics.EnvironmentDimension, ["Value"] = "test" },
                },
                ["Statistic"] = "Sum",
                ["Threshold"] = threshold,
                ["TreatMissingData"] = "notBreaching",
                ["AlarmActions"] = new object[] { new Dictionary<string, object> { ["Ref"] = TopicId } },
            });
        }
    }

    [Fact]
    public void DeadLetterAlarm_WatchesLandingDeadLetterQueue()
    {
        var alarm = Assert.Single(app.Templates.OfType("AWS::CloudWatch::Alarm"), a => a.Properties["Namespace"]?.GetValue<string>() == "AWS/SQS");
        Assert.Equal("ApproximateNumberOfMessagesVisible", alarm.Properties["MetricName"]!.GetValue<string>());
        Assert.Equal(1, alarm.Properties["Threshold"]!.GetValue<int>());

        var dimension = alarm.Properties["Dimensions"]![0]!;
        Assert.Equal("QueueName", dimension["Name"]!.GetValue<string>());
        Assert.Equal(
            $"${{{app.Stacks.Data.StackName}/{AppFixture.LogicalId(app.Stacks.Data.LandingEventsDeadLetterQueue)}.QueueName}}",
            app.Templates.Render(dimension["Value"], alarm.Stack));
    }

    [Fact]
    public void Alarms_AreOnePerControl()
    {
        var expected = SecurityAlarms.All.Count + PipelineMetrics.Alarmed.Count + 1;

        app.Monitoring.ResourceCountIs("AWS::CloudWatch::Alarm", expected);
        Assert.Equal(expected, app.Stacks.Monitoring.Alarms.Count);
    }

    [Fact]
    public void Dashboard_ShowsEveryAlarmAndPipelineMetric()
    {
        var dashboard = Assert.Single(app.Templates.OfType("AWS::CloudWatch::Dashboard"));
        var body = app.Templates.Render(dashboard.Properties["DashboardBody"], dashboard.Stack);

        foreach (var alarm in app.Stacks.Monitoring.Alarms)
        {
            Assert.Contains(AppFixture.RenderedArn(alarm), body);
        }

        foreach (var metricName in PipelineMetrics.Alarmed.Concat(PipelineMetrics.Informational))
        {
            Assert.Contains($"\"{metricName}\"", body);
        }
    }
}
