namespace SyntheticData.Neural;

/// <summary>Elementwise functions of two same-shaped tensors, run by <see cref="ITensorBackend{T}.Binary"/>.</summary>
public enum BinaryKernel
{
    /// <summary><c>a + b</c>.</summary>
    Add,

    /// <summary><c>a - b</c>.</summary>
    Subtract,

    /// <summary><c>a * b</c>.</summary>
    Multiply,

    /// <summary><c>a</c> where <c>b</c> is positive, else <c>a * parameter</c> (the leaky ReLU derivative applied to <c>a</c>).</summary>
    LeakyReluMask,
}
