using System.Numerics;
using SyntheticData.Neural.Internal;

namespace SyntheticData.Neural;

/// <summary>
/// Records tensor operations for reverse-mode automatic differentiation and owns the arena their
/// results live in. One tape serves one training loop: run a step, call <see cref="Reset"/>, repeat.
/// </summary>
/// <remarks>
/// The backward pass is written with the same recorded operations, so with
/// <c>createGraph: true</c> the gradients are themselves differentiable (the WGAN gradient penalty
/// differentiates a gradient norm again). Results are allocated from slots that are reused in the
/// same order after each <see cref="Reset"/>, so a step whose shapes repeat allocates nothing.
/// </remarks>
public sealed partial class Tape<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Tensor<T>> slots = [];
    private readonly List<Tensor<T>> touchedLeaves = [];
    private int used;
    private bool recording = true;

    // While pruning, only nodes stamped with pathStamp (those that depend on the requested input) get gradients.
    private bool pruning;
    private int pathStamp;

    /// <summary>Creates a tape that runs its kernels on <paramref name="backend"/>, or on a CPU backend with all cores.</summary>
    public Tape(ITensorBackend<T>? backend = null)
    {
        Backend = backend ?? new CpuBackend<T>();
    }

    /// <summary>The backend that runs the kernels.</summary>
    public ITensorBackend<T> Backend { get; }

    /// <summary>
    /// Whether new operations are recorded for differentiation (true by default). Set it to false
    /// for inference: results then never require gradients.
    /// </summary>
    public bool GradEnabled { get; set; } = true;

    /// <summary>Number of arena slots in use since the last <see cref="Reset"/>.</summary>
    public int Count => used;

    /// <summary>Makes every tensor the tape handed out since the last reset available for reuse.</summary>
    public void Reset() => used = 0;

    /// <summary>Returns a zero-filled leaf tensor from the arena, for inputs such as a batch or noise.</summary>
    public Tensor<T> Zeros(int rows, int cols)
    {
        Tensor<T> tensor = NextSlot(rows, cols);
        tensor.Span.Clear();
        return tensor;
    }

    /// <summary>Returns a leaf tensor from the arena holding a copy of row-major <paramref name="values"/>.</summary>
    public Tensor<T> Constant(int rows, int cols, ReadOnlySpan<T> values)
    {
        Tensor<T> tensor = NextSlot(rows, cols);
        if (values.Length != tensor.Length)
        {
            throw new ArgumentException($"Expected {tensor.Length} values for a {rows}x{cols} tensor, got {values.Length}.", nameof(values));
        }

        values.CopyTo(tensor.Span);
        return tensor;
    }

    /// <summary>Returns a 1 x 1 leaf tensor holding <paramref name="value"/>.</summary>
    public Tensor<T> Scalar(T value)
    {
        Tensor<T> tensor = NextSlot(1, 1);
        tensor.Buffer[0] = value;
        return tensor;
    }

    /// <summary>
    /// Computes the gradient of the scalar <paramref name="loss"/> and adds it to
    /// <see cref="Tensor{T}.Grad"/> of every parameter (a tensor no tape owns) with
    /// <see cref="Tensor{T}.RequiresGrad"/> set, as PyTorch's <c>backward</c> does.
    /// </summary>
    /// <remarks>NOTE: unlike PyTorch, a loss that depends on no parameter is not an error; nothing changes.</remarks>
    public void Backward(Tensor<T> loss)
    {
        RunBackward(loss, createGraph: false, target: null);
        foreach (Tensor<T> leaf in touchedLeaves)
        {
            Tensor<T> pending = leaf.PendingGrad!;
            leaf.Grad ??= new Tensor<T>(leaf.Rows, leaf.Cols);
            System.Numerics.Tensors.TensorPrimitives.Add(leaf.Grad.Span, pending.Span, leaf.Grad.Span);
            leaf.PendingGrad = null;
        }

        touchedLeaves.Clear();
    }

    /// <summary>
    /// Returns the gradient of the scalar <paramref name="output"/> with respect to
    /// <paramref name="input"/> (zeros when it does not depend on it), as PyTorch's
    /// <c>torch.autograd.grad</c>. With <paramref name="createGraph"/> the gradient is recorded and
    /// can itself be differentiated. Parameters' <see cref="Tensor{T}.Grad"/> is left unchanged.
    /// </summary>
    public Tensor<T> Gradient(Tensor<T> output, Tensor<T> input, bool createGraph = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        RunBackward(output, createGraph, input);
        Tensor<T>? gradient = input.PendingGrad;
        foreach (Tensor<T> leaf in touchedLeaves)
        {
            leaf.PendingGrad = null;
        }

        touchedLeaves.Clear();
        return gradient ?? Zeros(input.Rows, input.Cols);
    }

    /// <summary>Hands out the next arena slot, shaped <paramref name="rows"/> by <paramref name="cols"/>, as a leaf.</summary>
    internal Tensor<T> NextSlot(int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        Tensor<T> tensor;
        if (used < slots.Count)
        {
            tensor = slots[used];
        }
        else
        {
            tensor = new Tensor<T>(this);
            slots.Add(tensor);
        }

        tensor.ResetSlot(used, rows, cols);
        used++;
        return tensor;
    }

    private void RunBackward(Tensor<T> output, bool createGraph, Tensor<T>? target)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Owner != this || output.Index >= used || slots[output.Index] != output)
        {
            throw new ArgumentException("The output was not produced by this tape since its last reset.", nameof(output));
        }

        if (output.Length != 1)
        {
            throw new ArgumentException($"Gradients start from a scalar; the output is {output.Rows}x{output.Cols}.", nameof(output));
        }

        int last = output.Index;
        for (int i = 0; i <= last; i++)
        {
            slots[i].PendingGrad = null;
        }

        touchedLeaves.Clear();
        if (!output.RequiresGrad || !MarkPath(target, last))
        {
            return;
        }

        bool wasRecording = recording;
        recording = createGraph;
        try
        {
            output.PendingGrad = Scalar(T.One);
            for (int i = last; i >= 0; i--)
            {
                Tensor<T> node = slots[i];
                if (node.PendingGrad is { } gradient && node.Op != OpCode.Leaf)
                {
                    Propagate(node, gradient);
                }
            }
        }
        finally
        {
            recording = wasRecording;
            pruning = false;
        }
    }

    /// <summary>
    /// Stamps the nodes between a tape-owned <paramref name="target"/> and slot <paramref name="last"/>
    /// that depend on it, so the backward pass skips gradients that were not requested (such as
    /// weight gradients inside a gradient penalty). Returns false when the output does not depend on the target.
    /// </summary>
    private bool MarkPath(Tensor<T>? target, int last)
    {
        if (target is null || target.Owner != this || target.Index > last || slots[target.Index] != target)
        {
            return true;
        }

        pathStamp++;
        pruning = true;
        target.PathStamp = pathStamp;
        for (int i = target.Index + 1; i <= last; i++)
        {
            Tensor<T> node = slots[i];
            if (node.Op != OpCode.Leaf && DependsOnPath(node))
            {
                node.PathStamp = pathStamp;
            }
        }

        pruning = slots[last].PathStamp == pathStamp;
        return pruning;
    }

    private bool DependsOnPath(Tensor<T> node)
    {
        if (node.A?.PathStamp == pathStamp || node.B?.PathStamp == pathStamp)
        {
            return true;
        }

        if (node.Inputs is { } inputs)
        {
            foreach (Tensor<T> input in inputs)
            {
                if (input.PathStamp == pathStamp)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the backward pass in progress should compute a gradient for <paramref name="input"/>.</summary>
    private bool NeedsGradient(Tensor<T> input) => input.RequiresGrad && (!pruning || input.PathStamp == pathStamp);

    /// <summary>Adds <paramref name="contribution"/> to the gradient being accumulated for <paramref name="input"/>.</summary>
    private void Accumulate(Tensor<T> input, Tensor<T> contribution)
    {
        if (input.PendingGrad is null)
        {
            // The contribution may also be handed to other inputs (an Add passes its gradient to
            // both operands), so it must not be modified in place from now on.
            contribution.IsPrivateGrad = false;
            input.PendingGrad = contribution;
            if (input.Owner != this)
            {
                touchedLeaves.Add(input);
            }
        }
        else if (!recording && input.PendingGrad.IsPrivateGrad)
        {
            Tensor<T> sum = input.PendingGrad;
            System.Numerics.Tensors.TensorPrimitives.Add(sum.Span, contribution.Span, sum.Span);
        }
        else
        {
            Tensor<T> sum = Add(input.PendingGrad, contribution);
            sum.IsPrivateGrad = !recording;
            input.PendingGrad = sum;
        }
    }

    /// <summary>Adds <paramref name="contribution"/> into columns from <paramref name="start"/> of the gradient being accumulated for <paramref name="input"/>; used only when not recording.</summary>
    private void AccumulateColumns(Tensor<T> input, Tensor<T> contribution, int start)
    {
        Tensor<T> sum;
        if (input.PendingGrad is { IsPrivateGrad: true } existing)
        {
            sum = existing;
        }
        else
        {
            sum = NextSlot(input.Rows, input.Cols);
            if (input.PendingGrad is { } shared)
            {
                shared.Span.CopyTo(sum.Span);
            }
            else
            {
                sum.Span.Clear();
                if (input.Owner != this)
                {
                    touchedLeaves.Add(input);
                }
            }

            sum.IsPrivateGrad = true;
            input.PendingGrad = sum;
        }

        int cols = contribution.Cols;
        for (int i = 0; i < input.Rows; i++)
        {
            Span<T> target = sum.Buffer.AsSpan((i * sum.Cols) + start, cols);
            System.Numerics.Tensors.TensorPrimitives.Add(target, contribution.Buffer.AsSpan(i * cols, cols), target);
        }
    }
}
