using SyntheticData.Neural;

namespace SyntheticData.Synthesis.Ctgan.Internal;

/// <summary>The CTGAN generator: residual blocks that widen the input, then a linear map to the transformed width.</summary>
internal sealed class Generator : Module<float>
{
    private readonly Sequential<float> _body;

    public Generator(int inputs, IReadOnlyList<int> blockWidths, int outputs, RandomStream random)
    {
        _body = RegisterModule("seq", new Sequential<float>());
        int width = inputs;
        foreach (int blockWidth in blockWidths)
        {
            _body.Append(new ResidualBlock(width, blockWidth, random));
            width += blockWidth;
        }

        _body.Append(new Linear<float>(width, outputs, random));
    }

    public override Tensor<float> Forward(Tape<float> tape, Tensor<float> input) => _body.Forward(tape, input);
}
