namespace SyntheticData.Infrastructure.Monitoring;

/// <summary>A metric filter on the trail's log group and the alarm on the metric it produces.</summary>
/// <param name="Id">Construct id and short alarm name, such as <c>root-account-usage</c>.</param>
/// <param name="MetricName">Name of the metric in <see cref="SecurityAlarms.Namespace"/>.</param>
/// <param name="FilterPattern">CloudWatch Logs filter pattern over CloudTrail events.</param>
/// <param name="Description">What a breach means; becomes the alarm description.</param>
public sealed record SecurityAlarm(string Id, string MetricName, string FilterPattern, string Description);
