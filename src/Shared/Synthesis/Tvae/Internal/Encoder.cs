using SyntheticData.Neural;

namespace SyntheticData.Synthesis.Tvae.Internal;

/// <summary>The TVAE encoder: Linear and ReLU layers, then linear maps to the latent mean and log-variance.</summary>
internal sealed class Encoder : Module<float>
{
    private readonly Sequential<float> _body;
    private readonly Linear<float> _mean;
    private readonly Linear<float> _logVariance;

    public Encoder(int inputs, IReadOnlyList<int> hidden, int embedding, RandomStream random)
    {
        _body = RegisterModule("seq", new Sequential<float>());
        int width = inputs;
        foreach (int layer in hidden)
        {
            _body.Append(new Linear<float>(width, layer, random));
            _body.Append(new Relu<float>());
            width = layer;
        }

        _mean = RegisterModule("fc1", new Linear<float>(width, embedding, random));
        _logVariance = RegisterModule("fc2", new Linear<float>(width, embedding, random));
    }

    /// <summary>Returns the hidden features; use <see cref="Encode"/> for the mean and log-variance.</summary>
    public override Tensor<float> Forward(Tape<float> tape, Tensor<float> input) => _body.Forward(tape, input);

    /// <summary>Returns the latent mean and log-variance of each row.</summary>
    public (Tensor<float> Mean, Tensor<float> LogVariance) Encode(Tape<float> tape, Tensor<float> input)
    {
        Tensor<float> features = Forward(tape, input);
        return (_mean.Forward(tape, features), _logVariance.Forward(tape, features));
    }
}
