using SyntheticData.Neural;

namespace SyntheticData.Neural.Tests;

/// <summary>
/// First- and second-order finite-difference checks of every tape operation, in double precision,
/// with the tolerances stated in <see cref="GradientCheck"/> (1e-6 absolute plus 1e-5 relative,
/// central differences with step 1e-6).
/// </summary>
public sealed class TapeGradientTests
{
    private static readonly int[] RowTargets = [2, 0, 3];

    private static readonly Dictionary<string, Func<GradientCheck>> Cases = new()
    {
        ["MatMul"] = () => Check((t, x) => t.MatMul(x[0], x[1]), (3, 4), (4, 2)),
        ["MatMulTransposeA"] = () => Check((t, x) => t.MatMul(x[0], x[1], transposeA: true), (4, 3), (4, 2)),
        ["MatMulTransposeB"] = () => Check((t, x) => t.MatMul(x[0], x[1], transposeB: true), (3, 4), (2, 4)),
        ["MatMulTransposeBoth"] = () => Check((t, x) => t.MatMul(x[0], x[1], true, true), (4, 3), (2, 4)),
        ["MatMulSquared"] = () => Check((t, x) => t.MatMul(x[0], t.Tanh(t.MatMul(x[0], x[1]))), (3, 3), (3, 2)),
        ["Linear"] = () => Check((t, x) => t.Linear(x[0], x[1], x[2]), (3, 4), (2, 4), (1, 2)),
        ["Add"] = () => Check((t, x) => t.Multiply(t.Add(x[0], x[1]), x[0]), (2, 3), (2, 3)),
        ["Subtract"] = () => Check((t, x) => t.Multiply(t.Subtract(x[0], x[1]), x[1]), (2, 3), (2, 3)),
        ["Multiply"] = () => Check((t, x) => t.Multiply(x[0], x[1]), (2, 3), (2, 3)),
        ["MultiplySelf"] = () => Check((t, x) => t.Multiply(x[0], x[0]), (2, 3)),
        ["AddRowVector"] = () => Check((t, x) => t.Square(t.AddRowVector(x[0], x[1])), (3, 2), (1, 2)),
        ["MultiplyRowVector"] = () => Check((t, x) => t.MultiplyRowVector(x[0], x[1]), (3, 2), (1, 2)),
        ["AddColumnVector"] = () => Check((t, x) => t.Square(t.AddColumnVector(x[0], x[1])), (3, 2), (3, 1)),
        ["MultiplyColumnVector"] = () => Check((t, x) => t.MultiplyColumnVector(x[0], x[1]), (3, 2), (3, 1)),
        ["Scale"] = () => Check((t, x) => t.Square(t.Scale(x[0], -2.5)), (2, 3)),
        ["AddScalar"] = () => Check((t, x) => t.Square(t.AddScalar(x[0], 0.75)), (2, 3)),
        ["Power"] = () => CheckPositive((t, x) => t.Power(x[0], 1.7), (2, 3)),
        ["PowerNegative"] = () => CheckPositive((t, x) => t.Power(x[0], -0.5), (2, 3)),
        ["Square"] = () => Check((t, x) => t.Square(x[0]), (2, 3)),
        ["Sqrt"] = () => CheckPositive((t, x) => t.Sqrt(x[0]), (2, 3)),
        ["Exp"] = () => Check((t, x) => t.Exp(x[0]), (2, 3)),
        ["Log"] = () => CheckPositive((t, x) => t.Log(x[0]), (2, 3)),
        ["Tanh"] = () => Check((t, x) => t.Tanh(x[0]), (2, 3)),
        ["Relu"] = () => Check((t, x) => t.Multiply(t.Relu(x[0]), x[0]), (3, 4)),
        ["LeakyRelu"] = () => Check((t, x) => t.Multiply(t.LeakyRelu(x[0], 0.2), x[1]), (3, 4), (3, 4)),
        ["Sum"] = () => Check((t, x) => t.Square(t.Sum(t.Square(x[0]))), (2, 3)),
        ["Mean"] = () => Check((t, x) => t.Square(t.Mean(t.Square(x[0]))), (2, 3)),
        ["SumOverRows"] = () => Check((t, x) => t.Square(t.SumOverRows(x[0])), (3, 2)),
        ["MeanOverRows"] = () => Check((t, x) => t.Square(t.MeanOverRows(x[0])), (3, 2)),
        ["SumOverColumns"] = () => Check((t, x) => t.Square(t.SumOverColumns(x[0])), (3, 2)),
        ["ExpandScalar"] = () => Check((t, x) => t.Multiply(t.ExpandScalar(t.Square(x[0]), 2, 3), x[1]), (1, 1), (2, 3)),
        ["RepeatRows"] = () => Check((t, x) => t.Multiply(t.RepeatRows(t.Square(x[0]), 3), x[1]), (1, 2), (3, 2)),
        ["RepeatColumns"] = () => Check((t, x) => t.Multiply(t.RepeatColumns(t.Square(x[0]), 2), x[1]), (3, 1), (3, 2)),
        ["SliceColumns"] = () => Check((t, x) => t.Square(t.SliceColumns(x[0], 1, 2)), (2, 4)),
        ["SliceColumnsOverlapping"] = () => Check(
            (t, x) => t.ConcatColumns(t.Square(t.SliceColumns(x[0], 0, 2)), t.Exp(t.SliceColumns(x[0], 1, 3)), t.Multiply(x[0], x[0]), t.SliceColumns(x[0], 3, 1)),
            (2, 4)),
        ["PadColumns"] = () => Check((t, x) => t.Square(t.PadColumns(x[0], 1, 5)), (2, 3)),
        ["ConcatColumns"] = () => Check((t, x) => t.Square(t.ConcatColumns(x[0], x[1], x[0])), (2, 1), (2, 3)),
        ["Reshape"] = () => Check((t, x) => t.Multiply(t.Reshape(x[0], 2, 6), x[1]), (4, 3), (2, 6)),
        ["Softmax"] = () => Check((t, x) => t.Softmax(x[0]), (3, 4)),
        ["LogSoftmax"] = () => Check((t, x) => t.LogSoftmax(x[0]), (3, 4)),
        ["Gather"] = () => Check((t, x) => t.Square(t.Gather(x[0], RowTargets)), (3, 4)),
        ["Scatter"] = () => Check((t, x) => t.Square(t.Scatter(x[0], RowTargets, 4)), (3, 1)),
        ["CrossEntropy"] = () => Check((t, x) => t.CrossEntropy(x[0], RowTargets), (3, 4)),
        ["GumbelSoftmax"] = () => Check((t, x) => t.GumbelSoftmax(x[0], 0.2, new RandomStream(7)), (3, 4)),
        ["Dropout"] = () => Check((t, x) => t.Square(t.Dropout(x[0], 0.5, new RandomStream(7))), (3, 4)),
        ["BatchNormTraining"] = () => Check(BatchNormTraining, (5, 3), (1, 3), (1, 3)),
        ["BatchNorm1dModule"] = () => Check((t, x) => new BatchNorm1d<double>(3).Forward(t, x[0]), (5, 3)),
        ["LinearModule"] = () => Check((t, x) => new Linear<double>(4, 2, new RandomStream(3)).Forward(t, x[0]), (3, 4)),
        ["Negate"] = () => Check((t, x) => t.Multiply(t.Negate(x[0]), x[0]), (2, 3)),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void FirstOrder_MatchesFiniteDifferences(string name)
    {
        GradientCheck check = Cases[name]();
        for (int input = 0; input < check.InputCount; input++)
        {
            GradientCheck.AssertClose(check.Numeric(input), check.Analytic(input), $"{name}, input {input}");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void SecondOrder_MatchesFiniteDifferences(string name)
    {
        GradientCheck check = Cases[name]();
        for (int input = 0; input < check.InputCount; input++)
        {
            GradientCheck.AssertClose(check.NumericSecondOrder(input), check.AnalyticSecondOrder(input), $"{name}, input {input}");
        }
    }

    [Fact]
    public void Detach_StopsGradient()
    {
        var tape = new Tape<double>();
        Tensor<double> x = tape.Constant(1, 3, [0.5, -1.5, 2.0]);
        x.RequiresGrad = true;

        // d/dx (stop(x^2) * x) = x^2, because the detached factor counts as a constant.
        Tensor<double> gradient = tape.Gradient(tape.Sum(tape.Multiply(tape.Detach(tape.Square(x)), x)), x);

        Assert.Equal([0.25, 2.25, 4.0], gradient.ToArray());
    }

    // Batch norm in training mode written with the same operations BatchNorm1d uses, with the scale
    // and shift as inputs so their gradients are checked too.
    private static Tensor<double> BatchNormTraining(Tape<double> t, Tensor<double>[] x)
    {
        Tensor<double> centred = t.AddRowVector(x[0], t.Negate(t.MeanOverRows(x[0])));
        Tensor<double> inverseStd = t.Power(t.AddScalar(t.MeanOverRows(t.Square(centred)), 1e-5), -0.5);
        return t.AddRowVector(t.MultiplyRowVector(t.MultiplyRowVector(centred, inverseStd), x[1]), x[2]);
    }

    private static GradientCheck Check(Func<Tape<double>, Tensor<double>[], Tensor<double>> function, params (int Rows, int Cols)[] shapes) =>
        new(function, 11, shapes.Select(shape => (shape.Rows, shape.Cols, -1.0, 1.0)).ToArray());

    private static GradientCheck CheckPositive(Func<Tape<double>, Tensor<double>[], Tensor<double>> function, params (int Rows, int Cols)[] shapes) =>
        new(function, 11, shapes.Select(shape => (shape.Rows, shape.Cols, 0.5, 2.0)).ToArray());
}
