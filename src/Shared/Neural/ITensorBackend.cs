using System.Numerics;

namespace SyntheticData.Neural;

/// <summary>
/// The kernels that a <see cref="Tape{T}"/> runs: matrix products, elementwise maps, broadcasts,
/// reductions and column copies. Every kernel writes into a result tensor that the tape allocated.
/// </summary>
/// <remarks>
/// NOTE: tensors keep their elements in managed arrays, so a GPU backend behind this interface
/// would still need device-side storage and transfers added to <see cref="Tensor{T}"/>.
/// </remarks>
public interface ITensorBackend<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Computes <c>result = op(a) * op(b)</c>, where op transposes when its flag is set.</summary>
    void MatMul(Tensor<T> a, bool transposeA, Tensor<T> b, bool transposeB, Tensor<T> result);

    /// <summary>Applies an elementwise function with one scalar parameter (scale, power, slope).</summary>
    void Unary(UnaryKernel kernel, Tensor<T> x, T parameter, Tensor<T> result);

    /// <summary>Combines two tensors of the same shape elementwise; the parameter is the slope for masks.</summary>
    void Binary(BinaryKernel kernel, Tensor<T> a, Tensor<T> b, T parameter, Tensor<T> result);

    /// <summary>Combines a matrix with a row vector, column vector or scalar repeated to its shape.</summary>
    void Broadcast(BroadcastKernel kernel, Tensor<T> x, Tensor<T> vector, Tensor<T> result);

    /// <summary>Sums all elements, each column (to one row) or each row (to one column).</summary>
    void Reduce(ReduceKernel kernel, Tensor<T> x, Tensor<T> result);

    /// <summary>Computes the softmax or log-softmax of each row.</summary>
    void Softmax(Tensor<T> x, bool logarithm, Tensor<T> result);

    /// <summary>Copies <paramref name="count"/> columns of every row from one tensor to another.</summary>
    void CopyColumns(Tensor<T> source, int sourceStart, Tensor<T> destination, int destinationStart, int count);

    /// <summary>Writes <c>x[i, indices[i]]</c> into row <c>i</c> of a one-column result.</summary>
    void Gather(Tensor<T> x, ReadOnlySpan<int> indices, Tensor<T> result);

    /// <summary>Writes one-column <paramref name="x"/> to <c>result[i, indices[i]]</c>; other elements become zero.</summary>
    void Scatter(Tensor<T> x, ReadOnlySpan<int> indices, Tensor<T> result);
}
