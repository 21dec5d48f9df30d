using System.Diagnostics;

namespace SyntheticData.Benchmarks.Neural;

/// <summary>
/// Milliseconds per CTGAN-shaped training step (a critic step with gradient penalty and a
/// generator step, batch 500, pac 10) and bytes allocated per step in steady state.
/// </summary>
public sealed class NeuralStepScenario : IScenario
{
    // adult.csv's transformed layout, an estimate: 6 continuous columns with up to 10 modes each and
    // the category counts of its 9 discrete columns.
    private static readonly int[] ContinuousModes = [10, 10, 10, 10, 10, 10];
    private static readonly int[] CategoryCounts = [9, 16, 7, 15, 6, 5, 2, 42, 2];

    /// <inheritdoc/>
    public string Name => "neural-step";

    /// <inheritdoc/>
    public string Description => "ms per CTGAN-shaped generator + critic step with gradient penalty (batch 500, pac 10)";

    /// <inheritdoc/>
    public int Run(string[] args)
    {
        int threads = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        int steps = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 65;
        var networks = new CtganShapedNetworks(500, ContinuousModes, CategoryCounts, threads, seed: 1);
        Console.WriteLine($"neural-step: batch 500, data width {networks.DataWidth}, condition width {networks.ConditionWidth}, {threads} thread(s)");

        // Warm up: the first steps size the arena and let the JIT optimise the kernels.
        for (int i = 0; i < 5; i++)
        {
            networks.Step();
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var samples = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            long start = Stopwatch.GetTimestamp();
            networks.Step();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        double total = samples.Sum();
        Array.Sort(samples);
        Console.WriteLine($"steps: {steps}, total {total / 1000:F2} s (one adult.csv epoch is 65 steps)");
        Console.WriteLine($"ms per step: median {samples[steps / 2]:F1}, min {samples[0]:F1}, max {samples[^1]:F1}");
        Console.WriteLine($"process CPU time per step: {cpuSeconds * 1000 / steps:F1} ms (all threads; compare with wall time when the machine is busy)");
        Console.WriteLine($"allocated per step: {allocated / (double)steps:F0} bytes");
        Console.WriteLine($"last losses: critic {networks.LastCriticLoss:F4}, generator {networks.LastGeneratorLoss:F4}");
        return 0;
    }
}
