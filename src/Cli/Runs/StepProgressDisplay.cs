using Spectre.Console;
using SyntheticData.Pipeline.Steps;

namespace SyntheticData.Cli.Runs;

/// <summary>
/// Shows one progress bar per pipeline step on a Spectre.Console progress display. Updates arrive on
/// the thread doing the work and only set task values, which Spectre renders on its own timer.
/// </summary>
internal sealed class StepProgressDisplay(ProgressContext context) : IProgress<StepProgress>
{
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public void Report(StepProgress value)
    {
        lock (_gate)
        {
            if (!_tasks.TryGetValue(value.Step, out ProgressTask? task))
            {
                task = context.AddTask(Markup.Escape(value.Step), maxValue: 1);
                _tasks[value.Step] = task;
            }

            if (value.Unit == "step")
            {
                if (value.Completed >= value.Total)
                {
                    task.Value = task.MaxValue;
                    if (value.Detail is not null)
                    {
                        task.Description = Markup.Escape($"{value.Step} ({value.Detail})");
                    }

                    task.StopTask();
                }

                return;
            }

            if (value.Total > 0)
            {
                task.MaxValue = value.Total;
                task.Value = Math.Min(value.Completed, value.Total);
            }

            string label = value.Detail is null ? value.Step : $"{value.Step} ({value.Detail})";
            task.Description = Markup.Escape(label);
        }
    }
}
