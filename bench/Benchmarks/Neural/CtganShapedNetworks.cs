using SyntheticData.Neural;

namespace SyntheticData.Benchmarks.Neural;

/// <summary>
/// A generator and a PacGAN critic with CTGAN's default architecture, and one training step of
/// each as CTGAN's reference fit loop runs it, on synthetic data of a chosen transformed width.
/// </summary>
internal sealed class CtganShapedNetworks
{
    private const int NoiseWidth = 128;
    private const int Pac = 10;
    private const float PenaltyWeight = 10f;
    private const float GumbelTemperature = 0.2f;

    private readonly Tape<float> tape;
    private readonly RandomStream random;
    private readonly Sequential<float> generator;
    private readonly Sequential<float> critic;
    private readonly Adam<float> generatorOptimizer;
    private readonly Adam<float> criticOptimizer;
    private readonly (int Start, int Width, bool IsAlpha)[] spans;
    private readonly (int Start, int Width)[] discreteSpans;
    private readonly int dataWidth;
    private readonly int conditionWidth;
    private readonly int batch;
    private readonly Tensor<float> realData;
    private readonly int[][] targets;
    private readonly int[] chosenColumn;
    private readonly float[] columnMask;
    private readonly Tensor<float>[] activatedParts;
    private readonly IReadOnlyList<Tensor<float>> criticParameters;

    public CtganShapedNetworks(int batch, int[] continuousModes, int[] categoryCounts, int threads, ulong seed)
    {
        this.batch = batch;
        random = new RandomStream(seed);
        tape = new Tape<float>(new CpuBackend<float>(threads));
        var spanList = new List<(int, int, bool)>();
        int offset = 0;
        foreach (int modes in continuousModes)
        {
            spanList.Add((offset, 1, true));
            spanList.Add((offset + 1, modes, false));
            offset += 1 + modes;
        }

        var discrete = new List<(int, int)>();
        foreach (int categories in categoryCounts)
        {
            spanList.Add((offset, categories, false));
            discrete.Add((offset, categories));
            offset += categories;
        }

        spans = [.. spanList];
        discreteSpans = [.. discrete];
        dataWidth = offset;
        conditionWidth = categoryCounts.Sum();

        generator = new Sequential<float>(
            new ResidualBlock(NoiseWidth + conditionWidth, 256, random),
            new ResidualBlock(NoiseWidth + conditionWidth + 256, 256, random),
            new Linear<float>(NoiseWidth + conditionWidth + 512, dataWidth, random));
        int criticInput = Pac * (dataWidth + conditionWidth);
        critic = new Sequential<float>(
            new Linear<float>(criticInput, 256, random),
            new LeakyRelu<float>(0.2),
            new Dropout<float>(0.5, random.Fork()),
            new Linear<float>(256, 256, random),
            new LeakyRelu<float>(0.2),
            new Dropout<float>(0.5, random.Fork()),
            new Linear<float>(256, 1, random));
        var adam = new AdamOptions { LearningRate = 2e-4, Beta1 = 0.5, Beta2 = 0.9, WeightDecay = 1e-6 };
        generatorOptimizer = new Adam<float>(generator.Parameters(), adam);
        criticParameters = critic.Parameters();
        criticOptimizer = new Adam<float>(criticParameters, adam);

        realData = new Tensor<float>(batch, dataWidth);
        random.FillUniform(realData.Span, 0, 1);
        targets = discreteSpans.Select(_ => new int[batch]).ToArray();
        chosenColumn = new int[batch];
        columnMask = new float[batch];
        activatedParts = new Tensor<float>[spans.Length];
    }

    public int DataWidth => dataWidth;

    public int ConditionWidth => conditionWidth;

    public float LastCriticLoss { get; private set; }

    public float LastGeneratorLoss { get; private set; }

    /// <summary>Runs one critic step (with gradient penalty) and one generator step.</summary>
    public void Step()
    {
        tape.Reset();
        CriticStep();
        tape.Reset();
        GeneratorStep();
    }

    private void CriticStep()
    {
        Tensor<float> condition = SampleCondition();

        // The generator's output is a constant for the critic step, so nothing is recorded for it.
        tape.GradEnabled = false;
        Tensor<float> fake = Activate(generator.Forward(tape, tape.ConcatColumns(Noise(), condition)));
        tape.GradEnabled = true;

        Tensor<float> fakeInput = tape.ConcatColumns(fake, condition);
        Tensor<float> realInput = tape.ConcatColumns(tape.Detach(realData), condition);
        Tensor<float> fakeScore = Critic(fakeInput);
        Tensor<float> realScore = Critic(realInput);
        Tensor<float> penalty = GradientPenalty(realInput, fakeInput);
        Tensor<float> loss = tape.Add(tape.Subtract(tape.Mean(fakeScore), tape.Mean(realScore)), penalty);
        criticOptimizer.ZeroGrad();
        tape.Backward(loss);
        criticOptimizer.Step();
        LastCriticLoss = loss.Span[0];
    }

    private void GeneratorStep()
    {
        Tensor<float> condition = SampleCondition();
        Tensor<float> raw = generator.Forward(tape, tape.ConcatColumns(Noise(), condition));
        Tensor<float> fake = Activate(raw);

        // The critic's weight gradients are unused in this step, so they are not computed.
        SetRequiresGrad(criticParameters, false);
        Tensor<float> score = Critic(tape.ConcatColumns(fake, condition));
        Tensor<float> loss = tape.Add(tape.Negate(tape.Mean(score)), ConditionLoss(raw));
        generatorOptimizer.ZeroGrad();
        tape.Backward(loss);
        SetRequiresGrad(criticParameters, true);
        generatorOptimizer.Step();
        LastGeneratorLoss = loss.Span[0];
    }

    private static void SetRequiresGrad(IReadOnlyList<Tensor<float>> parameters, bool value)
    {
        // An index loop, because enumerating through the interface would allocate every step.
        for (int i = 0; i < parameters.Count; i++)
        {
            parameters[i].RequiresGrad = value;
        }
    }

    private Tensor<float> Critic(Tensor<float> input) =>
        critic.Forward(tape, tape.Reshape(input, input.Rows / Pac, input.Cols * Pac));

    /// <summary>WGAN-GP with one interpolation weight per pac group and the norm over each group's packed input.</summary>
    private Tensor<float> GradientPenalty(Tensor<float> real, Tensor<float> fake)
    {
        int groups = batch / Pac;
        Tensor<float> alpha = tape.Zeros(batch, 1);
        Span<float> weights = alpha.Span;
        for (int group = 0; group < groups; group++)
        {
            weights.Slice(group * Pac, Pac).Fill((float)random.NextDouble());
        }

        Tensor<float> mixed = tape.Add(
            tape.MultiplyColumnVector(real, alpha),
            tape.MultiplyColumnVector(fake, tape.AddScalar(tape.Negate(alpha), 1f)));
        Tensor<float> interpolates = tape.Detach(mixed);
        interpolates.RequiresGrad = true;
        Tensor<float> score = Critic(interpolates);
        Tensor<float> gradient = tape.Gradient(tape.Sum(score), interpolates, createGraph: true);
        Tensor<float> norms = tape.Sqrt(tape.SumOverColumns(tape.Square(tape.Reshape(gradient, groups, Pac * gradient.Cols))));
        return tape.Scale(tape.Mean(tape.Square(tape.AddScalar(norms, -1f))), PenaltyWeight);
    }

    private Tensor<float> Noise()
    {
        Tensor<float> noise = tape.Zeros(batch, NoiseWidth);
        random.FillNormal(noise.Span);
        return noise;
    }

    /// <summary>Draws a discrete column per row and a category within it, as a one-hot condition vector.</summary>
    private Tensor<float> SampleCondition()
    {
        Tensor<float> condition = tape.Zeros(batch, conditionWidth);
        for (int row = 0; row < batch; row++)
        {
            int column = random.NextInt(discreteSpans.Length);
            int category = random.NextInt(discreteSpans[column].Width);
            chosenColumn[row] = column;
            int conditionOffset = discreteSpans[column].Start - discreteSpans[0].Start;
            condition.Span[(row * conditionWidth) + conditionOffset + category] = 1f;
            for (int c = 0; c < discreteSpans.Length; c++)
            {
                targets[c][row] = c == column ? category : 0;
            }
        }

        return condition;
    }

    /// <summary>tanh on each alpha, gumbel-softmax on each mode and category span.</summary>
    private Tensor<float> Activate(Tensor<float> raw)
    {
        Span<Tensor<float>> parts = activatedParts;
        for (int i = 0; i < spans.Length; i++)
        {
            (int start, int width, bool isAlpha) = spans[i];
            Tensor<float> slice = tape.SliceColumns(raw, start, width);
            parts[i] = isAlpha ? tape.Tanh(slice) : tape.GumbelSoftmax(slice, GumbelTemperature, random);
        }

        return tape.ConcatColumns(parts);
    }

    /// <summary>Cross-entropy of each row's chosen column against its chosen category, averaged over the batch.</summary>
    private Tensor<float> ConditionLoss(Tensor<float> raw)
    {
        Tensor<float>? total = null;
        for (int c = 0; c < discreteSpans.Length; c++)
        {
            for (int row = 0; row < batch; row++)
            {
                columnMask[row] = chosenColumn[row] == c ? 1f : 0f;
            }

            Tensor<float> logProbabilities = tape.LogSoftmax(tape.SliceColumns(raw, discreteSpans[c].Start, discreteSpans[c].Width));
            Tensor<float> picked = tape.MultiplyColumnVector(tape.Gather(logProbabilities, targets[c]), tape.Constant(batch, 1, columnMask));
            Tensor<float> term = tape.Sum(picked);
            total = total is null ? term : tape.Add(total, term);
        }

        return tape.Scale(total!, -1f / batch);
    }

    private sealed class ResidualBlock : Module<float>
    {
        private readonly Linear<float> linear;
        private readonly BatchNorm1d<float> norm;

        public ResidualBlock(int inputs, int outputs, RandomStream random)
        {
            linear = RegisterModule("fc", new Linear<float>(inputs, outputs, random));
            norm = RegisterModule("bn", new BatchNorm1d<float>(outputs));
        }

        public override Tensor<float> Forward(Tape<float> tape, Tensor<float> input) =>
            tape.ConcatColumns(tape.Relu(norm.Forward(tape, linear.Forward(tape, input))), input);
    }
}
