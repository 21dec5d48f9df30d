using SyntheticData.Synthesis.Transformers;

namespace SyntheticData.Synthesis.Ctgan;

/// <summary>
/// CTGAN settings. The defaults are those of the reference implementation (Python package <c>ctgan</c>
/// 0.7 to 0.10): batch 500, 300 epochs, pac 10, Adam 2e-4 with betas (0.5, 0.9) and weight decay 1e-6.
/// </summary>
public sealed record CtganOptions
{
    /// <summary>The number of passes over the training rows.</summary>
    public int Epochs { get; init; } = 300;

    /// <summary>Rows per training step; a multiple of <see cref="Pac"/>.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Rows that the critic scores together (PacGAN).</summary>
    public int Pac { get; init; } = 10;

    /// <summary>The size of the generator's noise input.</summary>
    public int EmbeddingDimension { get; init; } = 128;

    /// <summary>The widths of the generator's residual blocks.</summary>
    public IReadOnlyList<int> GeneratorDimensions { get; init; } = [256, 256];

    /// <summary>The widths of the critic's hidden layers.</summary>
    public IReadOnlyList<int> DiscriminatorDimensions { get; init; } = [256, 256];

    /// <summary>The generator's Adam learning rate.</summary>
    public double GeneratorLearningRate { get; init; } = 2e-4;

    /// <summary>The generator's Adam weight decay (added to the gradient, as in PyTorch's Adam).</summary>
    public double GeneratorWeightDecay { get; init; } = 1e-6;

    /// <summary>The critic's Adam learning rate.</summary>
    public double DiscriminatorLearningRate { get; init; } = 2e-4;

    /// <summary>The critic's Adam weight decay.</summary>
    public double DiscriminatorWeightDecay { get; init; } = 1e-6;

    /// <summary>Critic steps per generator step.</summary>
    public int DiscriminatorSteps { get; init; } = 1;

    /// <summary>The weight of the WGAN gradient penalty.</summary>
    public double GradientPenaltyWeight { get; init; } = 10.0;

    /// <summary>When true, training-by-sampling draws categories with probability proportional to log(1 + count).</summary>
    public bool LogFrequency { get; init; } = true;

    /// <summary>
    /// When true, unconditioned sampling draws each row's condition with the log-frequency probabilities of
    /// training, as the reference does. Rare categories then come out far more often than in the training
    /// data. When false (the default), categories are drawn with their training shares.
    /// </summary>
    public bool SampleConditionsByLogFrequency { get; init; }

    /// <summary>
    /// When true (the default), unconditioned sampling sets each row's conditioned column to the category
    /// drawn for its condition vector, so that column's share follows the drawn shares exactly. The
    /// reference keeps whatever category the generator produced.
    /// </summary>
    public bool PinSampledConditions { get; init; } = true;

    /// <summary>The gumbel-softmax temperature of the generator's discrete outputs.</summary>
    public double Temperature { get; init; } = 0.2;

    /// <summary>
    /// When true (the default), sampling uses batch norm's running statistics (evaluation mode). The reference
    /// samples in training mode, so each sampling batch is normalised with its own statistics.
    /// </summary>
    public bool SampleInEvaluationMode { get; init; } = true;

    /// <summary>
    /// The number of threads for the matrix products; null uses every core. Results do not depend on it
    /// when the engine's kernels reduce in a fixed order.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Settings of the mixture models and encodings.</summary>
    public DataTransformerOptions Transformer { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> listing every invalid setting.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (Epochs < 1)
        {
            errors.Add($"Epochs must be at least 1, got {Epochs}.");
        }

        if (Pac < 1)
        {
            errors.Add($"Pac must be at least 1, got {Pac}.");
        }

        if (BatchSize < 2 || (Pac >= 1 && BatchSize % Pac != 0))
        {
            errors.Add($"BatchSize must be at least 2 and a multiple of Pac ({Pac}), got {BatchSize}.");
        }

        if (EmbeddingDimension < 1)
        {
            errors.Add($"EmbeddingDimension must be at least 1, got {EmbeddingDimension}.");
        }

        if (GeneratorDimensions is null || GeneratorDimensions.Count == 0 || GeneratorDimensions.Any(d => d < 1))
        {
            errors.Add("GeneratorDimensions must list at least one positive width.");
        }

        if (DiscriminatorDimensions is null || DiscriminatorDimensions.Count == 0 || DiscriminatorDimensions.Any(d => d < 1))
        {
            errors.Add("DiscriminatorDimensions must list at least one positive width.");
        }

        if (!(GeneratorLearningRate > 0) || !(DiscriminatorLearningRate > 0))
        {
            errors.Add("Learning rates must be positive.");
        }

        if (!(GeneratorWeightDecay >= 0) || !(DiscriminatorWeightDecay >= 0))
        {
            errors.Add("Weight decays must not be negative.");
        }

        if (DiscriminatorSteps < 1)
        {
            errors.Add($"DiscriminatorSteps must be at least 1, got {DiscriminatorSteps}.");
        }

        if (!(GradientPenaltyWeight >= 0))
        {
            errors.Add($"GradientPenaltyWeight must not be negative, got {GradientPenaltyWeight}.");
        }

        if (!(Temperature > 0))
        {
            errors.Add($"Temperature must be positive, got {Temperature}.");
        }

        if (MaxDegreeOfParallelism is < 1)
        {
            errors.Add($"MaxDegreeOfParallelism must be at least 1 when set, got {MaxDegreeOfParallelism}.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid CTGAN options: " + string.Join(" ", errors));
        }

        Transformer?.Validate();
    }
}
