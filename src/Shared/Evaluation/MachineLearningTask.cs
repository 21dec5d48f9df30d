namespace SyntheticData.Evaluation;

/// <summary>The kind of model that machine-learning efficacy trains for a target column.</summary>
public enum MachineLearningTask
{
    /// <summary>A categorical or boolean target with two classes; scored with F1 of the rarer real class.</summary>
    BinaryClassification,

    /// <summary>A categorical target with more than two classes; scored with macro-averaged F1.</summary>
    MulticlassClassification,

    /// <summary>A numerical or datetime target; scored with R².</summary>
    Regression,
}
