using SyntheticData.Neural;
using SyntheticData.Synthesis.Ctgan.Internal;
using SyntheticData.Synthesis.Transformers;
using SyntheticData.Synthesis.Transformers.Internal;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Ctgan;

/// <summary>
/// CTGAN (Xu et al., "Modeling Tabular Data using Conditional GAN", NeurIPS 2019): a conditional WGAN-GP
/// with training-by-sampling, a residual generator and a PacGAN critic, on mode-specific normalised rows.
/// </summary>
/// <remarks>
/// Unlike the reference implementation, conditioning on any discrete column sets the slot at that column's
/// offset in the condition vector, and sampling uses batch norm's running statistics unless
/// <see cref="CtganOptions.SampleInEvaluationMode"/> is false.
/// </remarks>
public sealed class CtganSynthesizer : IConditionalSynthesizer
{
    /// <summary>The layout version of this synthesizer's model-file payload.</summary>
    public const int PayloadVersion = 1;

    private readonly CtganOptions _options;
    private DataTransformer? _transformer;
    private Generator? _generator;
    private ConditionSampler? _conditions;
    private IReadOnlyList<ColumnSchema> _schema = [];

    /// <summary>Creates an unfitted synthesizer; <paramref name="options"/> is validated here.</summary>
    public CtganSynthesizer(CtganOptions? options = null)
    {
        _options = options ?? new CtganOptions();
        _options.Validate();
    }

    /// <inheritdoc/>
    public SynthesizerKind Kind => SynthesizerKind.Ctgan;

    /// <inheritdoc/>
    public bool IsFitted => _generator is not null && CompletedEpochs > 0;

    /// <inheritdoc/>
    public IReadOnlyList<ColumnSchema> Schema => _schema;

    /// <inheritdoc/>
    public IReadOnlyList<SynthesisWarning> Warnings => _transformer?.Warnings ?? [];

    /// <summary>The settings this synthesizer trains with.</summary>
    public CtganOptions Options => _options;

    /// <summary>The number of finished epochs of the current model; fewer than requested when training was cancelled.</summary>
    public int CompletedEpochs { get; private set; }

    /// <summary>The width of a transformed row, available after fitting.</summary>
    public int TransformedWidth => _transformer?.Width ?? 0;

    /// <inheritdoc/>
    /// <remarks>
    /// When <paramref name="cancellationToken"/> is cancelled during training, the model keeps the weights of
    /// the last finished epoch (so <see cref="IsFitted"/> stays true after at least one) and the method throws
    /// <see cref="OperationCanceledException"/>.
    /// </remarks>
    public void Fit(Table table, SynthesisOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        _generator = null;
        CompletedEpochs = 0;

        progress?.Report(new TrainingProgress("transform", 0, 1));
        var root = new RandomStream(unchecked((ulong)options.Seed));
        var transformerRandom = new Random(options.Seed);
        DataTransformer transformer = DataTransformer.Fit(table, options, _options.Transformer, transformerRandom);
        EncodedTable encoded = transformer.Encode(table, transformerRandom);
        progress?.Report(new TrainingProgress("transform", 1, 1));

        _transformer = transformer;
        _schema = ColumnSchema.FromTable(table);
        _conditions = new ConditionSampler(transformer.ConditionalColumns, _options.LogFrequency, encoded.ConditionalSlots);

        var trainer = new CtganTrainer(_options, transformer, encoded, _conditions, root);
        trainer.Train(
            epoch =>
            {
                // Keep the generator of the last finished epoch, so cancelling later still leaves a usable model.
                _generator = trainer.SnapshotGenerator();
                CompletedEpochs = epoch;
            },
            progress,
            cancellationToken);
    }

    /// <inheritdoc/>
    public Table Sample(int rows, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        (DataTransformer transformer, Generator generator) = RequireFitted();
        var random = new RandomStream(unchecked((ulong)seed));
        return Generate(transformer, generator, rows, random, null, cancellationToken);
    }

    /// <inheritdoc/>
    public Table Sample(int rows, int seed, SamplingCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentNullException.ThrowIfNull(condition);
        (DataTransformer transformer, Generator generator) = RequireFitted();
        ConditionalSampler.Validate(transformer, condition);
        var random = new RandomStream(unchecked((ulong)seed));
        if (transformer.TryFindDiscreteCondition(condition.Column, condition.Value, out int column, out int slot, out _))
        {
            // The condition vector slot sits at the column's own offset, which the reference gets wrong for
            // any column but the first.
            int index = transformer.ConditionalColumns[column].ConditionOffset + slot;
            Table table = Generate(transformer, generator, rows, random, index, cancellationToken);
            return ConditionalSampler.Pin(transformer, table, condition);
        }

        return ConditionalSampler.SampleMatching(
            transformer, rows, condition, batch => Generate(transformer, generator, batch, random, null, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        (DataTransformer transformer, Generator generator) = RequireFitted();
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            CtganModelFormat.Write(writer, _options, CompletedEpochs, transformer, generator);
        }

        new ModelFile(Kind, PayloadVersion, _schema, payload.ToArray()).WriteTo(stream);
    }

    /// <summary>Restores a fitted synthesizer from a model file written by <see cref="Save"/>.</summary>
    /// <exception cref="ModelFormatException">The file is not a CTGAN model or its payload is invalid.</exception>
    public static CtganSynthesizer Load(ModelFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        file.RequireKind(SynthesizerKind.Ctgan, PayloadVersion, "CTGAN");

        using var reader = new BinaryReader(new MemoryStream(file.Payload), System.Text.Encoding.UTF8);
        (CtganOptions options, int epochs, DataTransformer transformer, Generator generator) = CtganModelFormat.Read(reader);
        return new CtganSynthesizer(options)
        {
            _transformer = transformer,
            _generator = generator,
            _conditions = new ConditionSampler(transformer.ConditionalColumns, options.LogFrequency, null),
            _schema = file.Schema,
            CompletedEpochs = epochs,
        };
    }

    private (DataTransformer Transformer, Generator Generator) RequireFitted() =>
        IsFitted && _transformer is not null && _generator is not null
            ? (_transformer, _generator)
            : throw new InvalidOperationException("The CTGAN synthesizer has not been fitted; call Fit or load a model file first.");

    /// <summary>Sets each row's conditioned column to the category its condition vector asked for.</summary>
    private static void PinConditions(DataTransformer transformer, float[] output, int start, int count, int[] columns, int[] categories)
    {
        int width = transformer.Width;
        for (int i = 0; i < count; i++)
        {
            ConditionalColumn column = transformer.ConditionalColumns[columns[i]];
            Span<float> block = output.AsSpan(((start + i) * width) + column.SpanStart, column.CategoryCount);
            block.Clear();
            block[categories[i]] = 1f;
        }
    }

    private Table Generate(
        DataTransformer transformer,
        Generator generator,
        int rows,
        RandomStream random,
        int? fixedConditionIndex,
        CancellationToken cancellationToken)
    {
        var tape = new Tape<float>(new CpuBackend<float>(_options.MaxDegreeOfParallelism)) { GradEnabled = false };
        int width = transformer.Width;
        int conditionWidth = transformer.ConditionWidth;
        int batch = _options.BatchSize;
        float[] output = new float[(long)rows * width];
        float temperature = (float)_options.Temperature;
        if (_options.SampleInEvaluationMode)
        {
            generator.Eval();
        }
        else
        {
            generator.Train();
        }

        try
        {
            for (int start = 0; start < rows; start += batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                tape.Reset();
                Tensor<float> noise = tape.Zeros(batch, _options.EmbeddingDimension);
                random.FillNormal(noise.Span);
                Tensor<float> input = noise;
                (int[] Columns, int[] Categories)? drawn = null;
                if (conditionWidth > 0)
                {
                    Tensor<float> condition = tape.Zeros(batch, conditionWidth);
                    if (fixedConditionIndex is int index)
                    {
                        for (int i = 0; i < batch; i++)
                        {
                            condition.Span[(i * conditionWidth) + index] = 1f;
                        }
                    }
                    else
                    {
                        drawn = _conditions!.DrawForSampling(condition.Span, batch, conditionWidth, random, _options.SampleConditionsByLogFrequency);
                    }

                    input = tape.ConcatColumns(noise, condition);
                }

                Tensor<float> activated = OutputActivation.Apply(tape, generator.Forward(tape, input), transformer.Spans, temperature, random);
                int take = Math.Min(batch, rows - start);
                activated.Span[..(take * width)].CopyTo(output.AsSpan(start * width, take * width));
                if (drawn is { } conditions && _options.PinSampledConditions)
                {
                    PinConditions(transformer, output, start, take, conditions.Columns, conditions.Categories);
                }
            }
        }
        finally
        {
            generator.Train();
        }

        return transformer.InverseTransform(output, rows, new Random(unchecked((int)random.NextUInt64())));
    }
}
