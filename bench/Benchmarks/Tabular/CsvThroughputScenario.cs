using System.Diagnostics;
using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using SyntheticData.Tabular;

namespace SyntheticData.Benchmarks.Tabular;

/// <summary>
/// Measures CSV read and read-plus-write throughput of <see cref="CsvRecordReader"/> and
/// <see cref="CsvRecordWriter"/> on a generated file. The baseline is Sep parsing the same file in the same
/// run, without strict decoding and field checks. Throughput is per CPU-second, because the build machines
/// are shared and wall-clock time follows their load.
/// </summary>
public sealed class CsvThroughputScenario : IScenario
{
    private const int Seed = 20_261_204;

    public string Name => "csv-throughput";

    public string Description => "CSV read and read+write MB/s and peak memory on a generated file (--size-mb 100, --repeat 3)";

    public int Run(string[] args)
    {
        int sizeMb = ReadOption(args, "--size-mb", 100);
        int repeat = ReadOption(args, "--repeat", 3);
        string folder = Path.Combine(Path.GetTempPath(), "csv-throughput-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        try
        {
            string input = Path.Combine(folder, "input.csv");
            string output = Path.Combine(folder, "output.csv");
            long rows = Generate(input, sizeMb * 1024L * 1024L);
            double megabytes = new FileInfo(input).Length / (1024.0 * 1024.0);
            Console.WriteLine($"input: {megabytes:F1} MiB, {rows} rows, 8 columns, seed {Seed}");
            Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {RuntimeInformationText()}");
            Console.WriteLine();
            Console.WriteLine("MiB/s is per CPU-second of this process (one core), the best of the repeats; wall-clock MiB/s is shown beside it.");
            Console.WriteLine();
            Console.WriteLine("| step | MiB per CPU-second | rows per CPU-second | wall MiB/s | ratio to Sep parse |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");

            (string Step, Func<long> Action)[] steps =
            [
                ("raw byte read", () => ReadBytes(input)),
                ("Sep parse, all fields as spans (baseline)", () => ParseWithSep(input)),
                ("CsvRecordReader, records only", () => CountRecords(input)),
                ("CsvRecordReader, all fields as spans", () => ReadRecords(input)),
                ("CsvRecordWriter alone, fields from memory", () => WriteOnly(output, rows)),
                ("CsvRecordReader + CsvRecordWriter", () => Copy(input, output)),
            ];
            const int baselineStep = 1;

            // Steps run in turns, so a change in the machine's load affects every step alike.
            double[] bestCpu = new double[steps.Length];
            double[] bestWall = new double[steps.Length];
            for (int round = 0; round < repeat; round++)
            {
                for (int i = 0; i < steps.Length; i++)
                {
                    (double cpu, double wall) = Measure(steps[i].Action, megabytes);
                    bestCpu[i] = Math.Max(bestCpu[i], cpu);
                    bestWall[i] = Math.Max(bestWall[i], wall);
                }
            }

            for (int i = 0; i < steps.Length; i++)
            {
                string ratio = i > baselineStep ? (bestCpu[i] / bestCpu[baselineStep]).ToString("F2", CultureInfo.InvariantCulture) : "-";
                Console.WriteLine($"| {steps[i].Step} | {bestCpu[i]:F0} | {bestCpu[i] / megabytes * rows:F0} | {bestWall[i]:F0} | {ratio} |");
            }

            using Process process = Process.GetCurrentProcess();
            process.Refresh();
            Console.WriteLine();
            Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB (whole process, generator included)");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int ReadOption(string[] args, string name, int fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}";

    /// <summary>Runs one step and returns MiB per CPU-second of this process and MiB per wall-clock second.</summary>
    private static (double Cpu, double Wall) Measure(Func<long> action, double megabytes)
    {
        using Process process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long checksum = action();
        watch.Stop();
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        GC.KeepAlive(checksum);
        return (megabytes / Math.Max(cpuSeconds, 1e-3), megabytes / watch.Elapsed.TotalSeconds);
    }

    private static long ReadBytes(string path)
    {
        byte[] buffer = new byte[1 << 16];
        using FileStream stream = File.OpenRead(path);
        long total = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            total += buffer[read - 1];
        }

        return total;
    }

    private static long ParseWithSep(string path)
    {
        using SepReader reader = Sep.Reader(o => o with { HasHeader = true, Unescape = false }).FromFile(path);
        long total = 0;
        foreach (SepReader.Row row in reader)
        {
            for (int i = 0; i < row.ColCount; i++)
            {
                total += row[i].Span.Length;
            }
        }

        return total;
    }

    private static long CountRecords(string path)
    {
        using var reader = new CsvRecordReader(path);
        long total = 0;
        while (reader.ReadNext())
        {
            total++;
        }

        return total;
    }

    private static long WriteOnly(string output, long rows)
    {
        string[] fields = ["123456", "2020-03-04 05:06:07", "4123456789012345", "Rivera, Lena", "grocery_pos", "123.45", "Springfield", "online order"];
        using var writer = new CsvRecordWriter(output, ["a", "b", "c", "d", "e", "f", "g", "h"]);
        for (long row = 0; row < rows; row++)
        {
            foreach (string field in fields)
            {
                writer.WriteField(field);
            }

            writer.EndRecord();
        }

        writer.Commit();
        return writer.RecordsWritten;
    }

    private static long ReadRecords(string path)
    {
        using var reader = new CsvRecordReader(path);
        long total = 0;
        while (reader.ReadNext())
        {
            for (int i = 0; i < reader.FieldCount; i++)
            {
                total += reader.GetSpan(i).Length;
            }
        }

        return total;
    }

    private static long Copy(string input, string output)
    {
        using var reader = new CsvRecordReader(input);
        using var writer = new CsvRecordWriter(output, reader.Header);
        while (reader.ReadNext())
        {
            for (int i = 0; i < reader.FieldCount; i++)
            {
                if (reader.IsNull(i))
                {
                    writer.WriteNull();
                }
                else
                {
                    writer.WriteField(reader.GetSpan(i));
                }
            }

            writer.EndRecord();
        }

        writer.Commit();
        return writer.RecordsWritten;
    }

    /// <summary>
    /// Writes card-transaction-like rows up to the target size: ids, timestamps, 16-digit card numbers, names in
    /// Latin, Greek and Chinese script, amounts and cities (10% empty). About 19% of rows have a quoted field,
    /// either a name with a comma or a note with a comma and a line break.
    /// </summary>
    private static long Generate(string path, long targetBytes)
    {
        var random = new Random(Seed);
        string[] first = ["Lena", "Sam", "Ada", "Tomás", "Zoë", "Νικόλαος", "李雨桐", "Ines"];
        string[] last = ["Rivera", "O\"Neil", "Brennick", "Ferreira", "Marlowe-Quinn", "Παπαδάκης"];
        string[] category = ["grocery_pos", "gas_transport", "shopping_net", "misc_pos", "travel"];
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20) { NewLine = "\n" };
        writer.WriteLine("trans_id,trans_time,card_number,name,category,amount,city,note");
        long rows = 0;
        var line = new StringBuilder();
        while (writer.BaseStream.Position < targetBytes)
        {
            line.Clear();
            DateTime time = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(0, 60 * 60 * 24 * 365));
            line.Append(CultureInfo.InvariantCulture, $"{rows},{time:yyyy-MM-dd HH:mm:ss},4{random.NextInt64(100_000_000_000_000, 999_999_999_999_999)},");
            if (random.Next(10) == 0)
            {
                // One row in ten has a quoted name with a comma, and some of those a doubled quote.
                string name = $"{last[random.Next(last.Length)]}, {first[random.Next(first.Length)]}";
                line.Append('"').Append(name.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",");
            }
            else
            {
                line.Append(first[random.Next(first.Length)]).Append(' ').Append(last[random.Next(last.Length)].Replace("\"", string.Empty, StringComparison.Ordinal)).Append(',');
            }

            line.Append(category[random.Next(category.Length)]).Append(',');
            line.Append((random.NextDouble() * 500).ToString("F2", CultureInfo.InvariantCulture)).Append(',');
            line.Append(random.Next(10) == 0 ? string.Empty : "Springfield").Append(',');
            line.Append(random.Next(10) == 0 ? "\"paid at the counter,\nreceipt kept\"" : "online order");
            writer.WriteLine(line);
            rows++;
        }

        return rows;
    }
}
