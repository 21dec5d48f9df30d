namespace SyntheticData.Pipeline.Runs;

/// <summary>A run that was cancelled: nothing was published, and its manifest records where it stopped.</summary>
public sealed class RunCancelledException : OperationCanceledException
{
    /// <summary>Creates the exception for a run whose manifest was written to <paramref name="manifestPath"/>.</summary>
    public RunCancelledException(string manifestPath, OperationCanceledException cancellation)
        : base("The run was cancelled; nothing was published.", cancellation, cancellation.CancellationToken)
    {
        ManifestPath = manifestPath;
    }

    /// <summary>The path of the cancelled run's manifest.</summary>
    public string ManifestPath { get; }
}
