using System.Numerics;

namespace SyntheticData.Neural;

/// <summary>
/// Batch normalisation over the rows of a batch, as PyTorch's <c>BatchNorm1d</c>: in training mode
/// it normalises with the batch mean and biased variance and updates running statistics
/// (<c>running = (1 - momentum) running + momentum batch</c>, with the unbiased variance); in
/// evaluation mode it normalises with the running statistics.
/// </summary>
public sealed class BatchNorm1d<T> : Module<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates a layer for <paramref name="features"/> columns with PyTorch's defaults (momentum 0.1, epsilon 1e-5).</summary>
    public BatchNorm1d(int features, double momentum = 0.1, double epsilon = 1e-5)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        if (momentum is < 0 or > 1 || double.IsNaN(momentum))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "The momentum must be in [0, 1].");
        }

        if (!(epsilon > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Epsilon must be positive.");
        }

        Features = features;
        Momentum = momentum;
        Epsilon = epsilon;
        Weight = RegisterParameter("weight", new Tensor<T>(1, features));
        Weight.Span.Fill(T.One);
        Bias = RegisterParameter("bias", new Tensor<T>(1, features));
        RunningMean = RegisterBuffer("running_mean", new Tensor<T>(1, features));
        RunningVariance = RegisterBuffer("running_var", new Tensor<T>(1, features));
        RunningVariance.Span.Fill(T.One);
    }

    /// <summary>Number of normalised columns.</summary>
    public int Features { get; }

    /// <summary>Weight of the newest batch in the running statistics.</summary>
    public double Momentum { get; }

    /// <summary>Added to the variance before the square root.</summary>
    public double Epsilon { get; }

    /// <summary>The learned scale (gamma), 1 x features, initialised to 1.</summary>
    public Tensor<T> Weight { get; }

    /// <summary>The learned shift (beta), 1 x features, initialised to 0.</summary>
    public Tensor<T> Bias { get; }

    /// <summary>The running mean, 1 x features.</summary>
    public Tensor<T> RunningMean { get; }

    /// <summary>The running (unbiased) variance, 1 x features.</summary>
    public Tensor<T> RunningVariance { get; }

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tape<T> tape, Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Cols != Features)
        {
            throw new ArgumentException($"BatchNorm1d expects {Features} features, got {input.Cols}.", nameof(input));
        }

        T epsilon = T.CreateChecked(Epsilon);
        Tensor<T> normalised;
        if (IsTraining)
        {
            if (input.Rows < 2)
            {
                throw new ArgumentException("BatchNorm1d in training mode needs at least 2 rows per batch.", nameof(input));
            }

            Tensor<T> mean = tape.MeanOverRows(input);
            Tensor<T> centred = tape.AddRowVector(input, tape.Negate(mean));
            Tensor<T> variance = tape.MeanOverRows(tape.Square(centred));
            Tensor<T> inverseStd = tape.Power(tape.AddScalar(variance, epsilon), T.CreateChecked(-0.5));
            normalised = tape.MultiplyRowVector(centred, inverseStd);
            UpdateRunningStatistics(mean.Span, variance.Span, input.Rows);
        }
        else
        {
            Tensor<T> negatedMean = tape.Scale(tape.Constant(1, Features, RunningMean.Span), -T.One);
            Tensor<T> inverseStd = tape.Power(tape.AddScalar(tape.Constant(1, Features, RunningVariance.Span), epsilon), T.CreateChecked(-0.5));
            normalised = tape.MultiplyRowVector(tape.AddRowVector(input, negatedMean), inverseStd);
        }

        return tape.AddRowVector(tape.MultiplyRowVector(normalised, Weight), Bias);
    }

    private void UpdateRunningStatistics(ReadOnlySpan<T> mean, ReadOnlySpan<T> biasedVariance, int rows)
    {
        T momentum = T.CreateChecked(Momentum);
        T keep = T.One - momentum;
        T unbiased = T.CreateChecked(rows / (double)(rows - 1));
        Span<T> runningMean = RunningMean.Span;
        Span<T> runningVariance = RunningVariance.Span;
        for (int j = 0; j < Features; j++)
        {
            runningMean[j] = (keep * runningMean[j]) + (momentum * mean[j]);
            runningVariance[j] = (keep * runningVariance[j]) + (momentum * biasedVariance[j] * unbiased);
        }
    }
}
