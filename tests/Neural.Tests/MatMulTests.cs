using SyntheticData.Neural;

namespace SyntheticData.Neural.Tests;

/// <summary>The blocked matrix product against a plain triple loop in double precision.</summary>
public sealed class MatMulTests
{
    // Shapes chosen to hit the tiny path, partial slivers and panels, several depth blocks
    // (depth > 256), several row blocks (rows > 96) and the column split for short batches.
    public static TheoryData<int, int, int, bool, bool> Shapes() => new()
    {
        { 1, 1, 1, false, false },
        { 3, 5, 7, false, false },
        { 7, 17, 33, true, false },
        { 13, 40, 300, false, true },
        { 50, 256, 700, false, true },
        { 97, 33, 257, true, true },
        { 200, 150, 520, false, false },
        { 500, 64, 40, true, false },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Float_MatchesNaiveProduct(int m, int n, int k, bool transposeA, bool transposeB)
    {
        (Tensor<float> a, Tensor<float> b) = Operands<float>(m, n, k, transposeA, transposeB);
        var tape = new Tape<float>(new CpuBackend<float>(2));

        float[] actual = tape.MatMul(a, b, transposeA, transposeB).ToArray();

        (double[] expected, double[] magnitude) = Naive(a, b, m, n, k, transposeA, transposeB);
        for (int i = 0; i < actual.Length; i++)
        {
            // float32 accumulation: error bounded by about k * 2^-24 * sum |a_ip b_pj|.
            double tolerance = 1e-6 + (k * 6e-8 * magnitude[i]);
            Assert.True(Math.Abs(actual[i] - expected[i]) <= tolerance, $"Element {i}: {actual[i]} vs {expected[i]}.");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Double_MatchesNaiveProduct(int m, int n, int k, bool transposeA, bool transposeB)
    {
        (Tensor<double> a, Tensor<double> b) = Operands<double>(m, n, k, transposeA, transposeB);
        var tape = new Tape<double>(new CpuBackend<double>(2));

        double[] actual = tape.MatMul(a, b, transposeA, transposeB).ToArray();

        (double[] expected, double[] magnitude) = Naive(a, b, m, n, k, transposeA, transposeB);
        for (int i = 0; i < actual.Length; i++)
        {
            double tolerance = 1e-14 + (k * 2.3e-16 * magnitude[i]);
            Assert.True(Math.Abs(actual[i] - expected[i]) <= tolerance, $"Element {i}: {actual[i]} vs {expected[i]}.");
        }
    }

    [Theory]
    [InlineData(50, 256, 2600, false, true)]
    [InlineData(500, 256, 400, false, true)]
    [InlineData(256, 400, 500, true, false)]
    public void Product_IsBitIdenticalAcrossThreadCounts(int m, int n, int k, bool transposeA, bool transposeB)
    {
        (Tensor<float> a, Tensor<float> b) = Operands<float>(m, n, k, transposeA, transposeB);

        float[] single = new Tape<float>(new CpuBackend<float>(1)).MatMul(a, b, transposeA, transposeB).ToArray();
        float[] two = new Tape<float>(new CpuBackend<float>(2)).MatMul(a, b, transposeA, transposeB).ToArray();
        float[] eight = new Tape<float>(new CpuBackend<float>(8)).MatMul(a, b, transposeA, transposeB).ToArray();

        Assert.Equal(single, two);
        Assert.Equal(single, eight);
    }

    [Fact]
    public void Product_RejectsMismatchedInnerSizes()
    {
        var tape = new Tape<float>();
        Assert.Throws<ArgumentException>(() => tape.MatMul(tape.Zeros(2, 3), tape.Zeros(4, 5)));
    }

    private static (Tensor<T> A, Tensor<T> B) Operands<T>(int m, int n, int k, bool transposeA, bool transposeB)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var random = new RandomStream((ulong)((m * 7919) + (n * 31) + k));
        Tensor<T> a = transposeA ? new Tensor<T>(k, m) : new Tensor<T>(m, k);
        Tensor<T> b = transposeB ? new Tensor<T>(n, k) : new Tensor<T>(k, n);
        random.FillUniform(a.Span, -1, 1);
        random.FillUniform(b.Span, -1, 1);
        return (a, b);
    }

    private static (double[] Values, double[] Magnitude) Naive<T>(Tensor<T> a, Tensor<T> b, int m, int n, int k, bool transposeA, bool transposeB)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var values = new double[m * n];
        var magnitude = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                double absolute = 0;
                for (int p = 0; p < k; p++)
                {
                    double left = double.CreateChecked(transposeA ? a[p, i] : a[i, p]);
                    double right = double.CreateChecked(transposeB ? b[j, p] : b[p, j]);
                    sum += left * right;
                    absolute += Math.Abs(left * right);
                }

                values[(i * n) + j] = sum;
                magnitude[(i * n) + j] = absolute;
            }
        }

        return (values, magnitude);
    }
}
