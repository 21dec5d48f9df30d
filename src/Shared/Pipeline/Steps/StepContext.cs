using SyntheticData.Pipeline.Runs;
using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// What every step runs against: the object store, the metrics sink, a clock, a scratch folder for
/// local copies, and an optional progress sink. The same steps run locally and in the cloud by
/// swapping these.
/// </summary>
public sealed class StepContext
{
    public StepContext(
        IObjectStore store,
        IMetricsSink metrics,
        string scratchFolder,
        PipelineBuckets? buckets = null,
        TimeProvider? time = null,
        IProgress<StepProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentException.ThrowIfNullOrEmpty(scratchFolder);
        Store = store;
        Metrics = metrics;
        ScratchFolder = Path.GetFullPath(scratchFolder);
        Buckets = buckets ?? new PipelineBuckets();
        Time = time ?? TimeProvider.System;
        Progress = progress;

        // Steps copy raw extracts here, so other local users must not be able to open it, whatever the umask.
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(ScratchFolder);
        }
        else
        {
            Directory.CreateDirectory(ScratchFolder, OwnerOnlyFolder);
            File.SetUnixFileMode(ScratchFolder, OwnerOnlyFolder);
        }
    }

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Where objects are read and written.</summary>
    public IObjectStore Store { get; }

    /// <summary>Where figures go: the manifest locally, Embedded Metric Format lines in Lambda.</summary>
    public IMetricsSink Metrics { get; }

    /// <summary>A local folder for downloaded inputs and outputs being written.</summary>
    public string ScratchFolder { get; }

    /// <summary>The bucket names.</summary>
    public PipelineBuckets Buckets { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Receives progress of long steps; null when progress is not shown.</summary>
    public IProgress<StepProgress>? Progress { get; }

    /// <summary>Returns a fresh path inside the scratch folder with the given file name.</summary>
    public string ScratchPath(string fileName)
    {
        string folder = Path.Combine(ScratchFolder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }
}
