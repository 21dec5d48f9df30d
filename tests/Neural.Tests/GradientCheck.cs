using SyntheticData.Neural;

namespace SyntheticData.Neural.Tests;

/// <summary>
/// Compares the tape's gradients with central finite differences in double precision. A case is a
/// function of leaf tensors. The harness reduces its output to a scalar with fixed random weights,
/// so every output element contributes with a different factor.
/// </summary>
internal sealed class GradientCheck
{
    // Central differences with step 1e-6 have truncation error about h^2 * f''' ~ 1e-12 and rounding
    // error about 1e-16 / 1e-6 = 1e-10, so 1e-6 absolute plus 1e-5 relative is loose enough for
    // smooth functions and still catches any wrong term.
    public const double Step = 1e-6;
    public const double AbsoluteTolerance = 1e-6;
    public const double RelativeTolerance = 1e-5;

    private readonly Func<Tape<double>, Tensor<double>[], Tensor<double>> function;
    private readonly double[][] inputs;
    private readonly (int Rows, int Cols)[] shapes;
    private readonly ulong seed;

    public GradientCheck(Func<Tape<double>, Tensor<double>[], Tensor<double>> function, ulong seed, params (int Rows, int Cols, double Low, double High)[] inputSpecs)
    {
        this.function = function;
        this.seed = seed;
        var random = new RandomStream(seed);
        shapes = inputSpecs.Select(spec => (spec.Rows, spec.Cols)).ToArray();
        inputs = inputSpecs.Select(spec => Sample(random, spec.Rows * spec.Cols, spec.Low, spec.High)).ToArray();
    }

    public int InputCount => inputs.Length;

    /// <summary>Returns the weighted scalar of the function's output, with every input requiring gradients.</summary>
    public Tensor<double> Loss(Tape<double> tape, out Tensor<double>[] leaves)
    {
        leaves = new Tensor<double>[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            leaves[i] = tape.Constant(shapes[i].Rows, shapes[i].Cols, inputs[i]);
            leaves[i].RequiresGrad = true;
        }

        Tensor<double> output = function(tape, leaves);
        double[] weights = Sample(new RandomStream(seed + 1000), output.Length, -1, 1);
        return tape.Sum(tape.Multiply(output, tape.Constant(output.Rows, output.Cols, weights)));
    }

    /// <summary>Returns the analytic gradient of the loss with respect to input <paramref name="wrt"/>.</summary>
    public double[] Analytic(int wrt)
    {
        var tape = new Tape<double>(new CpuBackend<double>(1));
        Tensor<double> loss = Loss(tape, out Tensor<double>[] leaves);
        return tape.Gradient(loss, leaves[wrt]).ToArray();
    }

    /// <summary>Returns the central-difference gradient of the loss with respect to input <paramref name="wrt"/>.</summary>
    public double[] Numeric(int wrt) => Differentiate(wrt, () => Evaluate(tape => Loss(tape, out _).Span[0]));

    /// <summary>
    /// Returns the analytic gradient with respect to input <paramref name="wrt"/> of the directional
    /// second-order scalar <c>S = sum_j sum(dLoss/dInput_j * V_j)</c>, which needs the recorded backward pass.
    /// </summary>
    public double[] AnalyticSecondOrder(int wrt)
    {
        var tape = new Tape<double>(new CpuBackend<double>(1));
        Tensor<double> s = DirectionalGradient(tape, createGraph: true, out Tensor<double>[] leaves);
        return tape.Gradient(s, leaves[wrt]).ToArray();
    }

    /// <summary>Returns the central-difference gradient of S, each S computed from first-order analytic gradients.</summary>
    public double[] NumericSecondOrder(int wrt) =>
        Differentiate(wrt, () => Evaluate(tape => DirectionalGradient(tape, createGraph: false, out _).Span[0]));

    public static void AssertClose(double[] expected, double[] actual, string label)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = AbsoluteTolerance + (RelativeTolerance * Math.Abs(expected[i]));
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"{label}: element {i} is {actual[i]:R}, finite differences give {expected[i]:R} (tolerance {tolerance:G3}).");
        }
    }

    private Tensor<double> DirectionalGradient(Tape<double> tape, bool createGraph, out Tensor<double>[] leaves)
    {
        Tensor<double> loss = Loss(tape, out leaves);
        Tensor<double>? total = null;
        for (int j = 0; j < leaves.Length; j++)
        {
            Tensor<double> gradient = tape.Gradient(loss, leaves[j], createGraph);
            double[] direction = Sample(new RandomStream(seed + 2000 + (ulong)j), gradient.Length, -1, 1);
            Tensor<double> term = tape.Sum(tape.Multiply(gradient, tape.Constant(gradient.Rows, gradient.Cols, direction)));
            total = total is null ? term : tape.Add(total, term);
        }

        return total!;
    }

    private static double Evaluate(Func<Tape<double>, double> compute) => compute(new Tape<double>(new CpuBackend<double>(1)));

    private double[] Differentiate(int wrt, Func<double> evaluate)
    {
        double[] values = inputs[wrt];
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double original = values[i];
            values[i] = original + Step;
            double plus = evaluate();
            values[i] = original - Step;
            double minus = evaluate();
            values[i] = original;
            result[i] = (plus - minus) / (2 * Step);
        }

        return result;
    }

    private static double[] Sample(RandomStream random, int count, double low, double high)
    {
        var values = new double[count];
        random.FillUniform<double>(values, low, high);
        return values;
    }
}
