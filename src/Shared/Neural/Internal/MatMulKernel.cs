using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SyntheticData.Neural.Internal;

/// <summary>
/// Matrix product <c>C = op(A) op(B)</c> on row-major arrays, blocked in the manner of GotoBLAS:
/// op(B) is packed into panels of <see cref="PanelWidth"/> columns per block of
/// <see cref="DepthBlock"/> inner indices, op(A) into slivers of <see cref="SliverHeight"/> rows,
/// and a register-tiled micro-kernel with fused multiply-adds computes each 6 x 2-vector tile.
/// </summary>
/// <remarks>
/// Work items are rectangles of C, so each element is summed by one thread in a fixed order (inner
/// blocks in sequence, indices in sequence within a block): the result does not depend on the
/// number of threads. Transposes cost nothing beyond packing.
/// </remarks>
internal sealed class MatMulKernel<T> : IParallelJob
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public const int SliverHeight = 6;
    public const int DepthBlock = 256;
    public const int RowBlock = 16 * SliverHeight;

    // Products below this many multiply-adds run on the calling thread: the dispatch would cost more.
    private const long ParallelThreshold = 1L << 18;

    // Products below this many multiply-adds skip packing.
    private const long PackingThreshold = 1L << 12;

    private static readonly int PanelWidth = 2 * Vector256<T>.Count;

    private readonly object gate = new();
    private readonly int threads;
    private readonly T[][] packedA;
    private T[] packedB = [];

    // Arguments of the product in progress, read by Execute on every thread.
    private T[] a = [];
    private T[] b = [];
    private T[] c = [];
    private int lda;
    private int ldb;
    private bool transposeA;
    private bool transposeB;
    private int m;
    private int n;
    private int k;
    private int panels;
    private int rowBlocks;
    private int columnChunks;
    private int panelsPerChunk;
    private int packItems;
    private int phase;

    public MatMulKernel(int threads)
    {
        this.threads = threads;
        packedA = new T[WorkerPool.Shared.Helpers + 1][];
    }

    /// <summary>
    /// Multiplies an m x k matrix op(A) by a k x n matrix op(B) into C (m x n, row stride n),
    /// overwriting C. <paramref name="lda"/> and <paramref name="ldb"/> are the stored row lengths of A and B.
    /// </summary>
    public void Multiply(T[] a, int lda, bool transposeA, T[] b, int ldb, bool transposeB, T[] c, int m, int n, int k)
    {
        long work = (long)m * n * k;
        if (work == 0)
        {
            c.AsSpan(0, m * n).Clear();
            return;
        }

        if (work < PackingThreshold)
        {
            MultiplySmall(a, lda, transposeA, b, ldb, transposeB, c, m, n, k);
            return;
        }

        lock (gate)
        {
            this.a = a;
            this.b = b;
            this.c = c;
            this.lda = lda;
            this.ldb = ldb;
            this.transposeA = transposeA;
            this.transposeB = transposeB;
            this.m = m;
            this.n = n;
            this.k = k;
            panels = (n + PanelWidth - 1) / PanelWidth;
            rowBlocks = (m + RowBlock - 1) / RowBlock;
            int maxThreads = work < ParallelThreshold ? 1 : threads;

            // Split columns too when there are fewer row blocks than threads (the critic's 50-row
            // batches), but no further: every column chunk packs its rows of A again.
            columnChunks = Math.Min(panels, Math.Max(1, (maxThreads + rowBlocks - 1) / rowBlocks));
            panelsPerChunk = (panels + columnChunks - 1) / columnChunks;
            columnChunks = (panels + panelsPerChunk - 1) / panelsPerChunk;

            int packedLength = k * panels * PanelWidth;
            if (packedB.Length < packedLength)
            {
                packedB = new T[packedLength];
            }

            int depthBlocks = (k + DepthBlock - 1) / DepthBlock;
            packItems = depthBlocks * panels > 8 ? Math.Min(panels, 4 * maxThreads) : 1;
            phase = 0;
            WorkerPool.Shared.Run(this, packItems, maxThreads);
            phase = 1;
            WorkerPool.Shared.Run(this, rowBlocks * columnChunks, maxThreads);
            this.a = [];
            this.b = [];
            this.c = [];
        }
    }

    /// <inheritdoc/>
    public void Execute(int item, int worker)
    {
        if (phase == 0)
        {
            PackB(item);
        }
        else
        {
            ComputeRectangle(item, worker);
        }
    }

    /// <summary>A plain triple loop for tiny products, where packing costs more than it saves.</summary>
    private static void MultiplySmall(T[] a, int lda, bool transposeA, T[] b, int ldb, bool transposeB, T[] c, int m, int n, int k)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                T sum = T.Zero;
                for (int p = 0; p < k; p++)
                {
                    T left = transposeA ? a[(p * lda) + i] : a[(i * lda) + p];
                    T right = transposeB ? b[(j * ldb) + p] : b[(p * ldb) + j];
                    sum += left * right;
                }

                c[(i * n) + j] = sum;
            }
        }
    }

    /// <summary>Packs every panel of op(B) whose index modulo the number of packing items is <paramref name="item"/>, for every depth block.</summary>
    private void PackB(int item)
    {
        int width = PanelWidth;
        for (int panel = item; panel < panels; panel += packItems)
        {
            int column0 = panel * width;
            for (int depth0 = 0; depth0 < k; depth0 += DepthBlock)
            {
                int depth = Math.Min(DepthBlock, k - depth0);
                Span<T> target = packedB.AsSpan(PanelOffset(depth0, panel), depth * width);
                int columns = Math.Min(width, n - column0);
                if (transposeB)
                {
                    // op(B)[p, j] = B[j, p]: read each stored row sequentially, write one panel column.
                    for (int jj = 0; jj < width; jj++)
                    {
                        if (jj >= columns)
                        {
                            for (int p = 0; p < depth; p++)
                            {
                                target[(p * width) + jj] = T.Zero;
                            }

                            continue;
                        }

                        ReadOnlySpan<T> source = b.AsSpan(((column0 + jj) * ldb) + depth0, depth);
                        for (int p = 0; p < depth; p++)
                        {
                            target[(p * width) + jj] = source[p];
                        }
                    }
                }
                else
                {
                    for (int p = 0; p < depth; p++)
                    {
                        int sourceStart = ((depth0 + p) * ldb) + column0;
                        if (columns == width)
                        {
                            // Two vector moves instead of a Memmove call per 16-element row.
                            int half = width / 2;
                            Vector256.LoadUnsafe(ref b[sourceStart]).StoreUnsafe(ref target[p * width]);
                            Vector256.LoadUnsafe(ref b[sourceStart + half]).StoreUnsafe(ref target[(p * width) + half]);
                        }
                        else
                        {
                            Span<T> row = target.Slice(p * width, width);
                            b.AsSpan(sourceStart, columns).CopyTo(row);
                            row[columns..].Clear();
                        }
                    }
                }
            }
        }
    }

    private int PanelOffset(int depth0, int panel)
    {
        int depth = Math.Min(DepthBlock, k - depth0);
        return (depth0 * panels * PanelWidth) + (panel * depth * PanelWidth);
    }

    private void ComputeRectangle(int item, int worker)
    {
        int rowBlock = item / columnChunks;
        int chunk = item % columnChunks;
        int row0 = rowBlock * RowBlock;
        int rows = Math.Min(RowBlock, m - row0);
        int firstPanel = chunk * panelsPerChunk;
        int lastPanel = Math.Min(panels, firstPanel + panelsPerChunk);
        int slivers = (rows + SliverHeight - 1) / SliverHeight;
        T[] aBuffer = packedA[worker] ??= new T[RowBlock * DepthBlock];
        Span<T> edge = stackalloc T[SliverHeight * 2 * Vector256<T>.Count];

        for (int depth0 = 0; depth0 < k; depth0 += DepthBlock)
        {
            int depth = Math.Min(DepthBlock, k - depth0);
            PackA(aBuffer, row0, rows, depth0, depth);
            bool accumulate = depth0 > 0;
            for (int panel = firstPanel; panel < lastPanel; panel++)
            {
                ref T panelStart = ref packedB[PanelOffset(depth0, panel)];
                int column0 = panel * PanelWidth;
                int columns = Math.Min(PanelWidth, n - column0);
                for (int sliver = 0; sliver < slivers; sliver++)
                {
                    int i0 = row0 + (sliver * SliverHeight);
                    int height = Math.Min(SliverHeight, m - i0);
                    ref T sliverStart = ref aBuffer[sliver * SliverHeight * depth];
                    if (height == SliverHeight && columns == PanelWidth)
                    {
                        MicroKernel(depth, ref sliverStart, ref panelStart, ref c[(i0 * n) + column0], n, accumulate);
                    }
                    else
                    {
                        MicroKernel(depth, ref sliverStart, ref panelStart, ref MemoryMarshal.GetReference(edge), PanelWidth, accumulate: false);
                        for (int ii = 0; ii < height; ii++)
                        {
                            Span<T> source = edge.Slice(ii * PanelWidth, columns);
                            Span<T> target = c.AsSpan(((i0 + ii) * n) + column0, columns);
                            if (accumulate)
                            {
                                System.Numerics.Tensors.TensorPrimitives.Add(target, source, target);
                            }
                            else
                            {
                                source.CopyTo(target);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Packs <paramref name="rows"/> rows of op(A) from <paramref name="row0"/> for one depth block into slivers, padding short slivers with zeros.</summary>
    private void PackA(T[] buffer, int row0, int rows, int depth0, int depth)
    {
        int slivers = (rows + SliverHeight - 1) / SliverHeight;
        for (int sliver = 0; sliver < slivers; sliver++)
        {
            Span<T> target = buffer.AsSpan(sliver * SliverHeight * depth, SliverHeight * depth);
            int i0 = row0 + (sliver * SliverHeight);
            int height = Math.Min(SliverHeight, row0 + rows - i0);
            if (height < SliverHeight)
            {
                target.Clear();
            }

            if (transposeA)
            {
                // op(A)[i, p] = A[p, i]: the sliver's rows are consecutive elements of stored row p.
                // An element loop, because a Memmove call per 6 elements costs more than the copy.
                for (int p = 0; p < depth; p++)
                {
                    int sourceStart = ((depth0 + p) * lda) + i0;
                    for (int ii = 0; ii < height; ii++)
                    {
                        target[(p * SliverHeight) + ii] = a[sourceStart + ii];
                    }
                }
            }
            else
            {
                for (int ii = 0; ii < height; ii++)
                {
                    ReadOnlySpan<T> source = a.AsSpan(((i0 + ii) * lda) + depth0, depth);
                    for (int p = 0; p < depth; p++)
                    {
                        target[(p * SliverHeight) + ii] = source[p];
                    }
                }
            }
        }
    }

    /// <summary>
    /// Computes a 6 x (2 vectors) tile: <c>C (+)= sliver * panel</c> over <paramref name="depth"/>
    /// inner indices, with twelve accumulators held in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void MicroKernel(int depth, ref T sliver, ref T panel, ref T tile, int tileStride, bool accumulate)
    {
        int width = Vector256<T>.Count;
        Vector256<T> c00 = Vector256<T>.Zero, c01 = Vector256<T>.Zero;
        Vector256<T> c10 = Vector256<T>.Zero, c11 = Vector256<T>.Zero;
        Vector256<T> c20 = Vector256<T>.Zero, c21 = Vector256<T>.Zero;
        Vector256<T> c30 = Vector256<T>.Zero, c31 = Vector256<T>.Zero;
        Vector256<T> c40 = Vector256<T>.Zero, c41 = Vector256<T>.Zero;
        Vector256<T> c50 = Vector256<T>.Zero, c51 = Vector256<T>.Zero;
        for (int p = 0; p < depth; p++)
        {
            ref T bRow = ref Unsafe.Add(ref panel, p * 2 * width);
            Vector256<T> b0 = Vector256.LoadUnsafe(ref bRow);
            Vector256<T> b1 = Vector256.LoadUnsafe(ref bRow, (nuint)width);
            ref T aColumn = ref Unsafe.Add(ref sliver, p * SliverHeight);
            Vector256<T> a0 = Vector256.Create(aColumn);
            c00 = Fma(a0, b0, c00);
            c01 = Fma(a0, b1, c01);
            Vector256<T> a1 = Vector256.Create(Unsafe.Add(ref aColumn, 1));
            c10 = Fma(a1, b0, c10);
            c11 = Fma(a1, b1, c11);
            Vector256<T> a2 = Vector256.Create(Unsafe.Add(ref aColumn, 2));
            c20 = Fma(a2, b0, c20);
            c21 = Fma(a2, b1, c21);
            Vector256<T> a3 = Vector256.Create(Unsafe.Add(ref aColumn, 3));
            c30 = Fma(a3, b0, c30);
            c31 = Fma(a3, b1, c31);
            Vector256<T> a4 = Vector256.Create(Unsafe.Add(ref aColumn, 4));
            c40 = Fma(a4, b0, c40);
            c41 = Fma(a4, b1, c41);
            Vector256<T> a5 = Vector256.Create(Unsafe.Add(ref aColumn, 5));
            c50 = Fma(a5, b0, c50);
            c51 = Fma(a5, b1, c51);
        }

        StoreRow(ref tile, width, c00, c01, accumulate);
        StoreRow(ref Unsafe.Add(ref tile, tileStride), width, c10, c11, accumulate);
        StoreRow(ref Unsafe.Add(ref tile, 2 * tileStride), width, c20, c21, accumulate);
        StoreRow(ref Unsafe.Add(ref tile, 3 * tileStride), width, c30, c31, accumulate);
        StoreRow(ref Unsafe.Add(ref tile, 4 * tileStride), width, c40, c41, accumulate);
        StoreRow(ref Unsafe.Add(ref tile, 5 * tileStride), width, c50, c51, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(ref T row, int width, Vector256<T> left, Vector256<T> right, bool accumulate)
    {
        if (accumulate)
        {
            left += Vector256.LoadUnsafe(ref row);
            right += Vector256.LoadUnsafe(ref row, (nuint)width);
        }

        left.StoreUnsafe(ref row);
        right.StoreUnsafe(ref row, (nuint)width);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma(Vector256<T> left, Vector256<T> right, Vector256<T> addend)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector256.FusedMultiplyAdd(left.AsSingle(), right.AsSingle(), addend.AsSingle()).As<float, T>();
        }

        if (typeof(T) == typeof(double))
        {
            return Vector256.FusedMultiplyAdd(left.AsDouble(), right.AsDouble(), addend.AsDouble()).As<double, T>();
        }

        return (left * right) + addend;
    }
}
