namespace SyntheticData.Telemetry;

/// <summary>
/// Names of the pipeline's custom CloudWatch metrics, emitted as Embedded Metric Format log lines
/// and watched by the alarms of the CDK app's monitoring stack.
/// </summary>
/// <remarks>
/// Every EMF document that reports one of these metrics must include the dimension set that
/// contains only <see cref="EnvironmentDimension"/>, with the deployment's environment name as its
/// value. The alarms select exactly that dimension set; CloudWatch treats a metric with any other
/// combination of dimensions as a different metric, and an alarm on it would never fire.
/// All metrics are counts, so their EMF unit is <see cref="CountUnit"/>.
/// </remarks>
public static class PipelineMetrics
{
    /// <summary>CloudWatch namespace of every pipeline metric.</summary>
    public const string Namespace = "SyntheticData/Pipeline";

    /// <summary>Name of the dimension that carries the deployment's environment name.</summary>
    public const string EnvironmentDimension = "Environment";

    /// <summary>EMF unit of every pipeline metric.</summary>
    public const string CountUnit = "Count";

    /// <summary>Extracts that failed validation and were copied to the quarantine bucket.</summary>
    public const string ExtractsRejected = "ExtractsRejected";

    /// <summary>Personal values that the verification step found in an anonymized or synthetic output.</summary>
    public const string ResidualPiiFound = "ResidualPiiFound";

    /// <summary>Outputs that failed the privacy gate (k-anonymity or synthetic-data privacy thresholds).</summary>
    public const string PrivacyGateFailures = "PrivacyGateFailures";

    /// <summary>Pipeline runs that ended in the failure path.</summary>
    public const string RunsFailed = "RunsFailed";

    /// <summary>Object-created events skipped because a later event for the same key superseded them.</summary>
    public const string StaleEventsSkipped = "StaleEventsSkipped";

    /// <summary>Object-created events skipped because the object no longer existed when the event was read.</summary>
    public const string MissingObjectsSkipped = "MissingObjectsSkipped";

    /// <summary>Object-created events skipped because one of the pipeline's own roles caused them.</summary>
    public const string SelfTriggeredEventsSkipped = "SelfTriggeredEventsSkipped";

    /// <summary>Metrics that have an alarm in the monitoring stack.</summary>
    public static IReadOnlyList<string> Alarmed { get; } =
        [ExtractsRejected, ResidualPiiFound, PrivacyGateFailures, RunsFailed];

    /// <summary>Metrics that the dashboard shows without an alarm.</summary>
    public static IReadOnlyList<string> Informational { get; } =
        [StaleEventsSkipped, MissingObjectsSkipped, SelfTriggeredEventsSkipped];
}
