using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace SyntheticData.Neural.Internal;

/// <summary>Elementwise kernels that System.Numerics.Tensors does not provide directly.</summary>
internal static class ElementwiseKernels
{
    public static void Power<T>(ReadOnlySpan<T> x, T exponent, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (exponent == T.CreateChecked(2))
        {
            TensorPrimitives.Multiply(x, x, output);
        }
        else if (exponent == T.CreateChecked(0.5))
        {
            TensorPrimitives.Sqrt(x, output);
        }
        else if (exponent == T.One)
        {
            x.CopyTo(output);
        }
        else if (exponent == -T.One)
        {
            TensorPrimitives.Divide(T.One, x, output);
        }
        else
        {
            TensorPrimitives.Pow(x, exponent, output);
        }
    }

    public static void LeakyRelu<T>(ReadOnlySpan<T> x, T slope, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector256<T>.Count;
        int vectorEnd = Vector256.IsHardwareAccelerated ? x.Length - (x.Length % width) : 0;
        Vector256<T> slopes = Vector256.Create(slope);
        for (int i = 0; i < vectorEnd; i += width)
        {
            Vector256<T> value = Vector256.Create(x.Slice(i, width));
            Vector256.ConditionalSelect(Vector256.GreaterThan(value, Vector256<T>.Zero), value, value * slopes).CopyTo(output.Slice(i, width));
        }

        for (int i = vectorEnd; i < x.Length; i++)
        {
            T value = x[i];
            output[i] = value > T.Zero ? value : value * slope;
        }
    }

    public static void LeakyReluMask<T>(ReadOnlySpan<T> gradient, ReadOnlySpan<T> x, T slope, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector256<T>.Count;
        int vectorEnd = Vector256.IsHardwareAccelerated ? x.Length - (x.Length % width) : 0;
        Vector256<T> slopes = Vector256.Create(slope);
        for (int i = 0; i < vectorEnd; i += width)
        {
            Vector256<T> value = Vector256.Create(x.Slice(i, width));
            Vector256<T> g = Vector256.Create(gradient.Slice(i, width));
            Vector256.ConditionalSelect(Vector256.GreaterThan(value, Vector256<T>.Zero), g, g * slopes).CopyTo(output.Slice(i, width));
        }

        for (int i = vectorEnd; i < x.Length; i++)
        {
            output[i] = x[i] > T.Zero ? gradient[i] : gradient[i] * slope;
        }
    }

    /// <summary>Computes a stable softmax (or log-softmax) of one row by subtracting its maximum first.</summary>
    public static void Softmax<T>(ReadOnlySpan<T> x, bool logarithm, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Length == 0)
        {
            return;
        }

        T max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, output);
        if (logarithm)
        {
            // log softmax = (x - max) - log(sum(exp(x - max))); exp goes through a temporary pass in output.
            T sum = T.Zero;
            foreach (T shifted in output)
            {
                sum += T.Exp(shifted);
            }

            TensorPrimitives.Subtract(output, T.Log(sum), output);
        }
        else
        {
            TensorPrimitives.Exp(output, output);
            T sum = TensorPrimitives.Sum<T>(output);
            TensorPrimitives.Divide(output, sum, output);
        }
    }
}
