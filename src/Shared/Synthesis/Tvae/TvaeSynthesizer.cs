using SyntheticData.Neural;
using SyntheticData.Synthesis.Transformers;
using SyntheticData.Synthesis.Transformers.Internal;
using SyntheticData.Synthesis.Tvae.Internal;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Tvae;

/// <summary>
/// TVAE (Xu et al., "Modeling Tabular Data using Conditional GAN", NeurIPS 2019): a variational autoencoder on
/// mode-specific normalised rows. Sampling decodes standard normal latents, applies tanh and adds Gaussian
/// noise with the learned sigmas to each offset before inverting the transform.
/// </summary>
public sealed class TvaeSynthesizer : IConditionalSynthesizer
{
    /// <summary>The layout version of this synthesizer's model-file payload.</summary>
    public const int PayloadVersion = 1;

    private readonly TvaeOptions _options;
    private DataTransformer? _transformer;
    private Decoder? _decoder;
    private IReadOnlyList<ColumnSchema> _schema = [];

    /// <summary>Creates an unfitted synthesizer; <paramref name="options"/> is validated here.</summary>
    public TvaeSynthesizer(TvaeOptions? options = null)
    {
        _options = options ?? new TvaeOptions();
        _options.Validate();
    }

    /// <inheritdoc/>
    public SynthesizerKind Kind => SynthesizerKind.Tvae;

    /// <inheritdoc/>
    public bool IsFitted => _decoder is not null && CompletedEpochs > 0;

    /// <inheritdoc/>
    public IReadOnlyList<ColumnSchema> Schema => _schema;

    /// <inheritdoc/>
    public IReadOnlyList<SynthesisWarning> Warnings => _transformer?.Warnings ?? [];

    /// <summary>The settings this synthesizer trains with.</summary>
    public TvaeOptions Options => _options;

    /// <summary>The number of finished epochs of the current model; fewer than requested when training was cancelled.</summary>
    public int CompletedEpochs { get; private set; }

    /// <inheritdoc/>
    /// <remarks>
    /// When <paramref name="cancellationToken"/> is cancelled during training, the model keeps the weights of
    /// the last finished epoch and the method throws <see cref="OperationCanceledException"/>.
    /// </remarks>
    public void Fit(Table table, SynthesisOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        _decoder = null;
        CompletedEpochs = 0;

        progress?.Report(new TrainingProgress("transform", 0, 1));
        var root = new RandomStream(unchecked((ulong)options.Seed));
        var transformerRandom = new Random(options.Seed);
        DataTransformer transformer = DataTransformer.Fit(table, options, _options.Transformer, transformerRandom);
        EncodedTable encoded = transformer.Encode(table, transformerRandom);
        progress?.Report(new TrainingProgress("transform", 1, 1));

        _transformer = transformer;
        _schema = ColumnSchema.FromTable(table);
        var trainer = new TvaeTrainer(_options, transformer, encoded, root);
        trainer.Train(
            epoch =>
            {
                _decoder = trainer.SnapshotDecoder();
                CompletedEpochs = epoch;
            },
            progress,
            cancellationToken);
    }

    /// <inheritdoc/>
    public Table Sample(int rows, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        (DataTransformer transformer, Decoder decoder) = RequireFitted();
        return Generate(transformer, decoder, rows, new RandomStream(unchecked((ulong)seed)), cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>TVAE has no condition vector, so every condition is met by rejection sampling.</remarks>
    public Table Sample(int rows, int seed, SamplingCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentNullException.ThrowIfNull(condition);
        (DataTransformer transformer, Decoder decoder) = RequireFitted();
        ConditionalSampler.Validate(transformer, condition);
        var random = new RandomStream(unchecked((ulong)seed));
        return ConditionalSampler.SampleMatching(
            transformer, rows, condition, batch => Generate(transformer, decoder, batch, random, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        (DataTransformer transformer, Decoder decoder) = RequireFitted();
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            TvaeModelFormat.Write(writer, _options, CompletedEpochs, transformer, decoder);
        }

        new ModelFile(Kind, PayloadVersion, _schema, payload.ToArray()).WriteTo(stream);
    }

    /// <summary>Restores a fitted synthesizer from a model file written by <see cref="Save"/>.</summary>
    /// <exception cref="ModelFormatException">The file is not a TVAE model or its payload is invalid.</exception>
    public static TvaeSynthesizer Load(ModelFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        file.RequireKind(SynthesizerKind.Tvae, PayloadVersion, "TVAE");

        using var reader = new BinaryReader(new MemoryStream(file.Payload), System.Text.Encoding.UTF8);
        (TvaeOptions options, int epochs, DataTransformer transformer, Decoder decoder) = TvaeModelFormat.Read(reader);
        return new TvaeSynthesizer(options)
        {
            _transformer = transformer,
            _decoder = decoder,
            _schema = file.Schema,
            CompletedEpochs = epochs,
        };
    }

    /// <summary>
    /// Replaces each one-hot span with a category drawn from the softmax of the decoder's logits. The reference
    /// takes the argmax instead, which never produces a category that is the minority at every latent point.
    /// </summary>
    private static void DrawCategories(DataTransformer transformer, ReadOnlySpan<float> logits, Span<float> output, int rows, RandomStream random)
    {
        int width = transformer.Width;
        double[] probabilities = new double[width];
        foreach (OutputSpan span in transformer.Spans.Where(s => s.Activation == SpanActivation.Softmax))
        {
            for (int i = 0; i < rows; i++)
            {
                ReadOnlySpan<float> row = logits.Slice((i * width) + span.Start, span.Width);
                double max = double.NegativeInfinity;
                foreach (float value in row)
                {
                    max = Math.Max(max, value);
                }

                double total = 0;
                for (int k = 0; k < span.Width; k++)
                {
                    probabilities[k] = Math.Exp(row[k] - max);
                    total += probabilities[k];
                }

                double target = random.NextDouble() * total;
                int chosen = span.Width - 1;
                for (int k = 0; k < span.Width; k++)
                {
                    target -= probabilities[k];
                    if (target < 0)
                    {
                        chosen = k;
                        break;
                    }
                }

                Span<float> block = output.Slice((i * width) + span.Start, span.Width);
                block.Clear();
                block[chosen] = 1f;
            }
        }
    }

    private (DataTransformer Transformer, Decoder Decoder) RequireFitted() =>
        IsFitted && _transformer is not null && _decoder is not null
            ? (_transformer, _decoder)
            : throw new InvalidOperationException("The TVAE synthesizer has not been fitted; call Fit or load a model file first.");

    private Table Generate(DataTransformer transformer, Decoder decoder, int rows, RandomStream random, CancellationToken cancellationToken)
    {
        var tape = new Tape<float>(new CpuBackend<float>(_options.MaxDegreeOfParallelism)) { GradEnabled = false };
        int width = transformer.Width;
        int batch = _options.BatchSize;
        float[] output = new float[(long)rows * width];
        float[] sigma = decoder.Sigma.ToArray();
        decoder.Eval();
        try
        {
            for (int start = 0; start < rows; start += batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                tape.Reset();
                Tensor<float> latent = tape.Zeros(batch, _options.EmbeddingDimension);
                random.FillNormal(latent.Span);
                Tensor<float> logits = decoder.Forward(tape, latent);
                Tensor<float> values = tape.Tanh(logits);
                int take = Math.Min(batch, rows - start);
                values.Span[..(take * width)].CopyTo(output.AsSpan(start * width, take * width));
                DrawCategories(transformer, logits.Span, output.AsSpan(start * width, take * width), take, random);
            }
        }
        finally
        {
            decoder.Train();
        }

        // Gaussian noise with the learned sigma on each offset, as the reference adds before inverting.
        foreach (OutputSpan span in transformer.Spans.Where(s => s.Activation == SpanActivation.Tanh))
        {
            for (int i = 0; i < rows; i++)
            {
                output[((long)i * width) + span.Start] += (float)(random.NextNormal() * sigma[span.Start]);
            }
        }

        return transformer.InverseTransform(output, rows, new Random(unchecked((int)random.NextUInt64())));
    }
}
