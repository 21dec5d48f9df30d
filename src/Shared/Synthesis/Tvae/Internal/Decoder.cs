using SyntheticData.Neural;

namespace SyntheticData.Synthesis.Tvae.Internal;

/// <summary>
/// The TVAE decoder: Linear and ReLU layers to the transformed width, plus a learned per-output standard
/// deviation (initialised to 0.1) for the offset values.
/// </summary>
internal sealed class Decoder : Module<float>
{
    private readonly Sequential<float> _body;

    public Decoder(int embedding, IReadOnlyList<int> hidden, int outputs, RandomStream random)
    {
        _body = RegisterModule("seq", new Sequential<float>());
        int width = embedding;
        foreach (int layer in hidden)
        {
            _body.Append(new Linear<float>(width, layer, random));
            _body.Append(new Relu<float>());
            width = layer;
        }

        _body.Append(new Linear<float>(width, outputs, random));
        Sigma = RegisterParameter("sigma", new Tensor<float>(1, outputs));
        Sigma.Span.Fill(0.1f);
    }

    /// <summary>The learned standard deviation of each output, 1 x outputs.</summary>
    public Tensor<float> Sigma { get; }

    public override Tensor<float> Forward(Tape<float> tape, Tensor<float> input) => _body.Forward(tape, input);
}
