using SyntheticData.Neural;

namespace SyntheticData.Synthesis.Ctgan.Internal;

/// <summary>The generator's residual block: Linear, BatchNorm1d and ReLU, with the output joined to the input.</summary>
internal sealed class ResidualBlock : Module<float>
{
    private readonly Linear<float> _linear;
    private readonly BatchNorm1d<float> _batchNorm;

    public ResidualBlock(int inputs, int outputs, RandomStream random)
    {
        _linear = RegisterModule("fc", new Linear<float>(inputs, outputs, random));
        _batchNorm = RegisterModule("bn", new BatchNorm1d<float>(outputs));
    }

    public override Tensor<float> Forward(Tape<float> tape, Tensor<float> input)
    {
        Tensor<float> output = tape.Relu(_batchNorm.Forward(tape, _linear.Forward(tape, input)));
        return tape.ConcatColumns(output, input);
    }
}
