using System.Diagnostics;
using System.Globalization;
using SyntheticData.Evaluation;
using SyntheticData.Tabular;

namespace SyntheticData.Benchmarks.Evaluation;

/// <summary>
/// Times the quality report and the DCR metrics on adult.csv: the quality report on all 32,561 rows against the same
/// rows shuffled and against an independent-columns sample, and DCROverfittingProtection of a synthetic sample
/// against the 26,049 training rows and the 6,512-row holdout (row index mod 5 = 4). Baselines from the same run:
/// reading the file for the quality report, and a plain scalar single-threaded DCR loop for the DCR kernel.
/// </summary>
public sealed class EvaluationAdultScenario : IScenario
{
    private const int ScalarBaselineRows = 500;

    public string Name => "evaluation-adult";

    public string Description => "quality report and DCR (6,512-row holdout) on adult.csv, with same-run baselines";

    public int Run(string[] args)
    {
        int runs = 3;
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
                    Console.Error.WriteLine($"Unknown option '{args[i]}'. Options: --runs N (default 3), --data FILE (default ../shared/data/adult.csv).");
                    return 2;
            }
        }

        path ??= SharedData.Require("adult.csv");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}; runs = {runs}");

        Table table = null!;
        double read = Median(runs, () => table = TableReader.Read(path).Table);
        EvaluationMetadata metadata = EvaluationMetadata.FromTable(table);
        Table shuffled = SelectRows(table, Shuffled(table.RowCount, seed: 1));
        Table independent = IndependentColumns(table, seed: 2);
        QualityReportResult selfReport = null!;
        QualityReportResult sampleReport = null!;
        double qualitySelf = Median(runs, () => selfReport = QualityReport.Compute(table, shuffled, metadata));
        double qualitySample = Median(runs, () => sampleReport = QualityReport.Compute(table, independent, metadata));

        Console.WriteLine();
        Console.WriteLine("| measurement | median ms | ratio to baseline |");
        Console.WriteLine("| --- | ---: | ---: |");
        Console.WriteLine($"| read adult.csv into a Table (baseline) | {read:F0} | 1.00 |");
        Console.WriteLine($"| quality report, {table.RowCount} rows vs the same rows shuffled | {qualitySelf:F0} | {qualitySelf / read:F2} |");
        Console.WriteLine($"| quality report, {table.RowCount} rows vs independent-columns sample | {qualitySample:F0} | {qualitySample / read:F2} |");

        int[] trainingRows = Enumerable.Range(0, table.RowCount).Where(row => row % 5 != 4).ToArray();
        int[] holdoutRows = Enumerable.Range(0, table.RowCount).Where(row => row % 5 == 4).ToArray();
        Table training = SelectRows(table, trainingRows);
        Table holdout = SelectRows(table, holdoutRows);
        Table synthetic = IndependentColumns(training, seed: 3);
        DcrOverfittingResult sampled = null!;
        DcrOverfittingResult full = null!;
        double dcrSampled = Median(runs, () => sampled = DCROverfittingProtection.Compute(training, synthetic, holdout, metadata));
        double dcrFull = Median(1, () => full = DCROverfittingProtection.Compute(training, synthetic, holdout, metadata, new PrivacyOptions { MaxSyntheticRows = null }));

        Table few = SelectRows(synthetic, Enumerable.Range(0, ScalarBaselineRows).ToArray());
        double kernel = Median(runs, () => DistanceToClosestRecord.Compute(few, training, metadata));
        double scalar = Median(1, () => ScalarDcr(few, training, metadata));
        double baselinePerRow = scalar / ScalarBaselineRows;

        Console.WriteLine($"| DCR scalar loop, {ScalarBaselineRows} synthetic rows x {training.RowCount} training rows (baseline) | {scalar:F0} | 1.00 |");
        Console.WriteLine($"| DCR kernel, same {ScalarBaselineRows} rows | {kernel:F0} | {kernel / scalar:F3} |");
        Console.WriteLine($"| DCROverfittingProtection, {sampled.SyntheticRowsScored} sampled synthetic rows vs {training.RowCount} training + {holdout.RowCount} holdout rows | {dcrSampled:F0} | {dcrSampled / (baselinePerRow * sampled.SyntheticRowsScored * (training.RowCount + holdout.RowCount) / training.RowCount):F3} |");
        Console.WriteLine($"| DCROverfittingProtection, all {full.SyntheticRowsScored} synthetic rows | {dcrFull:F0} | {dcrFull / (baselinePerRow * full.SyntheticRowsScored * (training.RowCount + holdout.RowCount) / training.RowCount):F3} |");
        Console.WriteLine();
        Console.WriteLine($"Scores: quality vs shuffled self {selfReport.StrongPairsOnly.Overall:F4} (all pairs {selfReport.AllPairs.Overall:F4}); " +
            $"vs independent columns {sampleReport.StrongPairsOnly.Overall:F4} (all pairs {sampleReport.AllPairs.Overall:F4}); " +
            $"DCROverfittingProtection sampled {sampled.Score:F4}, full {full.Score:F4}.");
        Console.WriteLine("DCR ratios for the full runs compare with the scalar loop's per-row time scaled to the same number of row pairs.");
        return 0;
    }

    /// <summary>A plain per-pair implementation of the DCR definition, single-threaded, as the speed baseline.</summary>
    private static double[] ScalarDcr(Table target, Table reference, EvaluationMetadata metadata)
    {
        IReadOnlyList<ColumnMetadata> columns = metadata.ModelableColumns;
        MetricColumn[] t = columns.Select(c => MetricColumn.From(target[c.Name], c)).ToArray();
        MetricColumn[] r = columns.Select(c => MetricColumn.From(reference[c.Name], c)).ToArray();
        double[] ranges = r.Select(c => c.Numbers is { } n ? n.Where(v => !double.IsNaN(v)).Max() - n.Where(v => !double.IsNaN(v)).Min() : 0).ToArray();
        var result = new double[target.RowCount];
        for (int i = 0; i < target.RowCount; i++)
        {
            double best = double.PositiveInfinity;
            for (int k = 0; k < reference.RowCount; k++)
            {
                double sum = 0;
                for (int j = 0; j < t.Length; j++)
                {
                    if (t[j].Numbers is { } numbers)
                    {
                        double a = numbers[i];
                        double b = r[j].Numbers![k];
                        sum += double.IsNaN(a) || double.IsNaN(b) ? (double.IsNaN(a) && double.IsNaN(b) ? 0 : 1)
                            : ranges[j] == 0 ? (a == b ? 0 : 1)
                            : Math.Min(Math.Abs(a - b) / ranges[j], 1);
                    }
                    else
                    {
                        sum += t[j].Labels![i] == r[j].Labels![k] ? 0 : 1;
                    }
                }

                best = Math.Min(best, sum / t.Length);
            }

            result[i] = best;
        }

        return result;
    }

    private static double Median(int runs, Action action)
    {
        var times = new double[runs];
        for (int run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[run] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[runs / 2];
    }

    private static int[] Shuffled(int rows, int seed)
    {
        int[] order = Enumerable.Range(0, rows).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }

    /// <summary>Returns a table whose every column is shuffled on its own: the marginals stay, the joint structure goes.</summary>
    private static Table IndependentColumns(Table table, int seed)
    {
        var random = new Random(seed);
        var columns = new List<Column>();
        foreach (Column column in table.Columns)
        {
            int[] order = Enumerable.Range(0, table.RowCount).ToArray();
            random.Shuffle(order);
            columns.Add(SelectRows(new Table([column]), order).Columns[0]);
        }

        return new Table(columns);
    }

    private static Table SelectRows(Table table, int[] rows) =>
        new(table.Columns.Select(column => column switch
        {
            NumericColumn numeric => (Column)new NumericColumn(numeric.Name, rows.Select(r => numeric.Values[r]).ToArray(), numeric.IsInteger),
            CategoricalColumn categorical => new CategoricalColumn(categorical.Name, rows.Select(r => categorical.Codes[r]).ToArray(), categorical.Categories, categorical.Type == ColumnType.Boolean),
            DateTimeColumn dateTime => new DateTimeColumn(dateTime.Name, rows.Select(r => dateTime.SecondsSinceEpoch[r]).ToArray(), dateTime.Format),
            TextColumn text => new TextColumn(text.Name, rows.Select(r => text.Values[r]).ToArray(), text.Type),
            _ => throw new InvalidOperationException($"Column '{column.Name}' has an unsupported column class."),
        }).ToArray());
}
