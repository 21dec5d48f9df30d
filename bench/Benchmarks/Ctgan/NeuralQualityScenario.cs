using System.Diagnostics;
using System.Globalization;
using SyntheticData.Evaluation;
using SyntheticData.Synthesis;
using SyntheticData.Tabular;

namespace SyntheticData.Benchmarks.Ctgan;

/// <summary>
/// Trains CTGAN or TVAE on the adult.csv rows whose 0-based index mod 5 is not 4 and samples as many rows.
/// It scores them against the training rows with the SDMetrics 0.27+ quality score (weak pairs left out) and
/// reports DCR baseline and overfitting protection, with the other rows as holdout. Sampling each column
/// independently is the baseline.
/// </summary>
public sealed class NeuralQualityScenario : IScenario
{
    public string Name => "neural-quality";

    public string Description => "CTGAN/TVAE quality score and DCR protection on the adult.csv 80 % split";

    public int Run(string[] args)
    {
        string kind = "ctgan";
        int epochs = 300;
        string? modelPath = null;
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
                case "--save" when i + 1 < args.Length:
                    modelPath = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"Unknown option '{args[i]}'. Options: --synthesizer ctgan|tvae, --epochs N (default 300), --save MODEL.");
                    return 2;
            }
        }

        Table table = TableReader.Read(SharedData.Require("adult.csv")).Table;
        Table training = NeuralBenchmarkData.Rows(table, Enumerable.Range(0, table.RowCount).Where(r => r % 5 != 4).ToArray());
        Table holdout = NeuralBenchmarkData.Rows(table, Enumerable.Range(0, table.RowCount).Where(r => r % 5 == 4).ToArray());
        Console.WriteLine($"{kind}: {training.RowCount} training rows, {holdout.RowCount} holdout rows, {epochs} epochs; " +
            $"{Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}; started {DateTime.UtcNow:u}");

        ISynthesizer synthesizer = NeuralBenchmarkData.Create(kind, epochs);
        var clock = Stopwatch.StartNew();
        synthesizer.Fit(
            training,
            new SynthesisOptions { Seed = 1 },
            new NeuralBenchmarkData.ImmediateProgress(report =>
            {
                if (report.Stage == "epoch" && (report.Completed % 10 == 0 || report.Completed == report.Total))
                {
                    string losses = string.Join(", ", report.Losses?.Select(p => $"{p.Key} {p.Value:F3}") ?? []);
                    Console.WriteLine($"  epoch {report.Completed}/{report.Total} at {clock.Elapsed.TotalSeconds:F0} s ({losses})");
                }
            }));

        if (modelPath is not null)
        {
            using FileStream stream = File.Create(modelPath);
            synthesizer.Save(stream);
        }

        Table synthetic = synthesizer.Sample(training.RowCount, seed: 2);
        EvaluationMetadata metadata = EvaluationMetadata.FromTable(training);
        Print($"{kind}, {epochs} epochs", training, holdout, synthetic, metadata);
        Print("independent columns (baseline)", training, holdout, IndependentColumns(training, seed: 3), metadata);
        Console.WriteLine($"Training took {clock.Elapsed.TotalSeconds:F0} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB.");
        return 0;
    }

    private static void Print(string label, Table training, Table holdout, Table synthetic, EvaluationMetadata metadata)
    {
        QualityScore score = QualityReport.Compute(training, synthetic, metadata).StrongPairsOnly;
        DcrBaselineResult baseline = DCRBaselineProtection.Compute(training, synthetic, metadata);
        DcrOverfittingResult overfitting = DCROverfittingProtection.Compute(training, synthetic, holdout, metadata);
        Console.WriteLine(
            $"| {label} | overall {score.Overall:F3} | shapes {score.ColumnShapes:F3} | pair trends {score.ColumnPairTrends:F3} | " +
            $"DCR baseline {baseline.Score:F3} | DCR overfitting {overfitting.Score:F3} |");
    }

    // Each column's rows permuted on their own: every marginal is exact and every dependence is gone.
    private static Table IndependentColumns(Table table, int seed)
    {
        var random = new Random(seed);
        var columns = new List<Column>();
        foreach (Column column in table.Columns)
        {
            int[] order = Enumerable.Range(0, table.RowCount).ToArray();
            random.Shuffle(order);
            columns.Add(NeuralBenchmarkData.Rows(new Table([column]), order).Columns[0]);
        }

        return new Table(columns);
    }
}
