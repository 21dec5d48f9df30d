using System.Numerics;
using SyntheticData.Neural.Internal;

namespace SyntheticData.Neural;

/// <summary>
/// A dense row-major matrix of <typeparamref name="T"/> (rows by columns; a vector is one row) that
/// can take part in reverse-mode automatic differentiation on a <see cref="Tape{T}"/>.
/// </summary>
/// <remarks>
/// Tensors created by tape operations live in the tape's arena. <see cref="Tape{T}.Reset"/> hands
/// them out again for the next step, so a reference kept across a reset reads the later step's values.
/// Tensors made with the public constructor (parameters, persistent buffers) are never reused.
/// </remarks>
public sealed class Tensor<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] owned;

    /// <summary>Creates a zero-filled tensor that no tape owns, such as a parameter.</summary>
    public Tensor(int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        owned = new T[checked(rows * cols)];
        Buffer = owned;
        Rows = rows;
        Cols = cols;
        Index = -1;
    }

    /// <summary>Creates an arena slot for <paramref name="tape"/>; its shape is set on each use.</summary>
    internal Tensor(Tape<T> tape)
    {
        owned = [];
        Buffer = owned;
        Owner = tape;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; private set; }

    /// <summary>Number of columns.</summary>
    public int Cols { get; private set; }

    /// <summary>Number of elements, <c>Rows * Cols</c>.</summary>
    public int Length => Rows * Cols;

    /// <summary>The elements in row-major order.</summary>
    public Span<T> Span => Buffer.AsSpan(0, Length);

    /// <summary>
    /// Whether gradients flow to this tensor. Set it on leaves (parameters, or tape inputs whose
    /// gradient <see cref="Tape{T}.Gradient"/> should return); the tape sets it on operation results.
    /// </summary>
    public bool RequiresGrad
    {
        get => requiresGrad;
        set
        {
            if (Op != OpCode.Leaf)
            {
                throw new InvalidOperationException("RequiresGrad can only be set on a leaf tensor, not on the result of an operation.");
            }

            requiresGrad = value;
        }
    }

    /// <summary>
    /// The gradient accumulated by <see cref="Tape{T}.Backward"/> for a tensor that no tape owns
    /// (a parameter); null until the first backward pass reaches it.
    /// </summary>
    public Tensor<T>? Grad { get; internal set; }

    /// <summary>Whether this tensor is an input rather than the result of a recorded operation.</summary>
    public bool IsLeaf => Op == OpCode.Leaf;

    /// <summary>Gets or sets the element at <paramref name="row"/>, <paramref name="col"/>.</summary>
    public T this[int row, int col]
    {
        get
        {
            CheckIndex(row, col);
            return Buffer[(row * Cols) + col];
        }

        set
        {
            CheckIndex(row, col);
            Buffer[(row * Cols) + col] = value;
        }
    }

    internal T[] Buffer;
    internal Tape<T>? Owner;
    internal int Index;
    internal bool requiresGrad;
    internal OpCode Op;
    internal Tensor<T>? A;
    internal Tensor<T>? B;
    internal T Scalar;
    internal int IntArg;
    internal bool TransposeA;
    internal bool TransposeB;
    internal int[]? Indices;
    internal List<Tensor<T>>? Inputs;
    internal Tensor<T>? PendingGrad;
    internal int PathStamp;

    // Set on a gradient sum that only one input's PendingGrad refers to, so later terms may be added in place.
    internal bool IsPrivateGrad;

    /// <summary>Creates a tensor that no tape owns from row-major <paramref name="values"/>.</summary>
    public static Tensor<T> FromSpan(int rows, int cols, ReadOnlySpan<T> values)
    {
        var tensor = new Tensor<T>(rows, cols);
        if (values.Length != tensor.Length)
        {
            throw new ArgumentException($"Expected {tensor.Length} values for a {rows}x{cols} tensor, got {values.Length}.", nameof(values));
        }

        values.CopyTo(tensor.Span);
        return tensor;
    }

    /// <summary>Returns the elements of row <paramref name="row"/>.</summary>
    public Span<T> RowSpan(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return Buffer.AsSpan(row * Cols, Cols);
    }

    /// <summary>Copies the elements into a new array, in row-major order.</summary>
    public T[] ToArray() => Span.ToArray();

    /// <summary>Sets every element to zero.</summary>
    public void Clear() => Span.Clear();

    /// <summary>Returns the shape as text, such as <c>500x256</c>.</summary>
    public override string ToString() => $"Tensor {Rows}x{Cols}";

    /// <summary>Prepares an arena slot for a new use with the given shape; keeps its storage when large enough.</summary>
    internal void ResetSlot(int index, int rows, int cols)
    {
        int length = rows * cols;
        if (owned.Length < length)
        {
            owned = new T[length];
        }

        Buffer = owned;
        Rows = rows;
        Cols = cols;
        Index = index;
        requiresGrad = false;
        Op = OpCode.Leaf;
        A = null;
        B = null;
        Scalar = T.Zero;
        IntArg = 0;
        TransposeA = false;
        TransposeB = false;
        Indices = null;
        Inputs?.Clear();
        PendingGrad = null;
        PathStamp = 0;
        IsPrivateGrad = false;
    }

    /// <summary>Makes this slot a view of <paramref name="source"/>'s storage with another shape.</summary>
    internal void ShareStorage(Tensor<T> source) => Buffer = source.Buffer;

    private void CheckIndex(int row, int col)
    {
        if ((uint)row >= (uint)Rows || (uint)col >= (uint)Cols)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"Index ({row}, {col}) is outside a {Rows}x{Cols} tensor.");
        }
    }
}
