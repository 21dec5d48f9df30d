namespace SyntheticData.Evaluation;

/// <summary>
/// Settings of machine-learning efficacy: the FastTree model's size (binary and regression targets) and the seed
/// that makes training repeatable.
/// </summary>
public sealed record MachineLearningEfficacyOptions
{
    private readonly int _numberOfTrees = 100;
    private readonly int _numberOfLeaves = 20;
    private readonly int _maxCategoriesPerColumn = 50;

    /// <summary>The number of boosted trees. Default 100.</summary>
    public int NumberOfTrees
    {
        get => _numberOfTrees;
        init => _numberOfTrees = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(NumberOfTrees), value, "The number of trees must be positive.");
    }

    /// <summary>The maximum number of leaves per tree. Default 20.</summary>
    public int NumberOfLeaves
    {
        get => _numberOfLeaves;
        init => _numberOfLeaves = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(NumberOfLeaves), value, "A tree needs at least 2 leaves.");
    }

    /// <summary>The most frequent categories of a feature column that get their own one-hot feature; the rest share one. Default 50.</summary>
    public int MaxCategoriesPerColumn
    {
        get => _maxCategoriesPerColumn;
        init => _maxCategoriesPerColumn = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxCategoriesPerColumn), value, "The category limit must be positive.");
    }

    /// <summary>The seed of ML.NET's context. Training runs on one thread so that the same seed gives the same scores.</summary>
    public int Seed { get; init; }

    /// <summary>The defaults: 100 trees of 20 leaves, 50 categories per column, seed 0.</summary>
    public static MachineLearningEfficacyOptions Default { get; } = new();
}
