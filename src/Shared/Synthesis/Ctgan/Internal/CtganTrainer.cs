using SyntheticData.Neural;
using SyntheticData.Synthesis.Transformers;
using SyntheticData.Synthesis.Transformers.Internal;

namespace SyntheticData.Synthesis.Ctgan.Internal;

/// <summary>The CTGAN training loop: WGAN-GP critic steps and conditional generator steps on one tape.</summary>
internal sealed class CtganTrainer
{
    private readonly CtganOptions _options;
    private readonly DataTransformer _transformer;
    private readonly EncodedTable _data;
    private readonly ConditionSampler _conditions;
    private readonly Generator _generator;
    private readonly Discriminator _discriminator;
    private readonly Adam<float> _generatorOptimizer;
    private readonly Adam<float> _discriminatorOptimizer;
    private readonly RandomStream _noiseRandom;
    private readonly RandomStream _conditionRandom;
    private readonly RandomStream _gumbelRandom;
    private readonly RandomStream _penaltyRandom;
    private readonly Tape<float> _tape;
    private readonly int _width;
    private readonly int _conditionWidth;
    private readonly int _batch;

    public CtganTrainer(CtganOptions options, DataTransformer transformer, EncodedTable data, ConditionSampler conditions, RandomStream root)
    {
        _options = options;
        _transformer = transformer;
        _data = data;
        _conditions = conditions;
        _width = transformer.Width;
        _conditionWidth = transformer.ConditionWidth;
        _batch = options.BatchSize;

        RandomStream initRandom = root.Fork();
        _noiseRandom = root.Fork();
        _conditionRandom = root.Fork();
        _gumbelRandom = root.Fork();
        _penaltyRandom = root.Fork();
        _generator = new Generator(options.EmbeddingDimension + _conditionWidth, options.GeneratorDimensions, _width, initRandom);
        _discriminator = new Discriminator(_width + _conditionWidth, options.DiscriminatorDimensions, options.Pac, initRandom);
        _generatorOptimizer = new Adam<float>(
            _generator.Parameters(),
            new AdamOptions { LearningRate = options.GeneratorLearningRate, Beta1 = 0.5, Beta2 = 0.9, WeightDecay = options.GeneratorWeightDecay });
        _discriminatorOptimizer = new Adam<float>(
            _discriminator.Parameters(),
            new AdamOptions { LearningRate = options.DiscriminatorLearningRate, Beta1 = 0.5, Beta2 = 0.9, WeightDecay = options.DiscriminatorWeightDecay });
        _tape = new Tape<float>(new CpuBackend<float>(options.MaxDegreeOfParallelism));
    }

    /// <summary>The generator loss of the last step.</summary>
    public double GeneratorLoss { get; private set; }

    /// <summary>The critic loss (including the gradient penalty) of the last step.</summary>
    public double DiscriminatorLoss { get; private set; }

    /// <summary>Runs every epoch, calling <paramref name="epochFinished"/> with the epoch number after each.</summary>
    public void Train(Action<int> epochFinished, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        int stepsPerEpoch = Math.Max(_data.RowCount / _batch, 1);
        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            for (int step = 0; step < stepsPerEpoch; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (int n = 0; n < _options.DiscriminatorSteps; n++)
                {
                    DiscriminatorStep();
                }

                GeneratorStep();
            }

            epochFinished(epoch);
            progress?.Report(new TrainingProgress(
                "epoch",
                epoch,
                _options.Epochs,
                new Dictionary<string, double> { ["generator"] = GeneratorLoss, ["discriminator"] = DiscriminatorLoss }));
        }
    }

    /// <summary>Returns an independent copy of the generator's parameters and running statistics.</summary>
    public Generator SnapshotGenerator()
    {
        using var buffer = new MemoryStream();
        _generator.Save(buffer);
        buffer.Position = 0;
        var copy = new Generator(_options.EmbeddingDimension + _conditionWidth, _options.GeneratorDimensions, _width, new RandomStream(0));
        copy.Load(buffer);
        return copy;
    }

    private void DiscriminatorStep()
    {
        Tape<float> tape = _tape;
        tape.Reset();

        // The fake rows need no gradient here: only the critic is updated.
        tape.GradEnabled = false;
        (Tensor<float>? condition, int[]? columns, int[]? categories) = DrawConditions();
        Tensor<float> fake = Activate(_generator.Forward(tape, GeneratorInput(condition)));
        tape.GradEnabled = true;

        Tensor<float> real = tape.Zeros(_batch, _width);
        Tensor<float>? realCondition = null;
        if (condition is not null)
        {
            // Real rows are drawn for the same conditions in a shuffled order, as the reference does.
            int[] permutation = Permutation(_batch, _conditionRandom);
            realCondition = tape.Zeros(_batch, _conditionWidth);
            for (int i = 0; i < _batch; i++)
            {
                int source = permutation[i];
                int row = _conditions.DrawRow(columns![source], categories![source], _conditionRandom);
                _data.WriteRow(row, real.Span.Slice(i * _width, _width));
                condition.Span.Slice(source * _conditionWidth, _conditionWidth).CopyTo(realCondition.Span.Slice(i * _conditionWidth, _conditionWidth));
            }
        }
        else
        {
            for (int i = 0; i < _batch; i++)
            {
                _data.WriteRow(_conditionRandom.NextInt(_data.RowCount), real.Span.Slice(i * _width, _width));
            }
        }

        Tensor<float> fakeJoined = condition is null ? fake : tape.ConcatColumns(fake, condition);
        Tensor<float> realJoined = realCondition is null ? real : tape.ConcatColumns(real, realCondition);
        Tensor<float> fakeScore = _discriminator.Forward(tape, fakeJoined);
        Tensor<float> realScore = _discriminator.Forward(tape, realJoined);
        Tensor<float> wasserstein = tape.Subtract(tape.Mean(fakeScore), tape.Mean(realScore));
        Tensor<float> loss = _options.GradientPenaltyWeight > 0
            ? tape.Add(wasserstein, GradientPenalty(realJoined, fakeJoined))
            : wasserstein;

        _discriminatorOptimizer.ZeroGrad();
        tape.Backward(loss);
        _discriminatorOptimizer.Step();
        DiscriminatorLoss = loss.Span[0];
    }

    /// <summary>
    /// The WGAN-GP penalty: the critic's input gradient at random interpolates (one weight per pac group),
    /// its norm over each pac group's joined input, and lambda times the mean of (norm - 1)^2.
    /// </summary>
    private Tensor<float> GradientPenalty(Tensor<float> real, Tensor<float> fake)
    {
        Tape<float> tape = _tape;
        int pac = _options.Pac;
        int cols = real.Cols;
        Tensor<float> interpolates = tape.Zeros(_batch, cols);
        Span<float> mix = interpolates.Span;
        ReadOnlySpan<float> realValues = real.Span;
        ReadOnlySpan<float> fakeValues = fake.Span;
        for (int group = 0; group < _batch / pac; group++)
        {
            float alpha = (float)_penaltyRandom.NextDouble();
            int start = group * pac * cols;
            for (int k = start; k < start + (pac * cols); k++)
            {
                mix[k] = (alpha * realValues[k]) + ((1f - alpha) * fakeValues[k]);
            }
        }

        interpolates.RequiresGrad = true;
        Tensor<float> scores = _discriminator.Forward(tape, interpolates);
        Tensor<float> gradient = tape.Gradient(tape.Sum(scores), interpolates, createGraph: true);
        Tensor<float> grouped = tape.Reshape(gradient, _batch / pac, pac * cols);
        Tensor<float> norms = tape.Sqrt(tape.SumOverColumns(tape.Square(grouped)));
        Tensor<float> penalty = tape.Mean(tape.Square(tape.AddScalar(norms, -1f)));
        return tape.Scale(penalty, (float)_options.GradientPenaltyWeight);
    }

    private void GeneratorStep()
    {
        Tape<float> tape = _tape;
        tape.Reset();
        SetRequiresGrad(_discriminator, false);
        try
        {
            (Tensor<float>? condition, int[]? columns, int[]? categories) = DrawConditions();
            Tensor<float> raw = _generator.Forward(tape, GeneratorInput(condition));
            Tensor<float> fake = Activate(raw);
            Tensor<float> joined = condition is null ? fake : tape.ConcatColumns(fake, condition);
            Tensor<float> score = _discriminator.Forward(tape, joined);
            Tensor<float> loss = tape.Negate(tape.Mean(score));
            if (condition is not null)
            {
                loss = tape.Add(loss, ConditionLoss(raw, columns!, categories!));
            }

            _generatorOptimizer.ZeroGrad();
            tape.Backward(loss);
            _generatorOptimizer.Step();
            GeneratorLoss = loss.Span[0];
        }
        finally
        {
            SetRequiresGrad(_discriminator, true);
        }
    }

    /// <summary>
    /// The cross-entropy between the generator's pre-activation logits of each row's chosen column and the
    /// chosen category, averaged over the batch.
    /// </summary>
    private Tensor<float> ConditionLoss(Tensor<float> raw, int[] columns, int[] categories)
    {
        Tape<float> tape = _tape;
        Tensor<float>? total = null;
        IReadOnlyList<ConditionalColumn> conditional = _transformer.ConditionalColumns;
        for (int c = 0; c < conditional.Count; c++)
        {
            int[] targets = new int[_batch];
            Tensor<float> mask = tape.Zeros(_batch, 1);
            bool any = false;
            for (int i = 0; i < _batch; i++)
            {
                if (columns[i] == c)
                {
                    targets[i] = categories[i];
                    mask.Span[i] = 1f;
                    any = true;
                }
            }

            if (!any)
            {
                continue;
            }

            Tensor<float> logits = tape.SliceColumns(raw, conditional[c].SpanStart, conditional[c].CategoryCount);
            Tensor<float> picked = tape.Multiply(tape.Gather(tape.LogSoftmax(logits), targets), mask);
            Tensor<float> sum = tape.Sum(picked);
            total = total is null ? sum : tape.Add(total, sum);
        }

        return tape.Scale(total ?? tape.Scalar(0f), -1f / _batch);
    }

    private (Tensor<float>? Condition, int[]? Columns, int[]? Categories) DrawConditions()
    {
        if (_conditions.ColumnCount == 0)
        {
            return (null, null, null);
        }

        Tensor<float> condition = _tape.Zeros(_batch, _conditionWidth);
        (int[] columns, int[] categories) = _conditions.Draw(condition.Span, _batch, _conditionWidth, _conditionRandom);
        return (condition, columns, categories);
    }

    private Tensor<float> GeneratorInput(Tensor<float>? condition)
    {
        Tensor<float> noise = _tape.Zeros(_batch, _options.EmbeddingDimension);
        _noiseRandom.FillNormal(noise.Span);
        return condition is null ? noise : _tape.ConcatColumns(noise, condition);
    }

    private Tensor<float> Activate(Tensor<float> raw) =>
        OutputActivation.Apply(_tape, raw, _transformer.Spans, (float)_options.Temperature, _gumbelRandom);

    private static int[] Permutation(int count, RandomStream random)
    {
        int[] permutation = Enumerable.Range(0, count).ToArray();
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
        }

        return permutation;
    }

    private static void SetRequiresGrad(Module<float> module, bool value)
    {
        foreach (Tensor<float> parameter in module.Parameters())
        {
            parameter.RequiresGrad = value;
        }
    }
}
