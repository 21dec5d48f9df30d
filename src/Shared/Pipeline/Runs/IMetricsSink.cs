namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// Receives the pipeline's figures. Locally they go into the manifest; in Lambda they become
/// CloudWatch Embedded Metric Format log lines.
/// </summary>
public interface IMetricsSink
{
    /// <summary>Records one value of a named metric with its unit (for example <c>Count</c> or <c>Seconds</c>).</summary>
    void Record(string name, double value, string unit = "None");
}
