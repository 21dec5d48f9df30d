namespace SyntheticData.Synthesis.Transformers;

/// <summary>The output activation that a network applies to one span of the transformed row.</summary>
public enum SpanActivation
{
    /// <summary>One value in [-1, 1]: the scaled offset of a continuous value from its mode's mean.</summary>
    Tanh,

    /// <summary>A one-hot block: a mixture mode, a category or a null indicator.</summary>
    Softmax,
}
