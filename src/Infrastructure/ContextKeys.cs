namespace SyntheticData.Infrastructure;

/// <summary>CDK context keys that <see cref="DeploymentSettings.FromContext"/> reads.</summary>
public static class ContextKeys
{
    /// <summary>Resource name prefix; default <c>synthdata</c>.</summary>
    public const string NamePrefix = "namePrefix";

    /// <summary>Environment name; default <c>dev</c>.</summary>
    public const string Environment = "environment";

    /// <summary>Raw extract retention in days; default 30.</summary>
    public const string RawRetentionDays = "rawRetentionDays";

    /// <summary>Non-current object version retention in days; default 30.</summary>
    public const string NoncurrentVersionRetentionDays = "noncurrentVersionRetentionDays";

    /// <summary>Trail log file retention and object-lock period in days; default 365.</summary>
    public const string TrailRetentionDays = "trailRetentionDays";

    /// <summary>Trail log group retention in days; default 365.</summary>
    public const string TrailLogGroupRetentionDays = "trailLogGroupRetentionDays";

    /// <summary>Alarm e-mail address; default none.</summary>
    public const string AlarmEmail = "alarmEmail";

    /// <summary>Rejected-extracts alarm threshold per five minutes; default 1.</summary>
    public const string RejectedExtractsThreshold = "rejectedExtractsThreshold";

    /// <summary>Residual-PII alarm threshold per five minutes; default 1.</summary>
    public const string ResidualPiiThreshold = "residualPiiThreshold";

    /// <summary>Privacy-gate-failures alarm threshold per five minutes; default 1.</summary>
    public const string PrivacyGateFailuresThreshold = "privacyGateFailuresThreshold";

    /// <summary>Failed-runs alarm threshold per five minutes; default 1.</summary>
    public const string FailedRunsThreshold = "failedRunsThreshold";

    /// <summary>Timeout of the queue's consumer in seconds; default 60.</summary>
    public const string IngestTimeoutSeconds = "ingestTimeoutSeconds";

    /// <summary>Account id for environment-specific stacks; default none.</summary>
    public const string Account = "account";

    /// <summary>Region for environment-specific stacks; default none.</summary>
    public const string Region = "region";
}
