namespace SyntheticData.Neural;

/// <summary>Elementwise functions with one scalar parameter, run by <see cref="ITensorBackend{T}.Unary"/>.</summary>
public enum UnaryKernel
{
    /// <summary><c>x * parameter</c>.</summary>
    Scale,

    /// <summary><c>x + parameter</c>.</summary>
    AddScalar,

    /// <summary><c>x ^ parameter</c>.</summary>
    Power,

    /// <summary><c>e ^ x</c>.</summary>
    Exp,

    /// <summary>Natural logarithm.</summary>
    Log,

    /// <summary>Hyperbolic tangent.</summary>
    Tanh,

    /// <summary><c>x</c> where positive, else <c>x * parameter</c>.</summary>
    LeakyRelu,
}
