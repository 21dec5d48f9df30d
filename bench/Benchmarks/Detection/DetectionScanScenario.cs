using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SyntheticData.Privacy.Detection;
using SyntheticData.Tabular;

namespace SyntheticData.Benchmarks.Detection;

/// <summary>
/// Measures <see cref="TextScanner"/> on single long cells of growing size (time per MiB must stay flat, and
/// below a budget), on many short cells, on token-shaped cells against the old scan, and <see cref="ColumnClassifier"/>
/// on the card-transaction sample.
/// The baseline, run on the same inputs, is one compiled .NET regular expression for e-mail addresses and
/// 13-19 digit runs, without any validation.
/// </summary>
public sealed partial class DetectionScanScenario : IScenario
{
    private const int Seed = 20_261_204;
    private const int MeasuredCharacters = 8 * 1024 * 1024;
    private const string Filler = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ";

    public string Name => "detection-scan";

    public string Description => "TextScanner ms per MiB on 64 KiB-4 MiB cells, short cells, us per token cell against the old scan, ColumnClassifier rows/s (--repeat 3, --budget-ms-per-mib 100, --token-cells 50000, --token-cells-only)";

    public int Run(string[] args)
    {
        int repeat = ReadOption(args, "--repeat", 3);
        int budget = ReadOption(args, "--budget-ms-per-mib", 100);
        int tokenCells = ReadOption(args, "--token-cells", 50_000);
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, "
            + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
        Console.WriteLine($"times are CPU time of this process, the best of {repeat} repeats; seed {Seed}");
        Console.WriteLine();

        var scanner = new TextScanner();
        if (args.Contains("--token-cells-only"))
        {
            MeasureTokenCells(scanner, repeat, tokenCells);
            return 0;
        }

        bool withinBudget = true;
        Console.WriteLine("| input | size | TextScanner ms/MiB | regex baseline ms/MiB | ratio | spans |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (int kibibytes in new[] { 64, 256, 1024, 4096 })
        {
            string text = LongCell(kibibytes * 1024, digitHeavy: false);
            withinBudget &= MeasureCell("prose with an e-mail and a card every 4 KiB", text, scanner, repeat) <= budget;
        }

        foreach (int kibibytes in new[] { 64, 1024 })
        {
            string text = LongCell(kibibytes * 1024, digitHeavy: true);
            MeasureCell("numbers and dates only (worst case)", text, scanner, repeat);
        }

        Console.WriteLine();
        MeasureShortCells(scanner, repeat);
        Console.WriteLine();
        MeasureTokenCells(scanner, repeat, tokenCells);
        Console.WriteLine();
        MeasureClassifier(repeat);
        Console.WriteLine();
        Console.WriteLine(withinBudget
            ? $"prose cells stay within the budget of {budget} ms per MiB"
            : $"FAILED: a prose cell exceeded the budget of {budget} ms per MiB");
        return withinBudget ? 0 : 1;
    }

    private static double MeasureCell(string label, string text, TextScanner scanner, int repeat)
    {
        // Small cells are scanned several times per measurement, because process CPU time ticks in steps of about 10 ms.
        int passes = Math.Max(1, MeasuredCharacters / text.Length);
        double mebibytes = (double)text.Length * passes / (1024.0 * 1024.0);
        int spans = scanner.Scan(text).Count;
        double scan = BestCpuMilliseconds(repeat, () => Enumerable.Range(0, passes).Sum(_ => scanner.Scan(text).Count));
        double baseline = BestCpuMilliseconds(repeat, () => Enumerable.Range(0, passes).Sum(_ => BaselinePattern().Count(text)));
        double perMebibyte = scan / mebibytes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {text.Length / 1024} KiB | {perMebibyte:F1} | {baseline / mebibytes:F1} | {scan / Math.Max(baseline, 0.001):F1} | {spans} |"));
        return perMebibyte;
    }

    private static void MeasureShortCells(TextScanner scanner, int repeat)
    {
        Random random = new(Seed);
        string[] cells = Enumerable.Range(0, 100_000).Select(i => ShortCell(random, i)).ToArray();
        double mebibytes = cells.Sum(c => c.Length) / (1024.0 * 1024.0);
        double scan = BestCpuMilliseconds(repeat, () => cells.Sum(c => scanner.Scan(c).Count));
        double baseline = BestCpuMilliseconds(repeat, () => cells.Sum(c => BaselinePattern().Count(c)));
        Console.WriteLine("| short cells | cells | MiB | TextScanner cells/s | MiB/s | regex baseline MiB/s | ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| notes, a quarter with an e-mail, card or phone | {cells.Length} | {mebibytes:F1} | {cells.Length / (scan / 1000):F0} | {mebibytes / (scan / 1000):F1} | {mebibytes / (baseline / 1000):F1} | {scan / baseline:F1} |"));
    }

    private static void MeasureClassifier(int repeat)
    {
        if (SharedData.Find("card_transactions.csv") is not { } path)
        {
            Console.WriteLine("classifier: skipped, card_transactions.csv not found in ../shared/data beside the repository.");
            return;
        }

        IReadOnlyList<ColumnSample> samples;
        using (var reader = new CsvRecordReader(path))
        {
            samples = ColumnSampler.Read(reader, 5_000);
        }

        var classifier = new ColumnClassifier();
        int rows = samples[0].Values.Count;
        double milliseconds = BestCpuMilliseconds(repeat, () => classifier.ClassifyTable(samples).Count);
        Console.WriteLine("| classification | rows | columns | CPU ms | rows/s |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| card_transactions.csv sample | {rows} | {samples.Count} | {milliseconds:F0} | {rows / (milliseconds / 1000):F0} |"));
    }

    /// <summary>Builds a cell of filler words with an e-mail address and a card number every 4 KiB, or a cell of numbers and dates.</summary>
    private static string LongCell(int length, bool digitHeavy)
    {
        Random random = new(Seed);
        StringBuilder text = new(length + 200);
        while (text.Length < length)
        {
            if (digitHeavy)
            {
                text.Append(random.Next(1_000_000).ToString(CultureInfo.InvariantCulture)).Append(' ')
                    .Append(string.Create(CultureInfo.InvariantCulture, $"2024-{random.Next(1, 13):00}-{random.Next(1, 29):00} "));
                continue;
            }

            text.Append(Filler);
            if (text.Length % 4096 < Filler.Length)
            {
                text.Append(" reach me at ines.o@example.com or pay with 4111 1111 1111 1111 ");
            }
        }

        return text.ToString(0, length);
    }

    private static string ShortCell(Random random, int index) => (index % 8) switch
    {
        0 => $"call {random.Next(200, 999)}-555-{random.Next(1000, 9999)} after six",
        1 => $"mail user{index}@example.org about order {random.Next(100000, 999999)}",
        2 => "card 4111 1111 1111 1111 declined",
        _ => $"delivered to the front desk on day {random.Next(1, 29)}, signed by reception",
    };

    private static double BestCpuMilliseconds(int repeat, Func<int> action)
    {
        double best = double.MaxValue;
        using Process process = Process.GetCurrentProcess();
        action();
        for (int i = 0; i < repeat; i++)
        {
            process.Refresh();
            TimeSpan before = process.TotalProcessorTime;
            GC.KeepAlive(action());
            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - before).TotalMilliseconds);
        }

        return best;
    }

    private static int ReadOption(string[] args, string name, int fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|\b(?:\d[ -]?){12,18}\d\b", RegexOptions.CultureInvariant)]
    private static partial Regex BaselinePattern();
}
