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
        Console.WriteLine($"{"shape",-32} {"m x n x k",-16} {"naive GFLOP/s",14} {"engine GFLOP/s",15} {"ratio",7}");
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

            double naiveSeconds = Measure(() => Naive(a, b, naiveResult, m, n, k, ta, tb), flops);
            double engineSeconds = Measure(
                () =>
                {
                    tape.Reset();
                    tape.MatMul(a, b, ta, tb);
                },
                flops);

            double naiveRate = flops / naiveSeconds / 1e9;
            double engineRate = flops / engineSeconds / 1e9;
            Console.WriteLine($"{name,-32} {$"{m}x{n}x{k}",-16} {naiveRate,14:F2} {engineRate,15:F2} {engineRate / naiveRate,6:F1}x");
        }

        return 0;
    }

    /// <summary>Returns the median seconds per call over enough calls to run about half a second.</summary>
    private static double Measure(Action action, double flops)
    {
        action();
        int calls = Math.Clamp((int)(5e9 / flops), 3, 2000);
        var samples = new double[5];
        for (int sample = 0; sample < samples.Length; sample++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int call = 0; call < calls; call++)
            {
                action();
            }

            samples[sample] = Stopwatch.GetElapsedTime(start).TotalSeconds / calls;
        }

        Array.Sort(samples);
        return samples[samples.Length / 2];
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
