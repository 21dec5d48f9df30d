using SyntheticData.Neural.Internal;

namespace SyntheticData.Neural;

// The derivative of each operation, written with the tape's own operations so that, when the
// backward pass records (createGraph), the gradients can be differentiated again.
public sealed partial class Tape<T>
{
    private void Propagate(Tensor<T> node, Tensor<T> g)
    {
        Tensor<T>? a = node.A;
        Tensor<T>? b = node.B;
        bool gradA = a is not null && NeedsGradient(a);
        bool gradB = b is not null && NeedsGradient(b);
        switch (node.Op)
        {
            case OpCode.MatMul:
                PropagateMatMul(node, g, a!, b!, gradA, gradB);
                break;
            case OpCode.Add:
                AccumulateIf(gradA, a, g);
                AccumulateIf(gradB, b, g);
                break;
            case OpCode.Subtract:
                AccumulateIf(gradA, a, g);
                if (gradB)
                {
                    Accumulate(b!, Negate(g));
                }

                break;
            case OpCode.Multiply:
                if (gradA)
                {
                    Accumulate(a!, Multiply(g, b!));
                }

                if (gradB)
                {
                    Accumulate(b!, Multiply(g, a!));
                }

                break;
            case OpCode.AddRowVector:
                AccumulateIf(gradA, a, g);
                if (gradB)
                {
                    Accumulate(b!, SumOverRows(g));
                }

                break;
            case OpCode.MultiplyRowVector:
                if (gradA)
                {
                    Accumulate(a!, MultiplyRowVector(g, b!));
                }

                if (gradB)
                {
                    Accumulate(b!, SumOverRows(Multiply(g, a!)));
                }

                break;
            case OpCode.AddColumnVector:
                AccumulateIf(gradA, a, g);
                if (gradB)
                {
                    Accumulate(b!, SumOverColumns(g));
                }

                break;
            case OpCode.MultiplyColumnVector:
                if (gradA)
                {
                    Accumulate(a!, MultiplyColumnVector(g, b!));
                }

                if (gradB)
                {
                    Accumulate(b!, SumOverColumns(Multiply(g, a!)));
                }

                break;
            case OpCode.Scale:
                Accumulate(a!, Scale(g, node.Scalar));
                break;
            case OpCode.AddScalar:
                Accumulate(a!, g);
                break;
            case OpCode.Power:
                PropagatePower(node, g, a!);
                break;
            case OpCode.Exp:
                Accumulate(a!, Multiply(g, node));
                break;
            case OpCode.Log:
                Accumulate(a!, Multiply(g, Power(a!, -T.One)));
                break;
            case OpCode.Tanh:
                // d tanh(x) / dx = 1 - tanh(x)^2, written with the output so it records for createGraph.
                Accumulate(a!, Multiply(g, AddScalar(Negate(Square(node)), T.One)));
                break;
            case OpCode.LeakyRelu:
                Accumulate(a!, LeakyReluMask(g, a!, node.Scalar));
                break;
            case OpCode.LeakyReluMask:
                // The mask is piecewise constant in its second input, so only the first gets a gradient.
                AccumulateIf(gradA, a, LeakyReluMask(g, b!, node.Scalar));
                break;
            case OpCode.Sum:
                Accumulate(a!, ExpandScalar(g, a!.Rows, a.Cols));
                break;
            case OpCode.SumOverRows:
                Accumulate(a!, RepeatRows(g, a!.Rows));
                break;
            case OpCode.SumOverColumns:
                Accumulate(a!, RepeatColumns(g, a!.Cols));
                break;
            case OpCode.ExpandScalar:
                Accumulate(a!, Sum(g));
                break;
            case OpCode.RepeatRows:
                Accumulate(a!, SumOverRows(g));
                break;
            case OpCode.RepeatColumns:
                Accumulate(a!, SumOverColumns(g));
                break;
            case OpCode.SliceColumns:
                if (recording)
                {
                    Accumulate(a!, PadColumns(g, node.IntArg, a!.Cols));
                }
                else
                {
                    // Without createGraph, add the slice's gradient into its columns directly instead of
                    // padding it to full width; CTGAN slices its output into one span per column.
                    AccumulateColumns(a!, g, node.IntArg);
                }

                break;
            case OpCode.PadColumns:
                Accumulate(a!, SliceColumns(g, node.IntArg, a!.Cols));
                break;
            case OpCode.ConcatColumns:
                PropagateConcat(node, g);
                break;
            case OpCode.Reshape:
                Accumulate(a!, Reshape(g, a!.Rows, a.Cols));
                break;
            case OpCode.Softmax:
                // dx = y * (g - rowsum(g * y)).
                Accumulate(a!, Multiply(node, AddColumnVector(g, Negate(SumOverColumns(Multiply(g, node))))));
                break;
            case OpCode.LogSoftmax:
                // dx = g - softmax(x) * rowsum(g), with softmax(x) = exp(y).
                Accumulate(a!, Subtract(g, MultiplyColumnVector(Exp(node), SumOverColumns(g))));
                break;
            case OpCode.Gather:
                Accumulate(a!, Scatter(g, node.Indices!, a!.Cols));
                break;
            case OpCode.Scatter:
                Accumulate(a!, Gather(g, node.Indices!));
                break;
            default:
                throw new InvalidOperationException($"No derivative is defined for operation {node.Op}.");
        }
    }

    private void PropagateMatMul(Tensor<T> node, Tensor<T> g, Tensor<T> a, Tensor<T> b, bool gradA, bool gradB)
    {
        bool ta = node.TransposeA;
        bool tb = node.TransposeB;

        // With C = A' B' (A' = op(A), B' = op(B)): dA' = dC B'^T and dB' = A'^T dC; a transposed
        // operand receives the transpose of that, which swaps the factors.
        if (gradA)
        {
            Accumulate(a, ta ? MatMul(b, g, tb, true) : MatMul(g, b, false, !tb));
        }

        if (gradB)
        {
            Accumulate(b, tb ? MatMul(g, a, true, ta) : MatMul(a, g, !ta, false));
        }
    }

    private void PropagatePower(Tensor<T> node, Tensor<T> g, Tensor<T> x)
    {
        T exponent = node.Scalar;
        T two = T.CreateChecked(2);

        // d x^p / dx = p x^(p-1); for p = 2 that is 2x, which keeps the second derivative exact at zero.
        Tensor<T> slope = exponent == two ? Scale(x, two) : Scale(Power(x, exponent - T.One), exponent);
        Accumulate(x, Multiply(g, slope));
    }

    private void PropagateConcat(Tensor<T> node, Tensor<T> g)
    {
        int offset = 0;
        foreach (Tensor<T> part in node.Inputs!)
        {
            if (NeedsGradient(part))
            {
                Accumulate(part, SliceColumns(g, offset, part.Cols));
            }

            offset += part.Cols;
        }
    }

    private void AccumulateIf(bool condition, Tensor<T>? input, Tensor<T> contribution)
    {
        if (condition)
        {
            Accumulate(input!, contribution);
        }
    }

    private Tensor<T> LeakyReluMask(Tensor<T> g, Tensor<T> x, T slope)
    {
        Tensor<T> result = Record(OpCode.LeakyReluMask, g.Rows, g.Cols, g, x);
        result.Scalar = slope;
        Backend.Binary(BinaryKernel.LeakyReluMask, g, x, slope, result);
        return result;
    }
}
