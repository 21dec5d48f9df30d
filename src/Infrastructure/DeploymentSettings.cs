using System.Globalization;
using System.Text.RegularExpressions;

namespace SyntheticData.Infrastructure;

/// <summary>
/// Deployment-wide values read from CDK context (<c>cdk.json</c> or <c>cdk synth -c key=value</c>),
/// validated once; <see cref="ContextKeys"/> lists the keys and their defaults.
/// </summary>
public sealed partial record DeploymentSettings
{
    /// <summary>Prefix of every resource name; lower-case letters, digits and hyphens.</summary>
    public string NamePrefix { get; init; } = "synthdata";

    /// <summary>Environment name such as <c>dev</c> or <c>prod</c>; part of every resource name and the metric dimension.</summary>
    public string EnvironmentName { get; init; } = "dev";

    /// <summary>Days after which raw extracts in the landing and quarantine buckets expire.</summary>
    public int RawRetentionDays { get; init; } = 30;

    /// <summary>Days after which a non-current object version in a data bucket expires.</summary>
    public int NoncurrentVersionRetentionDays { get; init; } = 30;

    /// <summary>Days that CloudTrail log files stay in the trail bucket under an object lock.</summary>
    /// <remarks>PCI DSS 3.2.1 requirement 10.7 requires at least one year of audit history.</remarks>
    public int TrailRetentionDays { get; init; } = 365;

    /// <summary>Days that the trail's CloudWatch Logs group keeps events; one of the values CloudWatch Logs accepts.</summary>
    /// <remarks>PCI DSS 3.2.1 requirement 10.7 requires three months immediately available for analysis.</remarks>
    public int TrailLogGroupRetentionDays { get; init; } = 365;

    /// <summary>Address that receives alarm notifications; null leaves the topic without a subscription.</summary>
    public string? AlarmEmail { get; init; }

    /// <summary>Rejected extracts within five minutes that raise the alarm.</summary>
    public int RejectedExtractsThreshold { get; init; } = 1;

    /// <summary>Residual personal values found within five minutes that raise the alarm.</summary>
    public int ResidualPiiThreshold { get; init; } = 1;

    /// <summary>Privacy-gate failures within five minutes that raise the alarm.</summary>
    public int PrivacyGateFailuresThreshold { get; init; } = 1;

    /// <summary>Failed pipeline runs within five minutes that raise the alarm.</summary>
    public int FailedRunsThreshold { get; init; } = 1;

    /// <summary>Timeout in seconds of the function that will consume the landing-event queue.</summary>
    /// <remarks>The queue's visibility timeout is six times this value, as the Lambda developer guide recommends for SQS event sources.</remarks>
    public int IngestTimeoutSeconds { get; init; } = 60;

    /// <summary>AWS account id to pin the stacks to; null synthesizes environment-agnostic stacks.</summary>
    public string? Account { get; init; }

    /// <summary>AWS region to pin the stacks to; null synthesizes environment-agnostic stacks.</summary>
    public string? Region { get; init; }

    /// <summary>Visibility timeout of the landing-event queue in seconds.</summary>
    public int QueueVisibilityTimeoutSeconds => IngestTimeoutSeconds * 6;

    /// <summary>
    /// Reads the settings from context values, using the default for each missing key.
    /// </summary>
    /// <param name="tryGetContext">Returns the context value for a key, or null when it is not set.</param>
    /// <exception cref="ArgumentException">One or more values are invalid; the message lists each of them.</exception>
    public static DeploymentSettings FromContext(Func<string, object?> tryGetContext)
    {
        ArgumentNullException.ThrowIfNull(tryGetContext);
        var errors = new List<string>();
        var defaults = new DeploymentSettings();

        var settings = new DeploymentSettings
        {
            NamePrefix = ReadString(tryGetContext, ContextKeys.NamePrefix, errors) ?? defaults.NamePrefix,
            EnvironmentName = ReadString(tryGetContext, ContextKeys.Environment, errors) ?? defaults.EnvironmentName,
            RawRetentionDays = ReadInt(tryGetContext, ContextKeys.RawRetentionDays, errors) ?? defaults.RawRetentionDays,
            NoncurrentVersionRetentionDays = ReadInt(tryGetContext, ContextKeys.NoncurrentVersionRetentionDays, errors) ?? defaults.NoncurrentVersionRetentionDays,
            TrailRetentionDays = ReadInt(tryGetContext, ContextKeys.TrailRetentionDays, errors) ?? defaults.TrailRetentionDays,
            TrailLogGroupRetentionDays = ReadInt(tryGetContext, ContextKeys.TrailLogGroupRetentionDays, errors) ?? defaults.TrailLogGroupRetentionDays,
            AlarmEmail = EmptyToNull(ReadString(tryGetContext, ContextKeys.AlarmEmail, errors)),
            RejectedExtractsThreshold = ReadInt(tryGetContext, ContextKeys.RejectedExtractsThreshold, errors) ?? defaults.RejectedExtractsThreshold,
            ResidualPiiThreshold = ReadInt(tryGetContext, ContextKeys.ResidualPiiThreshold, errors) ?? defaults.ResidualPiiThreshold,
            PrivacyGateFailuresThreshold = ReadInt(tryGetContext, ContextKeys.PrivacyGateFailuresThreshold, errors) ?? defaults.PrivacyGateFailuresThreshold,
            FailedRunsThreshold = ReadInt(tryGetContext, ContextKeys.FailedRunsThreshold, errors) ?? defaults.FailedRunsThreshold,
            IngestTimeoutSeconds = ReadInt(tryGetContext, ContextKeys.IngestTimeoutSeconds, errors) ?? defaults.IngestTimeoutSeconds,
            Account = EmptyToNull(ReadString(tryGetContext, ContextKeys.Account, errors)),
            Region = EmptyToNull(ReadString(tryGetContext, ContextKeys.Region, errors)),
        };

        errors.AddRange(settings.Validate());
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                "Invalid CDK context: " + string.Join(" ", errors),
                nameof(tryGetContext));
        }

        return settings;
    }

    /// <summary>Checks every value and returns one message per invalid value; empty when all are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();

        if (!NamePattern().IsMatch(NamePrefix))
        {
            errors.Add($"'{ContextKeys.NamePrefix}' must be 1-12 lower-case letters, digits or hyphens starting with a letter, but was '{NamePrefix}'.");
        }

        if (!NamePattern().IsMatch(EnvironmentName) || EnvironmentName.Length > 8)
        {
            errors.Add($"'{ContextKeys.Environment}' must be 1-8 lower-case letters, digits or hyphens starting with a letter, but was '{EnvironmentName}'.");
        }

        RequireRange(errors, ContextKeys.RawRetentionDays, RawRetentionDays, 1, 3650);
        RequireRange(errors, ContextKeys.NoncurrentVersionRetentionDays, NoncurrentVersionRetentionDays, 1, 3650);
        RequireRange(errors, ContextKeys.TrailRetentionDays, TrailRetentionDays, 1, 3650);
        if (!LogRetention.IsAccepted(TrailLogGroupRetentionDays))
        {
            errors.Add($"'{ContextKeys.TrailLogGroupRetentionDays}' must be one of {string.Join(", ", LogRetention.AcceptedDays)}, but was {TrailLogGroupRetentionDays}.");
        }

        RequireRange(errors, ContextKeys.RejectedExtractsThreshold, RejectedExtractsThreshold, 1, 1_000_000);
        RequireRange(errors, ContextKeys.ResidualPiiThreshold, ResidualPiiThreshold, 1, 1_000_000);
        RequireRange(errors, ContextKeys.PrivacyGateFailuresThreshold, PrivacyGateFailuresThreshold, 1, 1_000_000);
        RequireRange(errors, ContextKeys.FailedRunsThreshold, FailedRunsThreshold, 1, 1_000_000);

        // Lambda allows at most 900 s, and SQS at most 12 hours of visibility timeout (six times 900 s fits).
        RequireRange(errors, ContextKeys.IngestTimeoutSeconds, IngestTimeoutSeconds, 1, 900);

        if (AlarmEmail is not null && !EmailPattern().IsMatch(AlarmEmail))
        {
            errors.Add($"'{ContextKeys.AlarmEmail}' is not a valid e-mail address.");
        }

        if ((Account is null) != (Region is null))
        {
            errors.Add($"Set both '{ContextKeys.Account}' and '{ContextKeys.Region}', or neither for environment-agnostic stacks.");
        }

        if (Account is not null && !AccountPattern().IsMatch(Account))
        {
            errors.Add($"'{ContextKeys.Account}' must be a 12-digit AWS account id, but was '{Account}'.");
        }

        if (Region is not null && !RegionPattern().IsMatch(Region))
        {
            errors.Add($"'{ContextKeys.Region}' must be an AWS region name such as eu-west-1, but was '{Region}'.");
        }

        // Bucket names are <prefix>-<environment>-<purpose>-<account>-<region> and S3 allows 63 characters.
        var longestBucketName = $"{NamePrefix}-{EnvironmentName}-{ResourceNames.AuditAccessLogsPurpose}-123456789012-{Region ?? LongestRegionName}".Length;
        if (longestBucketName > MaxBucketNameLength)
        {
            errors.Add($"'{ContextKeys.NamePrefix}' and '{ContextKeys.Environment}' are too long together: the longest bucket name would have {longestBucketName} characters, but S3 allows {MaxBucketNameLength}.");
        }

        return errors;
    }

    // S3's limit on bucket names. Environment-agnostic stacks assume a 14-character region name
    // such as ap-southeast-2, as long as the longest region names in use.
    private const int MaxBucketNameLength = 63;
    private const string LongestRegionName = "ap-southeast-2";

    private static void RequireRange(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"'{key}' must be between {min} and {max}, but was {value}.");
        }
    }

    private static string? ReadString(Func<string, object?> tryGetContext, string key, List<string> errors)
    {
        var value = tryGetContext(key);
        switch (value)
        {
            case null:
                return null;
            case string text:
                return text.Trim();
            default:
                errors.Add($"'{key}' must be a string.");
                return null;
        }
    }

    private static int? ReadInt(Func<string, object?> tryGetContext, string key, List<string> errors)
    {
        var value = tryGetContext(key);
        switch (value)
        {
            case null:
                return null;
            case int number:
                return number;
            case long number when number is >= int.MinValue and <= int.MaxValue:
                return (int)number;
            case double number when number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue:
                return (int)number;
            // Values given with `cdk synth -c key=value` arrive as strings.
            case string text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                errors.Add($"'{key}' must be a whole number, but was '{value}'.");
                return null;
        }
    }

    private static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,11}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$")]
    private static partial Regex RegionPattern();
}
