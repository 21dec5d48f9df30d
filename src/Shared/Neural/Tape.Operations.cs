using SyntheticData.Neural.Internal;

namespace SyntheticData.Neural;

// The differentiable operations. Each validates shapes, takes a result slot, records how it was
// made when an input requires a gradient, and runs one backend kernel.
public sealed partial class Tape<T>
{
    /// <summary>Returns <c>op(a) * op(b)</c>, where op transposes when its flag is set.</summary>
    public Tensor<T> MatMul(Tensor<T> a, Tensor<T> b, bool transposeA = false, bool transposeB = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int rows = transposeA ? a.Cols : a.Rows;
        int inner = transposeA ? a.Rows : a.Cols;
        int innerB = transposeB ? b.Cols : b.Rows;
        int cols = transposeB ? b.Rows : b.Cols;
        if (inner != innerB)
        {
            throw new ArgumentException($"Cannot multiply {Describe(a, transposeA)} by {Describe(b, transposeB)}: inner sizes {inner} and {innerB} differ.", nameof(b));
        }

        Tensor<T> result = Record(OpCode.MatMul, rows, cols, a, b);
        result.TransposeA = transposeA;
        result.TransposeB = transposeB;
        Backend.MatMul(a, transposeA, b, transposeB, result);
        return result;
    }

    /// <summary>
    /// Returns <c>x * weight^T + bias</c> for a weight stored as PyTorch stores it (outputs x inputs)
    /// and an optional 1 x outputs bias.
    /// </summary>
    public Tensor<T> Linear(Tensor<T> x, Tensor<T> weight, Tensor<T>? bias)
    {
        Tensor<T> product = MatMul(x, weight, transposeB: true);
        return bias is null ? product : AddRowVector(product, bias);
    }

    /// <summary>Returns <c>a + b</c> elementwise.</summary>
    public Tensor<T> Add(Tensor<T> a, Tensor<T> b) => BinaryOp(OpCode.Add, BinaryKernel.Add, a, b);

    /// <summary>Returns <c>a - b</c> elementwise.</summary>
    public Tensor<T> Subtract(Tensor<T> a, Tensor<T> b) => BinaryOp(OpCode.Subtract, BinaryKernel.Subtract, a, b);

    /// <summary>Returns <c>a * b</c> elementwise.</summary>
    public Tensor<T> Multiply(Tensor<T> a, Tensor<T> b) => BinaryOp(OpCode.Multiply, BinaryKernel.Multiply, a, b);

    /// <summary>Adds a 1 x n row vector to every row of an m x n matrix.</summary>
    public Tensor<T> AddRowVector(Tensor<T> x, Tensor<T> row) => RowOp(OpCode.AddRowVector, BroadcastKernel.AddRow, x, row);

    /// <summary>Multiplies every row of an m x n matrix elementwise by a 1 x n row vector.</summary>
    public Tensor<T> MultiplyRowVector(Tensor<T> x, Tensor<T> row) => RowOp(OpCode.MultiplyRowVector, BroadcastKernel.MultiplyRow, x, row);

    /// <summary>Adds an m x 1 column vector to every column of an m x n matrix.</summary>
    public Tensor<T> AddColumnVector(Tensor<T> x, Tensor<T> column) => ColumnOp(OpCode.AddColumnVector, BroadcastKernel.AddColumn, x, column);

    /// <summary>Multiplies every column of an m x n matrix elementwise by an m x 1 column vector.</summary>
    public Tensor<T> MultiplyColumnVector(Tensor<T> x, Tensor<T> column) => ColumnOp(OpCode.MultiplyColumnVector, BroadcastKernel.MultiplyColumn, x, column);

    /// <summary>Returns <c>x * factor</c>.</summary>
    public Tensor<T> Scale(Tensor<T> x, T factor) => UnaryOp(OpCode.Scale, UnaryKernel.Scale, x, factor);

    /// <summary>Returns <c>-x</c>.</summary>
    public Tensor<T> Negate(Tensor<T> x) => Scale(x, -T.One);

    /// <summary>Returns <c>x + value</c>.</summary>
    public Tensor<T> AddScalar(Tensor<T> x, T value) => UnaryOp(OpCode.AddScalar, UnaryKernel.AddScalar, x, value);

    /// <summary>Returns <c>x ^ exponent</c> elementwise.</summary>
    public Tensor<T> Power(Tensor<T> x, T exponent) => UnaryOp(OpCode.Power, UnaryKernel.Power, x, exponent);

    /// <summary>Returns <c>x * x</c> elementwise.</summary>
    public Tensor<T> Square(Tensor<T> x) => Power(x, T.CreateChecked(2));

    /// <summary>Returns the elementwise square root; its gradient is infinite at zero, as in PyTorch.</summary>
    public Tensor<T> Sqrt(Tensor<T> x) => Power(x, T.CreateChecked(0.5));

    /// <summary>Returns <c>e ^ x</c> elementwise.</summary>
    public Tensor<T> Exp(Tensor<T> x) => UnaryOp(OpCode.Exp, UnaryKernel.Exp, x, T.Zero);

    /// <summary>Returns the elementwise natural logarithm.</summary>
    public Tensor<T> Log(Tensor<T> x) => UnaryOp(OpCode.Log, UnaryKernel.Log, x, T.Zero);

    /// <summary>Returns the elementwise hyperbolic tangent.</summary>
    public Tensor<T> Tanh(Tensor<T> x) => UnaryOp(OpCode.Tanh, UnaryKernel.Tanh, x, T.Zero);

    /// <summary>Returns <c>max(x, 0)</c> elementwise.</summary>
    public Tensor<T> Relu(Tensor<T> x) => LeakyRelu(x, T.Zero);

    /// <summary>Returns <c>x</c> where positive and <c>x * slope</c> elsewhere (PyTorch uses 0.01 by default; CTGAN uses 0.2).</summary>
    public Tensor<T> LeakyRelu(Tensor<T> x, T slope) => UnaryOp(OpCode.LeakyRelu, UnaryKernel.LeakyRelu, x, slope);

    /// <summary>Returns the sum of all elements as a 1 x 1 tensor.</summary>
    public Tensor<T> Sum(Tensor<T> x) => ReduceOp(OpCode.Sum, ReduceKernel.Sum, x, 1, 1);

    /// <summary>Returns the mean of all elements as a 1 x 1 tensor.</summary>
    public Tensor<T> Mean(Tensor<T> x) => Scale(Sum(x), T.One / T.CreateChecked(Math.Max(x.Length, 1)));

    /// <summary>Returns the sum of each column, as a 1 x n row vector.</summary>
    public Tensor<T> SumOverRows(Tensor<T> x) => ReduceOp(OpCode.SumOverRows, ReduceKernel.SumOverRows, x, 1, x.Cols);

    /// <summary>Returns the mean of each column, as a 1 x n row vector (batch statistics).</summary>
    public Tensor<T> MeanOverRows(Tensor<T> x) => Scale(SumOverRows(x), T.One / T.CreateChecked(Math.Max(x.Rows, 1)));

    /// <summary>Returns the sum of each row, as an m x 1 column vector.</summary>
    public Tensor<T> SumOverColumns(Tensor<T> x) => ReduceOp(OpCode.SumOverColumns, ReduceKernel.SumOverColumns, x, x.Rows, 1);

    /// <summary>Returns a <paramref name="rows"/> x <paramref name="cols"/> tensor filled with a 1 x 1 tensor's value.</summary>
    public Tensor<T> ExpandScalar(Tensor<T> scalar, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        RequireShape(scalar, 1, 1, nameof(scalar));
        return ExpandOp(OpCode.ExpandScalar, BroadcastKernel.ExpandScalar, scalar, rows, cols);
    }

    /// <summary>Returns <paramref name="rows"/> copies of a 1 x n row vector.</summary>
    public Tensor<T> RepeatRows(Tensor<T> row, int rows)
    {
        ArgumentNullException.ThrowIfNull(row);
        RequireShape(row, 1, row.Cols, nameof(row));
        return ExpandOp(OpCode.RepeatRows, BroadcastKernel.RepeatRows, row, rows, row.Cols);
    }

    /// <summary>Returns <paramref name="cols"/> copies of an m x 1 column vector, side by side.</summary>
    public Tensor<T> RepeatColumns(Tensor<T> column, int cols)
    {
        ArgumentNullException.ThrowIfNull(column);
        RequireShape(column, column.Rows, 1, nameof(column));
        return ExpandOp(OpCode.RepeatColumns, BroadcastKernel.RepeatColumns, column, column.Rows, cols);
    }

    /// <summary>Returns columns <paramref name="start"/> to <c>start + count - 1</c> of every row.</summary>
    public Tensor<T> SliceColumns(Tensor<T> x, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (start < 0 || count < 0 || start + count > x.Cols)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Columns {start} to {start + count - 1} are outside a tensor with {x.Cols} columns.");
        }

        Tensor<T> result = Record(OpCode.SliceColumns, x.Rows, count, x, null);
        result.IntArg = start;
        Backend.CopyColumns(x, start, result, 0, count);
        return result;
    }

    /// <summary>Places <paramref name="x"/> at column <paramref name="start"/> of a zero tensor with <paramref name="totalCols"/> columns.</summary>
    public Tensor<T> PadColumns(Tensor<T> x, int start, int totalCols)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (start < 0 || start + x.Cols > totalCols)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"{x.Cols} columns at column {start} do not fit in {totalCols} columns.");
        }

        Tensor<T> result = Record(OpCode.PadColumns, x.Rows, totalCols, x, null);
        result.IntArg = start;
        result.Span.Clear();
        Backend.CopyColumns(x, 0, result, start, x.Cols);
        return result;
    }

    /// <summary>Joins tensors with the same number of rows side by side (PyTorch's <c>cat(dim=1)</c>).</summary>
    public Tensor<T> ConcatColumns(params ReadOnlySpan<Tensor<T>> parts)
    {
        if (parts.Length == 0)
        {
            throw new ArgumentException("At least one tensor is required.", nameof(parts));
        }

        int rows = parts[0].Rows;
        int cols = 0;
        bool anyGrad = false;
        foreach (Tensor<T> part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
            if (part.Rows != rows)
            {
                throw new ArgumentException($"All tensors must have {rows} rows; one has {part.Rows}.", nameof(parts));
            }

            cols += part.Cols;
            anyGrad |= part.RequiresGrad;
        }

        Tensor<T> result = NextSlot(rows, cols);
        if (anyGrad && IsRecording)
        {
            result.Op = OpCode.ConcatColumns;
            result.requiresGrad = true;
            result.Inputs ??= [];
            foreach (Tensor<T> part in parts)
            {
                result.Inputs.Add(part);
            }
        }

        int offset = 0;
        foreach (Tensor<T> part in parts)
        {
            Backend.CopyColumns(part, 0, result, offset, part.Cols);
            offset += part.Cols;
        }

        return result;
    }

    /// <summary>
    /// Returns the same elements in row-major order with another shape, sharing storage (PyTorch's
    /// <c>view</c>); CTGAN's critic packs 10 rows into one this way.
    /// </summary>
    public Tensor<T> Reshape(Tensor<T> x, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(x);
        if ((long)rows * cols != x.Length || rows < 0)
        {
            throw new ArgumentException($"Cannot reshape {x.Rows}x{x.Cols} to {rows}x{cols}: the element counts differ.", nameof(rows));
        }

        Tensor<T> result = Record(OpCode.Reshape, rows, cols, x, null);
        result.ShareStorage(x);
        return result;
    }

    /// <summary>Returns a tensor sharing <paramref name="x"/>'s elements through which no gradient flows.</summary>
    public Tensor<T> Detach(Tensor<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Tensor<T> result = NextSlot(x.Rows, x.Cols);
        result.ShareStorage(x);
        return result;
    }

    /// <summary>Returns the softmax of each row.</summary>
    public Tensor<T> Softmax(Tensor<T> x) => SoftmaxOp(OpCode.Softmax, x, logarithm: false);

    /// <summary>Returns the log-softmax of each row, computed stably.</summary>
    public Tensor<T> LogSoftmax(Tensor<T> x) => SoftmaxOp(OpCode.LogSoftmax, x, logarithm: true);

    /// <summary>Returns the m x 1 column of <c>x[i, indices[i]]</c>. The tape keeps the array until the next reset.</summary>
    public Tensor<T> Gather(Tensor<T> x, int[] indices)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckIndices(indices, x.Rows, x.Cols);
        Tensor<T> result = Record(OpCode.Gather, x.Rows, 1, x, null);
        result.Indices = indices;
        Backend.Gather(x, indices, result);
        return result;
    }

    /// <summary>Returns an m x <paramref name="cols"/> tensor with <c>x[i, 0]</c> at column <c>indices[i]</c> of row i and zeros elsewhere.</summary>
    public Tensor<T> Scatter(Tensor<T> x, int[] indices, int cols)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireShape(x, x.Rows, 1, nameof(x));
        CheckIndices(indices, x.Rows, cols);
        Tensor<T> result = Record(OpCode.Scatter, x.Rows, cols, x, null);
        result.Indices = indices;
        Backend.Scatter(x, indices, result);
        return result;
    }

    /// <summary>
    /// Returns the mean over rows of the cross-entropy between each row's logits and its target
    /// class (PyTorch's <c>cross_entropy</c> with mean reduction).
    /// </summary>
    public Tensor<T> CrossEntropy(Tensor<T> logits, int[] targets) => Negate(Mean(Gather(LogSoftmax(logits), targets)));

    /// <summary>
    /// Returns the soft gumbel-softmax of each row, <c>softmax((x + g) / temperature)</c> with
    /// standard Gumbel noise g drawn from <paramref name="random"/> (PyTorch's <c>gumbel_softmax</c>, hard=False).
    /// </summary>
    public Tensor<T> GumbelSoftmax(Tensor<T> logits, T temperature, RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(random);
        if (!(temperature > T.Zero))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The temperature must be positive.");
        }

        Tensor<T> noise = NextSlot(logits.Rows, logits.Cols);
        random.FillGumbel(noise.Span);
        return Softmax(Scale(Add(logits, noise), T.One / temperature));
    }

    /// <summary>
    /// Zeroes each element with probability <paramref name="probability"/> and scales the rest by
    /// <c>1 / (1 - probability)</c>, with the mask drawn from <paramref name="random"/>.
    /// </summary>
    public Tensor<T> Dropout(Tensor<T> x, double probability, RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(random);
        if (probability is < 0 or >= 1 || double.IsNaN(probability))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The dropout probability must be in [0, 1).");
        }

        Tensor<T> mask = NextSlot(x.Rows, x.Cols);
        random.FillDropoutMask(mask.Span, probability);
        return Multiply(x, mask);
    }

    private bool IsRecording => recording && GradEnabled;

    private static string Describe(Tensor<T> x, bool transposed) =>
        transposed ? $"{x.Rows}x{x.Cols} transposed" : $"{x.Rows}x{x.Cols}";

    private static void RequireShape(Tensor<T> x, int rows, int cols, string name)
    {
        if (x.Rows != rows || x.Cols != cols)
        {
            throw new ArgumentException($"Expected a {rows}x{cols} tensor, got {x.Rows}x{x.Cols}.", name);
        }
    }

    private static void CheckIndices(int[] indices, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Length != rows)
        {
            throw new ArgumentException($"Expected one index per row ({rows}), got {indices.Length}.", nameof(indices));
        }

        for (int i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)cols)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"Index {indices[i]} at row {i} is outside 0 to {cols - 1}.");
            }
        }
    }

    private Tensor<T> Record(OpCode op, int rows, int cols, Tensor<T> a, Tensor<T>? b)
    {
        Tensor<T> result = NextSlot(rows, cols);
        if (IsRecording && (a.RequiresGrad || (b?.RequiresGrad ?? false)))
        {
            result.Op = op;
            result.requiresGrad = true;
            result.A = a;
            result.B = b;
        }

        return result;
    }

    private Tensor<T> BinaryOp(OpCode op, BinaryKernel kernel, Tensor<T> a, Tensor<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        RequireShape(b, a.Rows, a.Cols, nameof(b));
        Tensor<T> result = Record(op, a.Rows, a.Cols, a, b);
        Backend.Binary(kernel, a, b, T.Zero, result);
        return result;
    }

    private Tensor<T> UnaryOp(OpCode op, UnaryKernel kernel, Tensor<T> x, T parameter)
    {
        ArgumentNullException.ThrowIfNull(x);
        Tensor<T> result = Record(op, x.Rows, x.Cols, x, null);
        result.Scalar = parameter;
        Backend.Unary(kernel, x, parameter, result);
        return result;
    }

    private Tensor<T> RowOp(OpCode op, BroadcastKernel kernel, Tensor<T> x, Tensor<T> row)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(row);
        RequireShape(row, 1, x.Cols, nameof(row));
        Tensor<T> result = Record(op, x.Rows, x.Cols, x, row);
        Backend.Broadcast(kernel, x, row, result);
        return result;
    }

    private Tensor<T> ColumnOp(OpCode op, BroadcastKernel kernel, Tensor<T> x, Tensor<T> column)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(column);
        RequireShape(column, x.Rows, 1, nameof(column));
        Tensor<T> result = Record(op, x.Rows, x.Cols, x, column);
        Backend.Broadcast(kernel, x, column, result);
        return result;
    }

    private Tensor<T> ReduceOp(OpCode op, ReduceKernel kernel, Tensor<T> x, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(x);
        Tensor<T> result = Record(op, rows, cols, x, null);
        Backend.Reduce(kernel, x, result);
        return result;
    }

    private Tensor<T> ExpandOp(OpCode op, BroadcastKernel kernel, Tensor<T> source, int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        Tensor<T> result = Record(op, rows, cols, source, null);
        Backend.Broadcast(kernel, result, source, result);
        return result;
    }

    private Tensor<T> SoftmaxOp(OpCode op, Tensor<T> x, bool logarithm)
    {
        ArgumentNullException.ThrowIfNull(x);
        Tensor<T> result = Record(op, x.Rows, x.Cols, x, null);
        Backend.Softmax(x, logarithm, result);
        return result;
    }
}
