using SyntheticData.Synthesis.Transformers;

namespace SyntheticData.Synthesis.Tvae;

/// <summary>
/// TVAE settings. The defaults are those of the reference implementation (Python package <c>ctgan</c>
/// 0.7 to 0.10): two hidden layers of 128, a 128-dimensional latent space, Adam 1e-3 with weight decay
/// 1e-5, batch 500, 300 epochs and a loss factor of 2.
/// </summary>
public sealed record TvaeOptions
{
    /// <summary>The number of passes over the training rows.</summary>
    public int Epochs { get; init; } = 300;

    /// <summary>Rows per training step; the last batch of an epoch may be smaller.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>The size of the latent space.</summary>
    public int EmbeddingDimension { get; init; } = 128;

    /// <summary>The widths of the encoder's hidden layers.</summary>
    public IReadOnlyList<int> CompressDimensions { get; init; } = [128, 128];

    /// <summary>The widths of the decoder's hidden layers.</summary>
    public IReadOnlyList<int> DecompressDimensions { get; init; } = [128, 128];

    /// <summary>The Adam learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>The Adam weight decay (added to the gradient, as in PyTorch's Adam).</summary>
    public double WeightDecay { get; init; } = 1e-5;

    /// <summary>The weight of the reconstruction loss against the KL divergence.</summary>
    public double LossFactor { get; init; } = 2.0;

    /// <summary>The number of threads for the matrix products; null uses every core.</summary>
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

        if (BatchSize < 1)
        {
            errors.Add($"BatchSize must be at least 1, got {BatchSize}.");
        }

        if (EmbeddingDimension < 1)
        {
            errors.Add($"EmbeddingDimension must be at least 1, got {EmbeddingDimension}.");
        }

        if (CompressDimensions is null || CompressDimensions.Any(d => d < 1) || DecompressDimensions is null || DecompressDimensions.Any(d => d < 1))
        {
            errors.Add("Hidden layer widths must be positive.");
        }

        if (!(LearningRate > 0))
        {
            errors.Add($"LearningRate must be positive, got {LearningRate}.");
        }

        if (!(WeightDecay >= 0))
        {
            errors.Add($"WeightDecay must not be negative, got {WeightDecay}.");
        }

        if (!(LossFactor > 0))
        {
            errors.Add($"LossFactor must be positive, got {LossFactor}.");
        }

        if (MaxDegreeOfParallelism is < 1)
        {
            errors.Add($"MaxDegreeOfParallelism must be at least 1 when set, got {MaxDegreeOfParallelism}.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid TVAE options: " + string.Join(" ", errors));
        }

        Transformer?.Validate();
    }
}
