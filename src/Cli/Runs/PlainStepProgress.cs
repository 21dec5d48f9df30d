using SyntheticData.Pipeline.Steps;

namespace SyntheticData.Cli.Runs;

/// <summary>
/// Writes one line when each step starts and ends, for logs and terminals without cursor control.
/// </summary>
internal sealed class PlainStepProgress(TextWriter output) : IProgress<StepProgress>
{
    public void Report(StepProgress value)
    {
        if (value.Unit != "step")
        {
            return;
        }

        string state = value.Completed < value.Total ? "started" : value.Detail ?? "done";
        output.WriteLine($"{value.Step}: {state}");
    }
}
