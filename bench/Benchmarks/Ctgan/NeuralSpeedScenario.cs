using System.Diagnostics;
using System.Globalization;
using SyntheticData.Synthesis;
using SyntheticData.Tabular;

namespace SyntheticData.Benchmarks.Ctgan;

/// <summary>
/// Times the data transformer fit and the training epochs of CTGAN or TVAE on adult.csv, optionally resampled
/// to another row count or widened by a 1,000-category column, and reports the peak working set.
/// </summary>
public sealed class NeuralSpeedScenario : IScenario
{
    public string Name => "neural-speed";

    public string Description => "CTGAN/TVAE transformer fit time, seconds per epoch and peak memory on adult.csv";

    public int Run(string[] args)
    {
        string kind = "ctgan";
        int epochs = 3;
        int? rows = null;
        bool wide = false;
        string? path = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--synthesizer" when i + 1 < args.Length:
                    kind = args[++i];
                    break;
                case "--epochs" when i + 1 < args.Length:
                    epochs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--rows" when i + 1 < args.Length:
                    rows = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--wide":
                    wide = true;
                    break;
                case "--data" when i + 1 < args.Length:
                    path = args[++i];
                    break;
                default:
                    Console.Error.WriteLine(
                        $"Unknown option '{args[i]}'. Options: --synthesizer ctgan|tvae, --epochs N (default 3), --rows N (resample adult.csv), --wide (add a 1,000-category column), --data FILE.");
                    return 2;
            }
        }

        Table table = TableReader.Read(path ?? SharedData.Require("adult.csv")).Table;
        if (rows is int count)
        {
            // Rows drawn with replacement (seed 1), so the value distributions stay those of adult.csv.
            var random = new Random(1);
            table = NeuralBenchmarkData.Rows(table, Enumerable.Range(0, count).Select(_ => random.Next(table.RowCount)).ToArray());
        }

        if (wide)
        {
            table = WithWideColumn(table);
        }

        Console.WriteLine($"{kind}: {table.RowCount} rows x {table.Columns.Count} columns, {epochs} epochs; " +
            $"{Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}");

        ISynthesizer synthesizer = NeuralBenchmarkData.Create(kind, epochs);
        var clock = Stopwatch.StartNew();
        double transformSeconds = 0;
        var epochSeconds = new List<double>();
        synthesizer.Fit(
            table,
            new SynthesisOptions { Seed = 1 },
            new NeuralBenchmarkData.ImmediateProgress(report =>
            {
                if (report.Stage == "transform" && report.Completed == report.Total)
                {
                    transformSeconds = clock.Elapsed.TotalSeconds;
                    clock.Restart();
                }
                else if (report.Stage == "epoch")
                {
                    epochSeconds.Add(clock.Elapsed.TotalSeconds);
                    Console.WriteLine($"  epoch {report.Completed}: {clock.Elapsed.TotalSeconds:F2} s");
                    clock.Restart();
                }
            }));

        // The first epoch includes JIT compilation and arena growth, so the steady state is the mean of the rest.
        double steady = epochSeconds.Count > 1 ? epochSeconds.Skip(1).Average() : epochSeconds[0];
        double peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.WriteLine($"| {kind} | {table.RowCount} rows{(wide ? " + 1,000-category column" : string.Empty)} | transformer fit {transformSeconds:F2} s | " +
            $"{steady:F2} s per epoch (first {epochSeconds[0]:F2} s) | peak working set {peak:F0} MiB |");
        return 0;
    }

    private static Table WithWideColumn(Table table)
    {
        var random = new Random(2);
        string[] labels = Enumerable.Range(0, 1000).Select(i => string.Create(CultureInfo.InvariantCulture, $"merchant-{i:D4}")).ToArray();
        int[] codes = Enumerable.Range(0, table.RowCount).Select(_ => random.Next(labels.Length)).ToArray();
        return new Table([.. table.Columns, new CategoricalColumn("merchant", codes, labels)]);
    }
}
