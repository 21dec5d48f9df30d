using System.Numerics;
using System.Runtime.Intrinsics;

namespace SyntheticData.Neural;

/// <summary>
/// The Adam optimiser with PyTorch's update order (torch.optim.Adam, amsgrad off): the weight
/// decay is added to the gradient, then <c>p -= (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)</c>.
/// </summary>
public sealed class Adam<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T>[] parameters;
    private readonly T[][] firstMoments;
    private readonly T[][] secondMoments;

    /// <summary>Creates an optimiser for <paramref name="parameters"/>; the options are validated here.</summary>
    public Adam(IEnumerable<Tensor<T>> parameters, AdamOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Options = options ?? new AdamOptions();
        Options.Validate();
        this.parameters = parameters.ToArray();
        firstMoments = this.parameters.Select(p => new T[p.Length]).ToArray();
        secondMoments = this.parameters.Select(p => new T[p.Length]).ToArray();
    }

    /// <summary>The optimiser's settings.</summary>
    public AdamOptions Options { get; }

    /// <summary>Number of steps taken so far.</summary>
    public long StepCount { get; private set; }

    /// <summary>The parameters this optimiser updates.</summary>
    public IReadOnlyList<Tensor<T>> Parameters => parameters;

    /// <summary>Sets the gradient of every parameter to zero, before the next backward pass.</summary>
    public void ZeroGrad()
    {
        foreach (Tensor<T> parameter in parameters)
        {
            parameter.Grad?.Clear();
        }
    }

    /// <summary>Updates every parameter that has a gradient; parameters without one are left unchanged.</summary>
    public void Step()
    {
        StepCount++;
        double beta1 = Options.Beta1;
        double beta2 = Options.Beta2;
        double biasCorrection1 = 1 - Math.Pow(beta1, StepCount);
        double biasCorrection2 = 1 - Math.Pow(beta2, StepCount);
        T stepSize = T.CreateChecked(Options.LearningRate / biasCorrection1);
        T sqrtCorrection2 = T.CreateChecked(Math.Sqrt(biasCorrection2));
        T b1 = T.CreateChecked(beta1);
        T b2 = T.CreateChecked(beta2);
        T oneMinusB1 = T.CreateChecked(1 - beta1);
        T oneMinusB2 = T.CreateChecked(1 - beta2);
        T epsilon = T.CreateChecked(Options.Epsilon);
        T decay = T.CreateChecked(Options.WeightDecay);
        for (int index = 0; index < parameters.Length; index++)
        {
            Tensor<T> parameter = parameters[index];
            if (parameter.Grad is not { } grad)
            {
                continue;
            }

            Update(parameter.Span, grad.Span, firstMoments[index], secondMoments[index], new StepConstants(b1, b2, oneMinusB1, oneMinusB2, decay, stepSize, sqrtCorrection2, epsilon));
        }
    }

    private static void Update(Span<T> p, ReadOnlySpan<T> g, Span<T> m, Span<T> v, StepConstants k)
    {
        int width = Vector256<T>.Count;
        int vectorEnd = Vector256.IsHardwareAccelerated ? p.Length - (p.Length % width) : 0;
        for (int i = 0; i < vectorEnd; i += width)
        {
            Vector256<T> parameter = Vector256.Create<T>(p.Slice(i, width));
            Vector256<T> gradient = Vector256.Create<T>(g.Slice(i, width)) + (Vector256.Create(k.Decay) * parameter);
            Vector256<T> first = (Vector256.Create(k.Beta1) * Vector256.Create<T>(m.Slice(i, width))) + (Vector256.Create(k.OneMinusBeta1) * gradient);
            Vector256<T> second = (Vector256.Create(k.Beta2) * Vector256.Create<T>(v.Slice(i, width))) + (Vector256.Create(k.OneMinusBeta2) * gradient * gradient);
            Vector256<T> denominator = (Vector256.Sqrt(second) / Vector256.Create(k.SqrtCorrection2)) + Vector256.Create(k.Epsilon);
            parameter -= Vector256.Create(k.StepSize) * first / denominator;
            first.CopyTo(m.Slice(i, width));
            second.CopyTo(v.Slice(i, width));
            parameter.CopyTo(p.Slice(i, width));
        }

        // The same arithmetic, element by element, for the tail.
        for (int i = vectorEnd; i < p.Length; i++)
        {
            T gradient = g[i] + (k.Decay * p[i]);
            m[i] = (k.Beta1 * m[i]) + (k.OneMinusBeta1 * gradient);
            v[i] = (k.Beta2 * v[i]) + (k.OneMinusBeta2 * gradient * gradient);
            T denominator = (T.Sqrt(v[i]) / k.SqrtCorrection2) + k.Epsilon;
            p[i] -= k.StepSize * m[i] / denominator;
        }
    }

    private readonly record struct StepConstants(T Beta1, T Beta2, T OneMinusBeta1, T OneMinusBeta2, T Decay, T StepSize, T SqrtCorrection2, T Epsilon);
}
