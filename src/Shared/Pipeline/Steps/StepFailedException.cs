using SyntheticData.Pipeline.Runs;
using SyntheticData.Privacy.Policies;
using SyntheticData.Tabular;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Thrown when a step cannot complete. <see cref="IsGateFailure"/> separates a failed check (the data
/// is not safe or good enough) from an error (the input or the system is broken).
/// </summary>
public sealed class StepFailedException : Exception
{
    public StepFailedException(
        string step, string message, bool isGateFailure, Exception? innerException = null, StepFailureCause? cause = null)
        : base(message, innerException)
    {
        Step = step;
        IsGateFailure = isGateFailure;
        Cause = cause ?? CauseOf(innerException);
    }

    /// <summary>What the step blames: the extract, the policy or something else.</summary>
    public StepFailureCause Cause { get; }

    /// <summary>Returns what <paramref name="exception"/> blames: its own cause, or the one its type implies.</summary>
    public static StepFailureCause CauseOf(Exception? exception) => exception switch
    {
        StepFailedException failed => failed.Cause,
        PolicyException or Keys.KeyStoreException => StepFailureCause.InvalidPolicy,
        DataFormatException => StepFailureCause.InvalidInput,
        _ => StepFailureCause.Other,
    };

    /// <summary>The step that failed.</summary>
    public string Step { get; }

    /// <summary>True when a gate failed rather than the step raising an error.</summary>
    public bool IsGateFailure { get; }
}
