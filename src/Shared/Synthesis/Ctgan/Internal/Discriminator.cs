using SyntheticData.Neural;

namespace SyntheticData.Synthesis.Ctgan.Internal;

/// <summary>
/// The PacGAN critic: <c>pac</c> consecutive rows (each with its condition vector) are joined into one input,
/// then hidden layers of Linear, LeakyReLU(0.2) and Dropout(0.5), and a linear map to one score.
/// </summary>
internal sealed class Discriminator : Module<float>
{
    private readonly Sequential<float> _body;

    public Discriminator(int rowWidth, IReadOnlyList<int> hiddenWidths, int pac, RandomStream random)
    {
        Pac = pac;
        PackedWidth = rowWidth * pac;
        _body = RegisterModule("seq", new Sequential<float>());
        int width = PackedWidth;
        RandomStream dropoutRandom = random.Fork();
        foreach (int hidden in hiddenWidths)
        {
            _body.Append(new Linear<float>(width, hidden, random));
            _body.Append(new LeakyRelu<float>(0.2));
            _body.Append(new Dropout<float>(0.5, dropoutRandom));
            width = hidden;
        }

        _body.Append(new Linear<float>(width, 1, random));
    }

    public int Pac { get; }

    public int PackedWidth { get; }

    /// <summary>Scores a batch of rows; the row count must be a multiple of <see cref="Pac"/>.</summary>
    public override Tensor<float> Forward(Tape<float> tape, Tensor<float> input) =>
        _body.Forward(tape, tape.Reshape(input, input.Rows / Pac, PackedWidth));
}
