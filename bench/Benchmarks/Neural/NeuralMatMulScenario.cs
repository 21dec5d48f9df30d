using System.Diagnostics;
using SyntheticData.Neural;

namespace SyntheticData.Benchmarks.Neural;

/// <summary>
/// GFLOP/s of the engine's matrix product against a naive triple loop in the same run, on the
/// shapes of a CTGAN step (batch 500, width 256, PacGAN critic input of about 2,700).
/// </summary>
public sealed class NeuralMatMulScenario : IScenario
{
    private static readonly (string Name, int M, int N, int K, bool TransposeA, bool TransposeB)[] Shapes =
    [
        ("generator layer 2 forward", 500, 256, 488, false, true),
        ("generator output backward dX", 500, 744, 170, false, false),
        ("generator weight gradient", 256, 488, 500, true, false),
        ("critic layer 1 forward", 50, 256, 2740, false, true),
        ("square 512", 512, 512, 512, false, false),
    ];

    /// <inheritdoc/>
    public string Name => "neural-matmul";

    /// <inheritdoc/>
    public string Description => "GFLOP/s of the neural engine's matrix product vs a naive triple loop (CTGAN shapes)";

    /// <inheritdoc/>
    public int Run(string[] args)
    {
        int threads = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        Console.WriteLine($"neural-matmul: float32, {threads} thread(s), {Environment.ProcessorCount} logical cores");
        Console.WriteLine("GFLOP/s per wall-clock second, and per CPU second of this process (less sensitive to other load)");
        Console.WriteLine($"{"shape",-30} {"m x n x k",-14} {"naive",7} {"engine",7} {"ratio",6} {"naive/cpu",10} {"engine/cpu",11}");
        var random = new RandomStream(1);
        var tape = new Tape<float>(new CpuBackend<float>(threads));
        foreach ((string name, int m, int n, int k, bool ta, bool tb) in Shapes)
        {
            Tensor<float> a = ta ? new Tensor<float>(k, m) : new Tensor<float>(m, k);
            Tensor<float> b = tb ? new Tensor<float>(n, k) : new Tensor<float>(k, n);
            random.FillUniform(a.Span, -1, 1);
            random.FillUniform(b.Span, -1, 1);
            var naiveResult = new float[m * n];
            double flops = 2.0 * m * n * k;

            (double naiveSeconds, double naiveCpu) = Measure(() => Naive(a, b, naiveResult, m, n, k, ta, tb), flops);
            (double engineSeconds, double engineCpu) = Measure(
                () =>
                {
                    tape.Reset();
                    tape.MatMul(a, b, ta, tb);
                },
                flops);

            double naiveRate = flops / naiveSeconds / 1e9;
            double engineRate = flops / engineSeconds / 1e9;
            Console.WriteLine(
                $"{name,-30} {$"{m}x{n}x{k}",-14} {naiveRate,7:F2} {engineRate,7:F2} {engineRate / naiveRate,5:F1}x {flops / naiveCpu / 1e9,10:F2} {flops / engineCpu / 1e9,11:F2}");
        }

        return 0;
    }

    /// <summary>Returns the median wall-clock and process CPU seconds per call, over 5 samples of about 5 GFLOP each.</summary>
    private static (double Wall, double Cpu) Measure(Action action, double flops)
    {
        action();
        int calls = Math.Clamp((int)(5e9 / flops), 3, 2000);
        var wall = new double[5];
        var cpu = new double[5];
        using var process = Process.GetCurrentProcess();
        for (int sample = 0; sample < wall.Length; sample++)
        {
            process.Refresh();
            TimeSpan cpuStart = process.TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            for (int call = 0; call < calls; call++)
            {
                action();
            }

            wall[sample] = Stopwatch.GetElapsedTime(start).TotalSeconds / calls;
            process.Refresh();
            cpu[sample] = (process.TotalProcessorTime - cpuStart).TotalSeconds / calls;
        }

        Array.Sort(wall);
        Array.Sort(cpu);
        return (wall[wall.Length / 2], cpu[cpu.Length / 2]);
    }

    /// <summary>The baseline: one dot product per output element, in i-j-p order.</summary>
    private static void Naive(Tensor<float> a, Tensor<float> b, float[] c, int m, int n, int k, bool ta, bool tb)
    {
        Span<float> left = a.Span;
        Span<float> right = b.Span;
        int lda = a.Cols;
        int ldb = b.Cols;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0;
                for (int p = 0; p < k; p++)
                {
                    sum += (ta ? left[(p * lda) + i] : left[(i * lda) + p]) * (tb ? right[(j * ldb) + p] : right[(p * ldb) + j]);
                }

                c[(i * n) + j] = sum;
            }
        }
    }
}
