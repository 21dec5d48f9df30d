using System.Diagnostics;
using System.Globalization;
using SyntheticData.Evaluation;
using SyntheticData.Synthesis;
using SyntheticData.Synthesis.Copula;
using SyntheticData.Tabular;

namespace SyntheticData.Benchmarks.Copula;

/// <summary>
/// Times Gaussian copula fitting plus sampling on the whole Adult file, and scores the quality bar split
/// (train on rows whose index mod 5 is not 4) against sampling each column independently.
/// </summary>
public sealed class CopulaAdultScenario : IScenario
{
    public string Name => "copula-adult";

    public string Description => "Gaussian copula fit + sample of adult.csv (time) and quality on the 80 % split";

    public int Run(string[] args)
    {
        int runs = 5;
        string? path = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs" when i + 1 < args.Length:
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--data" when i + 1 < args.Length:
                    path = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"Unknown option '{args[i]}'. Options: --runs N (default 5), --data FILE (default ../shared/data/adult.csv).");
                    return 2;
            }
        }

        path ??= SharedData.Require("adult.csv");
        var load = Stopwatch.StartNew();
        Table table = TableReader.Read(path).Table;
        Console.WriteLine($"Loaded {table.RowCount} rows x {table.Columns.Count} columns in {load.ElapsedMilliseconds} ms: " +
            string.Join(", ", table.Columns.Select(c => $"{c.Name}={c.Type}")));
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}; runs = {runs}");
        Console.WriteLine();

        double association = TimeFitAndSample(table, CategoryOrdering.Association, runs);
        double frequency = TimeFitAndSample(table, CategoryOrdering.Frequency, runs);
        Console.WriteLine($"| fit + sample {table.RowCount} rows, association order (default) | {association:F0} ms median |");
        Console.WriteLine($"| fit + sample {table.RowCount} rows, frequency order (baseline) | {frequency:F0} ms median |");
        Console.WriteLine($"| ratio default / baseline | {association / frequency:F2} |");
        Console.WriteLine();

        Table training = Rows(table, Enumerable.Range(0, table.RowCount).Where(row => row % 5 != 4).ToArray());
        EvaluationMetadata metadata = EvaluationMetadata.FromTable(training);
        PrintQuality("Gaussian copula, association order", training, FitAndSample(training, CategoryOrdering.Association), metadata);
        PrintQuality("Gaussian copula, frequency order", training, FitAndSample(training, CategoryOrdering.Frequency), metadata);
        PrintQuality("independent columns (baseline)", training, IndependentColumns(training, seed: 2), metadata);
        Console.WriteLine();
        Console.WriteLine($"Peak working set of the whole run: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB");
        return 0;
    }

    private static double TimeFitAndSample(Table table, CategoryOrdering ordering, int runs)
    {
        FitAndSample(table, ordering);
        var timings = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            FitAndSample(table, ordering);
            timings.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        return timings[timings.Count / 2];
    }

    private static Table FitAndSample(Table training, CategoryOrdering ordering)
    {
        var synthesizer = new GaussianCopulaSynthesizer(new GaussianCopulaOptions { CategoryOrdering = ordering });
        synthesizer.Fit(training, new SynthesisOptions { Seed = 1 });
        return synthesizer.Sample(training.RowCount, seed: 2);
    }

    private static void PrintQuality(string label, Table real, Table synthetic, EvaluationMetadata metadata)
    {
        QualityReportResult report = QualityReport.Compute(real, synthetic, metadata);
        QualityScore strong = report.StrongPairsOnly;
        QualityScore all = report.AllPairs;
        Console.WriteLine(
            $"| {label} | overall {strong.Overall:F3} | shapes {strong.ColumnShapes:F3} | pair trends {strong.ColumnPairTrends:F3} ({strong.PairsCounted} strong pairs) | all pairs: overall {all.Overall:F3}, pair trends {all.ColumnPairTrends:F3} |");
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
            columns.Add(Rows(new Table([column]), order).Columns[0]);
        }

        return new Table(columns);
    }

    private static Table Rows(Table table, int[] rows)
    {
        var columns = new List<Column>();
        foreach (Column column in table.Columns)
        {
            columns.Add(column switch
            {
                NumericColumn numeric => new NumericColumn(column.Name, rows.Select(r => numeric.Values[r]).ToArray(), numeric.IsInteger),
                CategoricalColumn categorical => new CategoricalColumn(column.Name, rows.Select(r => categorical.Codes[r]).ToArray(), categorical.Categories, column.Type == ColumnType.Boolean),
                DateTimeColumn dateTime => new DateTimeColumn(column.Name, rows.Select(r => dateTime.SecondsSinceEpoch[r]).ToArray(), dateTime.Format),
                TextColumn text => new TextColumn(column.Name, rows.Select(r => text.Values[r]).ToArray(), column.Type),
                _ => throw new NotSupportedException($"Column class {column.GetType().Name} is not supported."),
            });
        }

        return new Table(columns);
    }
}
