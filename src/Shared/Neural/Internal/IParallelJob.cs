namespace SyntheticData.Neural.Internal;

/// <summary>Work split into numbered items that <see cref="WorkerPool"/> runs on several threads.</summary>
internal interface IParallelJob
{
    /// <summary>Runs item <paramref name="item"/> on the thread with slot <paramref name="worker"/> (0 is the calling thread).</summary>
    void Execute(int item, int worker);
}
