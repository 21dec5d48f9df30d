namespace SyntheticData.Synthesis.Transformers;

/// <summary>A contiguous block of the transformed row with one activation.</summary>
/// <param name="Start">The index of the block's first value in the transformed row.</param>
/// <param name="Width">The number of values in the block.</param>
/// <param name="Activation">The activation that maps network outputs into this block.</param>
public readonly record struct OutputSpan(int Start, int Width, SpanActivation Activation);
