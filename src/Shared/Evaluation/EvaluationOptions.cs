namespace SyntheticData.Evaluation;

/// <summary>Settings of a whole evaluation: each metric family's options and the release gates.</summary>
public sealed record EvaluationOptions
{
    /// <summary>The quality report's thresholds.</summary>
    public QualityReportOptions Quality { get; init; } = QualityReportOptions.Default;

    /// <summary>Sampling, seed and tolerance of the privacy metrics.</summary>
    public PrivacyOptions Privacy { get; init; } = PrivacyOptions.Default;

    /// <summary>The model of machine-learning efficacy.</summary>
    public MachineLearningEfficacyOptions MachineLearning { get; init; } = MachineLearningEfficacyOptions.Default;

    /// <summary>The release thresholds.</summary>
    public EvaluationGates Gates { get; init; } = EvaluationGates.None;

    /// <summary>The defaults, with no gates.</summary>
    public static EvaluationOptions Default { get; } = new();
}
