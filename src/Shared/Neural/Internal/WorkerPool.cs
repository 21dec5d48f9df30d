using System.Runtime.ExceptionServices;

namespace SyntheticData.Neural.Internal;

/// <summary>
/// A fixed set of background threads that run the items of one <see cref="IParallelJob"/> at a
/// time together with the calling thread. Unlike Parallel.For it allocates nothing per call, which
/// keeps a training step free of garbage.
/// </summary>
internal sealed class WorkerPool
{
    private readonly object gate = new();
    private readonly SemaphoreSlim start = new(0);

    // A semaphore rather than ManualResetEventSlim, which allocates its lock object on the first
    // blocking wait and so would allocate during a training step.
    private readonly SemaphoreSlim done = new(0);
    private IParallelJob? job;
    private int itemCount;
    private int nextItem;
    private int activeHelpers;
    private Exception? failure;

    private WorkerPool(int helpers)
    {
        Helpers = helpers;
        for (int slot = 1; slot <= helpers; slot++)
        {
            int workerSlot = slot;
            var thread = new Thread(() => WorkerLoop(workerSlot))
            {
                IsBackground = true,
                Name = $"neural-worker-{slot}",
            };
            thread.Start();
        }
    }

    /// <summary>The pool shared by every CPU backend: one helper thread per core beyond the caller's.</summary>
    public static WorkerPool Shared { get; } = new(Math.Max(Environment.ProcessorCount - 1, 0));

    /// <summary>Number of helper threads.</summary>
    public int Helpers { get; }

    /// <summary>Runs items 0 to <paramref name="items"/> - 1 on at most <paramref name="maxThreads"/> threads and returns when all finished.</summary>
    public void Run(IParallelJob work, int items, int maxThreads)
    {
        int helpers = Math.Min(Math.Min(Helpers, maxThreads - 1), items - 1);
        if (helpers <= 0)
        {
            for (int item = 0; item < items; item++)
            {
                work.Execute(item, 0);
            }

            return;
        }

        lock (gate)
        {
            job = work;
            itemCount = items;
            nextItem = 0;
            failure = null;
            activeHelpers = helpers;
            start.Release(helpers);
            RunItems(0);
            done.Wait();
            job = null;
            if (failure is not null)
            {
                ExceptionDispatchInfo.Throw(failure);
            }
        }
    }

    private void WorkerLoop(int slot)
    {
        while (true)
        {
            start.Wait();
            RunItems(slot);
            if (Interlocked.Decrement(ref activeHelpers) == 0)
            {
                done.Release();
            }
        }
    }

    private void RunItems(int slot)
    {
        IParallelJob work = job!;
        try
        {
            int item;
            while ((item = Interlocked.Increment(ref nextItem) - 1) < itemCount)
            {
                work.Execute(item, slot);
            }
        }
        catch (Exception exception)
        {
            Interlocked.CompareExchange(ref failure, exception, null);

            // Claim the remaining items so the other threads stop early.
            Interlocked.Exchange(ref nextItem, itemCount);
        }
    }
}
