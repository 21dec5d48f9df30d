using System.Numerics;
using System.Numerics.Tensors;
using SyntheticData.Neural.Internal;

namespace SyntheticData.Neural;

/// <summary>
/// Runs the kernels on the CPU: blocked, vectorised matrix products split over worker threads,
/// and vectorised elementwise kernels from System.Numerics.Tensors.
/// </summary>
/// <remarks>
/// Every result element is reduced in an order that depends only on the shapes, never on the
/// thread count, so results are bit-identical for any <see cref="MaxDegreeOfParallelism"/>.
/// </remarks>
public sealed class CpuBackend<T> : ITensorBackend<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly MatMulKernel<T> matMul;

    /// <summary>Creates a backend that uses up to <paramref name="maxDegreeOfParallelism"/> threads (default: one per core).</summary>
    public CpuBackend(int? maxDegreeOfParallelism = null)
    {
        int threads = maxDegreeOfParallelism ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1, nameof(maxDegreeOfParallelism));
        MaxDegreeOfParallelism = threads;
        matMul = new MatMulKernel<T>(threads);
    }

    /// <summary>The largest number of threads a kernel uses.</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <inheritdoc/>
    public void MatMul(Tensor<T> a, bool transposeA, Tensor<T> b, bool transposeB, Tensor<T> result)
    {
        int m = result.Rows;
        int n = result.Cols;
        int k = transposeA ? a.Rows : a.Cols;
        matMul.Multiply(a.Buffer, a.Cols, transposeA, b.Buffer, b.Cols, transposeB, result.Buffer, m, n, k);
    }

    /// <inheritdoc/>
    public void Unary(UnaryKernel kernel, Tensor<T> x, T parameter, Tensor<T> result)
    {
        ReadOnlySpan<T> input = x.Span;
        Span<T> output = result.Span;
        switch (kernel)
        {
            case UnaryKernel.Scale:
                TensorPrimitives.Multiply(input, parameter, output);
                break;
            case UnaryKernel.AddScalar:
                TensorPrimitives.Add(input, parameter, output);
                break;
            case UnaryKernel.Power:
                ElementwiseKernels.Power(input, parameter, output);
                break;
            case UnaryKernel.Exp:
                TensorPrimitives.Exp(input, output);
                break;
            case UnaryKernel.Log:
                TensorPrimitives.Log(input, output);
                break;
            case UnaryKernel.Tanh:
                TensorPrimitives.Tanh(input, output);
                break;
            case UnaryKernel.LeakyRelu:
                ElementwiseKernels.LeakyRelu(input, parameter, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "Unknown unary kernel.");
        }
    }

    /// <inheritdoc/>
    public void Binary(BinaryKernel kernel, Tensor<T> a, Tensor<T> b, T parameter, Tensor<T> result)
    {
        ReadOnlySpan<T> left = a.Span;
        ReadOnlySpan<T> right = b.Span;
        Span<T> output = result.Span;
        switch (kernel)
        {
            case BinaryKernel.Add:
                TensorPrimitives.Add(left, right, output);
                break;
            case BinaryKernel.Subtract:
                TensorPrimitives.Subtract(left, right, output);
                break;
            case BinaryKernel.Multiply:
                TensorPrimitives.Multiply(left, right, output);
                break;
            case BinaryKernel.LeakyReluMask:
                ElementwiseKernels.LeakyReluMask(left, right, parameter, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "Unknown binary kernel.");
        }
    }

    /// <inheritdoc/>
    public void Broadcast(BroadcastKernel kernel, Tensor<T> x, Tensor<T> vector, Tensor<T> result)
    {
        int rows = result.Rows;
        int cols = result.Cols;
        T[] source = x.Buffer;
        T[] target = result.Buffer;
        T[] v = vector.Buffer;
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<T> row = source.AsSpan(i * cols, cols);
            Span<T> output = target.AsSpan(i * cols, cols);
            switch (kernel)
            {
                case BroadcastKernel.AddRow:
                    TensorPrimitives.Add(row, v.AsSpan(0, cols), output);
                    break;
                case BroadcastKernel.MultiplyRow:
                    TensorPrimitives.Multiply(row, v.AsSpan(0, cols), output);
                    break;
                case BroadcastKernel.AddColumn:
                    TensorPrimitives.Add(row, v[i], output);
                    break;
                case BroadcastKernel.MultiplyColumn:
                    TensorPrimitives.Multiply(row, v[i], output);
                    break;
                case BroadcastKernel.RepeatRows:
                    v.AsSpan(0, cols).CopyTo(output);
                    break;
                case BroadcastKernel.RepeatColumns:
                    output.Fill(v[i]);
                    break;
                case BroadcastKernel.ExpandScalar:
                    output.Fill(v[0]);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "Unknown broadcast kernel.");
            }
        }
    }

    /// <inheritdoc/>
    public void Reduce(ReduceKernel kernel, Tensor<T> x, Tensor<T> result)
    {
        int rows = x.Rows;
        int cols = x.Cols;
        T[] source = x.Buffer;
        Span<T> output = result.Span;
        switch (kernel)
        {
            case ReduceKernel.Sum:
                output[0] = TensorPrimitives.Sum<T>(x.Span);
                break;
            case ReduceKernel.SumOverRows:
                output.Clear();
                for (int i = 0; i < rows; i++)
                {
                    TensorPrimitives.Add(output, source.AsSpan(i * cols, cols), output);
                }

                break;
            case ReduceKernel.SumOverColumns:
                for (int i = 0; i < rows; i++)
                {
                    output[i] = TensorPrimitives.Sum<T>(source.AsSpan(i * cols, cols));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "Unknown reduction.");
        }
    }

    /// <inheritdoc/>
    public void Softmax(Tensor<T> x, bool logarithm, Tensor<T> result)
    {
        int cols = x.Cols;
        for (int i = 0; i < x.Rows; i++)
        {
            ElementwiseKernels.Softmax(x.Buffer.AsSpan(i * cols, cols), logarithm, result.Buffer.AsSpan(i * cols, cols));
        }
    }

    /// <inheritdoc/>
    public void CopyColumns(Tensor<T> source, int sourceStart, Tensor<T> destination, int destinationStart, int count)
    {
        int rows = source.Rows;
        for (int i = 0; i < rows; i++)
        {
            source.Buffer.AsSpan((i * source.Cols) + sourceStart, count)
                .CopyTo(destination.Buffer.AsSpan((i * destination.Cols) + destinationStart, count));
        }
    }

    /// <inheritdoc/>
    public void Gather(Tensor<T> x, ReadOnlySpan<int> indices, Tensor<T> result)
    {
        for (int i = 0; i < x.Rows; i++)
        {
            result.Buffer[i] = x.Buffer[(i * x.Cols) + indices[i]];
        }
    }

    /// <inheritdoc/>
    public void Scatter(Tensor<T> x, ReadOnlySpan<int> indices, Tensor<T> result)
    {
        result.Span.Clear();
        for (int i = 0; i < x.Rows; i++)
        {
            result.Buffer[(i * result.Cols) + indices[i]] = x.Buffer[i];
        }
    }
}
