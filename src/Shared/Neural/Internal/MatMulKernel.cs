using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace SyntheticData.Neural.Internal;

/// <summary>Matrix product <c>C = op(A) op(B)</c> on row-major arrays.</summary>
internal sealed class MatMulKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int threads;

    public MatMulKernel(int threads)
    {
        this.threads = threads;
    }

    /// <summary>
    /// Multiplies an m x k matrix op(A) by a k x n matrix op(B) into C (m x n, row stride n).
    /// <paramref name="lda"/> and <paramref name="ldb"/> are the stored row lengths of A and B.
    /// </summary>
    public void Multiply(T[] a, int lda, bool transposeA, T[] b, int ldb, bool transposeB, T[] c, int m, int n, int k)
    {
        _ = threads;
        T[]? packed = null;
        ReadOnlySpan<T> bRows = b;
        int bStride = ldb;
        if (transposeB)
        {
            packed = ArrayPool<T>.Shared.Rent(k * n);
            for (int p = 0; p < k; p++)
            {
                for (int j = 0; j < n; j++)
                {
                    packed[(p * n) + j] = b[(j * ldb) + p];
                }
            }

            bRows = packed;
            bStride = n;
        }

        for (int i = 0; i < m; i++)
        {
            Span<T> row = c.AsSpan(i * n, n);
            row.Clear();
            for (int p = 0; p < k; p++)
            {
                T factor = transposeA ? a[(p * lda) + i] : a[(i * lda) + p];
                TensorPrimitives.MultiplyAdd(bRows.Slice(p * bStride, n), factor, row, row);
            }
        }

        if (packed is not null)
        {
            ArrayPool<T>.Shared.Return(packed);
        }
    }
}
