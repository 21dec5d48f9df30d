using System.Diagnostics;
using System.Globalization;
using SyntheticData.Synthesis;
using SyntheticData.Synthesis.Copula;
using SyntheticData.Tabular;

namespace SyntheticData.Benchmarks.Copula;

/// <summary>
/// Fits the Gaussian copula to a table with a unique key column (customer_ref C000001...), a 3-way plan
/// and a lognormal spend, at growing row counts, and prints the model width, time and peak memory.
/// </summary>
public sealed class CopulaUniqueKeysScenario : IScenario
{
    public string Name => "copula-unique-keys";

    public string Description => "Gaussian copula on a unique-key table at 5k-200k rows: width, time, peak memory";

    public int Run(string[] args)
    {
        int[] rowCounts = args.Length > 0
            ? args.Select(arg => int.Parse(arg, CultureInfo.InvariantCulture)).ToArray()
            : [5_000, 50_000, 200_000];
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}");
        Console.WriteLine("| rows | copula dimensions | fit + sample ms | model bytes | peak working set MiB |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (int rows in rowCounts)
        {
            Table table = Build(rows, seed: 5);
            var stopwatch = Stopwatch.StartNew();
            var synthesizer = new GaussianCopulaSynthesizer();
            synthesizer.Fit(table, new SynthesisOptions { Seed = 1 });
            Table sample = synthesizer.Sample(rows, seed: 2);
            double elapsed = stopwatch.Elapsed.TotalMilliseconds;
            using var model = new MemoryStream();
            synthesizer.Save(model);
            long peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine($"| {rows:N0} | {synthesizer.Dimensions} | {elapsed:F0} | {model.Length:N0} | {peak / (1024.0 * 1024.0):F0} |");
            GC.KeepAlive(sample);
        }

        Console.WriteLine("Peak working set is the process maximum so far, so each line includes the lines above it.");
        return 0;
    }

    private static Table Build(int rows, int seed)
    {
        var random = new Random(seed);
        string[] plans = ["basic", "plus", "pro"];
        int[] planCodes = new int[rows];
        int[] keyCodes = new int[rows];
        string[] keys = new string[rows];
        double[] spend = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            keys[i] = "C" + (i + 1).ToString("D6", CultureInfo.InvariantCulture);
            keyCodes[i] = i;
            planCodes[i] = random.NextDouble() switch { < 0.6 => 0, < 0.9 => 1, _ => 2 };
            double normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            spend[i] = Math.Round(Math.Exp(4 + (0.6 * normal)), 2);
        }

        return new Table(
        [
            new CategoricalColumn("customer_ref", keyCodes, keys),
            new CategoricalColumn("plan", planCodes, plans),
            new NumericColumn("spend", spend, isInteger: false),
        ]);
    }
}
