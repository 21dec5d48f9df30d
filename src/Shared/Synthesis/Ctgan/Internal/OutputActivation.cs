using SyntheticData.Neural;
using SyntheticData.Synthesis.Transformers;

namespace SyntheticData.Synthesis.Ctgan.Internal;

/// <summary>Applies tanh to each offset span and gumbel-softmax to each one-hot span of the generator's output.</summary>
internal static class OutputActivation
{
    public static Tensor<float> Apply(Tape<float> tape, Tensor<float> raw, IReadOnlyList<OutputSpan> spans, float temperature, RandomStream random)
    {
        var parts = new Tensor<float>[spans.Count];
        for (int s = 0; s < spans.Count; s++)
        {
            OutputSpan span = spans[s];
            Tensor<float> slice = tape.SliceColumns(raw, span.Start, span.Width);
            parts[s] = span.Activation == SpanActivation.Tanh
                ? tape.Tanh(slice)
                : tape.GumbelSoftmax(slice, temperature, random);
        }

        return tape.ConcatColumns(parts);
    }
}
