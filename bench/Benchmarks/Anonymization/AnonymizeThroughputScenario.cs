using System.Diagnostics;
using System.Globalization;

namespace SyntheticData.Benchmarks.Anonymization;

/// <summary>
/// Measures <c>synthdata anonymize</c> end to end on generated card-transaction extracts of about 100 MB
/// and 1 GB with five protected columns: MB/s per CPU-second, rows/s and peak resident memory of the
/// child process. The baseline, measured in the same run on the same file, is <c>anonymize</c> with a policy
/// that keeps the fifteen other columns and drops the five protected ones (and the security code): it reads every field, writes the
/// kept ones and rescans the output, so the ratio shows what the operators and their rescan cost. (A policy
/// keeping the identifying columns in clear cannot serve, because verification refuses such an output.)
/// Files go to a temporary folder and are deleted afterwards.
/// </summary>
public sealed class AnonymizeThroughputScenario : IScenario
{
    // Average generated row is about 280 bytes, measured on seed 42.
    private const double BytesPerRow = 280;

    // The build of synthdata next to the benchmark, run with the dotnet host.
    private static readonly string BuiltProgram = Path.Combine(AppContext.BaseDirectory, "synthdata.dll");

    public string Name => "anonymize-throughput";

    public string Description =>
        "anonymize on generated extracts of the sizes given in MB (100 and 1000): MB/s per core, rows/s, peak memory; --per-customer N sets transactions per customer (4), --repeat N keeps the least CPU of N runs (1), --program PATH runs a published synthdata (a native executable or a .dll) instead of the build beside the benchmark";

    public int Run(string[] args)
    {
        // "--per-customer N" sets the generator's transactions per customer, and "--repeat N" runs each policy N times
        // and keeps the run with the least CPU time. The other arguments are sizes in MB.
        int perCustomer = TakeOption(ref args, "--per-customer", 4);
        int repeat = TakeOption(ref args, "--repeat", 1);
        string program = TakeTextOption(ref args, "--program", BuiltProgram);
        if (repeat < 1 || perCustomer < 1)
        {
            Console.Error.WriteLine("--repeat and --per-customer must be at least 1.");
            return 2;
        }

        if (program.Length == 0 || !File.Exists(program))
        {
            Console.Error.WriteLine($"The program '{program}' was not found. Give --program the path of a published synthdata or its synthdata.dll.");
            return 2;
        }

        program = Path.GetFullPath(program);

        double[] sizesMb = args.Length > 0
            ? args.Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToArray()
            : [100, 1000];
        string folder = Path.Combine(Path.GetTempPath(), "anonymize-throughput-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "protect.json"), Policy(protect: true));
            File.WriteAllText(Path.Combine(folder, "drop.json"), Policy(protect: false));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"program {program}; {perCustomer} transactions per customer; each row is the run with the least CPU of {repeat}; rows/s is over wall time"));
            Console.WriteLine("| Input | Policy | Rows | Wall s | CPU s | Kernel s | Anonymize s | Rescan s | MB/s per core | Rows/s | Peak RSS MB | Ratio to baseline |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (double sizeMb in sizesMb)
            {
                long rows = (long)(sizeMb * 1_000_000 / BytesPerRow);
                string input = Path.Combine(folder, $"extract-{sizeMb:0}mb.csv");
                Measure(
                    program,
                    folder,
                    "generate-sample",
                    "--rows",
                    rows.ToString(CultureInfo.InvariantCulture),
                    "--out",
                    input,
                    "--seed",
                    "42",
                    "--transactions-per-customer",
                    perCustomer.ToString(CultureInfo.InvariantCulture));
                double megabytes = new FileInfo(input).Length / 1_000_000.0;
                FlushFileSystem();

                double baselineRate = 0;
                foreach (string policy in new[] { "drop", "protect" })
                {
                    string output = Path.Combine(folder, "out.csv");
                    string report = Path.Combine(folder, "report.json");
                    Sample? best = null;
                    (double Anonymize, double Rescan) bestSteps = default;
                    for (int run = 0; run < repeat; run++)
                    {
                        Sample sample = Measure(
                            program, folder, "anonymize", input, "--policy", Path.Combine(folder, policy + ".json"), "--out", output, "--report", report, "--no-progress");
                        if (best is null || sample.CpuSeconds < best.CpuSeconds)
                        {
                            best = sample;
                            bestSteps = StepSeconds(report);
                        }

                        File.Delete(output);
                        File.Delete(report);
                        FlushFileSystem();
                    }

                    double rate = megabytes / best!.CpuSeconds;
                    if (policy == "drop")
                    {
                        baselineRate = rate;
                    }

                    string label = policy == "drop" ? "drop the five (baseline)" : "five protected columns";
                    Console.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"| {megabytes:0} MB | {label} | {rows} | {best.WallSeconds:0.0} | {best.CpuSeconds:0.0} | {best.KernelSeconds:0.0} | {bestSteps.Anonymize:0.0} | {bestSteps.Rescan:0.0} | {rate:0.0} | {rows / best.WallSeconds:0} | {best.PeakResidentBytes / 1_000_000.0:0} | {rate / baselineRate:0.00} |"));
                }

                File.Delete(input);
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Removes <paramref name="name"/> and its value from <paramref name="args"/> and returns the value, or the default.</summary>
    private static int TakeOption(ref string[] args, string name, int defaultValue)
    {
        int option = Array.IndexOf(args, name);
        if (option < 0)
        {
            return defaultValue;
        }

        int value = int.Parse(args[option + 1], CultureInfo.InvariantCulture);
        args = [.. args[..option], .. args[(option + 2)..]];
        return value;
    }

    /// <summary>
    /// Removes <paramref name="name"/> and its value from <paramref name="args"/> and returns the value, the default when
    /// the option is missing, or an empty string when the value is missing.
    /// </summary>
    private static string TakeTextOption(ref string[] args, string name, string defaultValue)
    {
        int option = Array.IndexOf(args, name);
        if (option < 0)
        {
            return defaultValue;
        }

        if (option + 1 >= args.Length)
        {
            args = args[..option];
            return string.Empty;
        }

        string value = args[option + 1];
        args = [.. args[..option], .. args[(option + 2)..]];
        return value;
    }

    /// <summary>
    /// Writes dirty file pages out with <c>sync</c> where the system has it, so that the kernel does not write back the
    /// freshly generated input while the next command runs.
    /// </summary>
    private static void FlushFileSystem()
    {
        try
        {
            using Process? sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
            sync?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No sync command on this system: measure without flushing.
        }
    }

    private static string Policy(bool protect)
    {
        string Column(string name, string protectedOperator) =>
            $"\"{name}\": {(protect ? protectedOperator : "{\"operator\": \"drop\"}")}";

        // Five protected columns: three pseudonyms and two FF1 tokens. The rest, and the security code, copy or drop.
        string[] kept = ["transaction_id", "transaction_time", "first_name", "last_name", "date_of_birth", "gender", "street", "city", "state", "postcode", "merchant", "category", "amount", "currency", "is_fraud"];
        IEnumerable<string> columns = kept.Select(name => $"\"{name}\": {{\"operator\": \"keep\"}}")
            .Append(Column("customer_id", "{\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"identifier\"}}"))
            .Append(Column("email", "{\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"email\"}}"))
            .Append(Column("phone", "{\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"phone\"}}"))
            .Append(Column("card_number", "{\"operator\": \"token\", \"parameters\": {\"kind\": \"card\"}}"))
            .Append(Column("iban", "{\"operator\": \"token\", \"parameters\": {\"kind\": \"iban\"}}"))
            .Append("\"card_cvv\": {\"operator\": \"drop\"}");
        return "{ \"version\": 1, \"defaultPhoneRegion\": \"US\", \"columns\": { " + string.Join(", ", columns)
            + " }, \"quasiIdentifiers\": [\"gender\", \"state\"], \"k\": 1 }";
    }

    /// <summary>Reads the wall seconds of the anonymizing pass and of the rescan from the command's JSON report.</summary>
    private static (double Anonymize, double Rescan) StepSeconds(string reportPath)
    {
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(reportPath));
        System.Text.Json.JsonElement root = report.RootElement;
        return (root.GetProperty("anonymizeSeconds").GetDouble(), root.GetProperty("rescanSeconds").GetDouble());
    }

    /// <summary>Runs <paramref name="program"/> (a .dll through the dotnet host, or an executable) in <paramref name="folder"/>.</summary>
    private static Sample Measure(string program, string folder, params string[] arguments)
    {
        bool hosted = program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(hosted ? "dotnet" : program)
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
        };
        if (hosted)
        {
            start.ArgumentList.Add(program);
        }
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SYNTHDATA_KEY_FILE"] = Path.Combine(folder, "keys.local.json");
        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();

        // /proc is read while the child runs: VmHWM is its peak resident set, and utime + stime its CPU time
        // in clock ticks (100 per second on Linux). The last read is at most 50 ms before the exit.
        long peak = 0;
        double cpu = 0;
        double kernel = 0;
        while (!process.WaitForExit(50))
        {
            try
            {
                peak = Math.Max(peak, ReadPeakResident(process.Id));
                (double user, double system) = ReadCpuSeconds(process.Id);
                cpu = Math.Max(cpu, user + system);
                kernel = Math.Max(kernel, system);
            }
            catch (IOException)
            {
                // The process exited between the check and the read.
            }
        }

        clock.Stop();
        output.Wait();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"synthdata {arguments[0]} failed with exit code {process.ExitCode}.");
        }

        return new Sample(clock.Elapsed.TotalSeconds, Math.Max(cpu, 0.01), kernel, peak);
    }

    private static long ReadPeakResident(int pid)
    {
        // A process that has exited but is not yet reaped has no VmHWM line.
        string? line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (line is null)
        {
            return 0;
        }

        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Returns the user and the kernel CPU seconds of a process.</summary>
    private static (double User, double System) ReadCpuSeconds(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");

        // Fields after the command name, which is in parentheses and may contain spaces: utime and stime are fields 14 and 15.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) / 100.0, long.Parse(fields[12], CultureInfo.InvariantCulture) / 100.0);
    }

    /// <param name="KernelSeconds">The part of <paramref name="CpuSeconds"/> spent in the kernel, mostly reading and writing files.</param>
    private sealed record Sample(double WallSeconds, double CpuSeconds, double KernelSeconds, long PeakResidentBytes);
}
