using SyntheticData.Privacy.Anonymization;

namespace SyntheticData.Cli.Anonymization;

/// <summary>The result of one <c>anonymize</c> run, as the report records it.</summary>
internal sealed record AnonymizeOutcome
{
    /// <summary>The process exit code from <see cref="ExitCodes"/>.</summary>
    public required int ExitCode { get; init; }

    /// <summary>Why the run failed, one sentence each; empty on success. Never contains cell values.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>The anonymization counts and risk, when the data was processed.</summary>
    public AnonymizationSummary? Summary { get; init; }

    /// <summary>The residual rescan, when it ran.</summary>
    public ResidualScanResult? Rescan { get; init; }

    /// <summary>The plan, when the policy was applied to the input header.</summary>
    public AnonymizationPlan? Plan { get; init; }

    /// <summary>Input size in bytes.</summary>
    public long InputBytes { get; init; }

    /// <summary>Wall-clock duration of the run.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Time spent anonymizing (both passes when k is enforced).</summary>
    public TimeSpan AnonymizeDuration { get; init; }

    /// <summary>Time spent rescanning the output.</summary>
    public TimeSpan RescanDuration { get; init; }

    /// <summary>True when the output file was kept.</summary>
    public bool OutputWritten { get; init; }
}
