using System.Numerics;

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

            Span<T> p = parameter.Span;
            ReadOnlySpan<T> g = grad.Span;
            Span<T> m = firstMoments[index];
            Span<T> v = secondMoments[index];
            for (int i = 0; i < p.Length; i++)
            {
                T gradient = g[i] + (decay * p[i]);
                m[i] = (b1 * m[i]) + (oneMinusB1 * gradient);
                v[i] = (b2 * v[i]) + (oneMinusB2 * gradient * gradient);
                T denominator = (T.Sqrt(v[i]) / sqrtCorrection2) + epsilon;
                p[i] -= stepSize * m[i] / denominator;
            }
        }
    }
}
