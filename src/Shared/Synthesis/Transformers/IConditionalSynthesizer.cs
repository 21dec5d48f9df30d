using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Transformers;

/// <summary>A synthesizer that can also sample rows with one column fixed to a requested value.</summary>
public interface IConditionalSynthesizer : ISynthesizer
{
    /// <summary>Draws <paramref name="rows"/> rows whose condition column equals the requested value.</summary>
    /// <exception cref="ArgumentException">The column is not modelled, or a discrete column has no such category.</exception>
    /// <exception cref="SynthesisException">Too few generated rows matched a numeric condition within the attempt limit.</exception>
    Table Sample(int rows, int seed, SamplingCondition condition, CancellationToken cancellationToken = default);
}
