using SyntheticData.Neural;
using SyntheticData.Synthesis.Transformers;
using SyntheticData.Synthesis.Transformers.Internal;

namespace SyntheticData.Synthesis.Tvae.Internal;

/// <summary>
/// The TVAE training loop: shuffled mini-batches, the reparameterised latent draw, and the loss of
/// Gaussian offsets, one-hot cross-entropies and the KL divergence to N(0, I).
/// </summary>
internal sealed class TvaeTrainer
{
    private const float MinSigma = 0.01f;
    private const float MaxSigma = 1.0f;

    private readonly TvaeOptions _options;
    private readonly DataTransformer _transformer;
    private readonly EncodedTable _data;
    private readonly Encoder _encoder;
    private readonly Decoder _decoder;
    private readonly Adam<float> _optimizer;
    private readonly RandomStream _shuffleRandom;
    private readonly RandomStream _latentRandom;
    private readonly Tape<float> _tape;

    public TvaeTrainer(TvaeOptions options, DataTransformer transformer, EncodedTable data, RandomStream root)
    {
        _options = options;
        _transformer = transformer;
        _data = data;
        RandomStream initRandom = root.Fork();
        _shuffleRandom = root.Fork();
        _latentRandom = root.Fork();
        _encoder = new Encoder(transformer.Width, options.CompressDimensions, options.EmbeddingDimension, initRandom);
        _decoder = new Decoder(options.EmbeddingDimension, options.DecompressDimensions, transformer.Width, initRandom);
        _optimizer = new Adam<float>(
            [.. _encoder.Parameters(), .. _decoder.Parameters()],
            new AdamOptions { LearningRate = options.LearningRate, WeightDecay = options.WeightDecay });
        _tape = new Tape<float>(new CpuBackend<float>(options.MaxDegreeOfParallelism));
    }

    /// <summary>The loss of the last step.</summary>
    public double Loss { get; private set; }

    /// <summary>Runs every epoch, calling <paramref name="epochFinished"/> with the epoch number after each.</summary>
    public void Train(Action<int> epochFinished, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        int rows = _data.RowCount;
        int[] order = Enumerable.Range(0, rows).ToArray();
        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            Shuffle(order);
            for (int start = 0; start < rows; start += _options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int count = Math.Min(_options.BatchSize, rows - start);
                Step(order.AsSpan(start, count));
            }

            epochFinished(epoch);
            progress?.Report(new TrainingProgress(
                "epoch", epoch, _options.Epochs, new Dictionary<string, double> { ["loss"] = Loss }));
        }
    }

    /// <summary>Returns an independent copy of the decoder.</summary>
    public Decoder SnapshotDecoder()
    {
        using var buffer = new MemoryStream();
        _decoder.Save(buffer);
        buffer.Position = 0;
        var copy = new Decoder(_options.EmbeddingDimension, _options.DecompressDimensions, _transformer.Width, new RandomStream(0));
        copy.Load(buffer);
        return copy;
    }

    private void Step(ReadOnlySpan<int> rows)
    {
        Tape<float> tape = _tape;
        tape.Reset();
        int batch = rows.Length;
        int width = _transformer.Width;
        Tensor<float> real = tape.Zeros(batch, width);
        for (int i = 0; i < batch; i++)
        {
            _data.WriteRow(rows[i], real.Span.Slice(i * width, width));
        }

        (Tensor<float> mean, Tensor<float> logVariance) = _encoder.Encode(tape, real);
        Tensor<float> std = tape.Exp(tape.Scale(logVariance, 0.5f));
        Tensor<float> epsilon = tape.Zeros(batch, _options.EmbeddingDimension);
        _latentRandom.FillNormal(epsilon.Span);
        Tensor<float> latent = tape.Add(tape.Multiply(epsilon, std), mean);
        Tensor<float> reconstruction = _decoder.Forward(tape, latent);

        Tensor<float> reconstructionLoss = tape.Scale(
            ReconstructionLoss(real, reconstruction, batch), (float)(_options.LossFactor / batch));

        // KL(q || N(0, I)) = -0.5 * sum(1 + log var - mean^2 - var), averaged over the batch.
        Tensor<float> klTerms = tape.Subtract(tape.Subtract(tape.AddScalar(logVariance, 1f), tape.Square(mean)), tape.Exp(logVariance));
        Tensor<float> kl = tape.Scale(tape.Sum(klTerms), -0.5f / batch);
        Tensor<float> loss = tape.Add(reconstructionLoss, kl);

        _optimizer.ZeroGrad();
        tape.Backward(loss);
        _optimizer.Step();
        foreach (ref float sigma in _decoder.Sigma.Span)
        {
            sigma = Math.Clamp(sigma, MinSigma, MaxSigma);
        }

        Loss = loss.Span[0];
    }

    /// <summary>
    /// The summed reconstruction loss: for each offset, the Gaussian negative log-likelihood of the real value
    /// under tanh of the output with the learned sigma; for each one-hot span, the cross-entropy.
    /// </summary>
    private Tensor<float> ReconstructionLoss(Tensor<float> real, Tensor<float> reconstruction, int batch)
    {
        Tape<float> tape = _tape;
        Tensor<float>? total = null;
        int width = _transformer.Width;
        foreach (OutputSpan span in _transformer.Spans)
        {
            Tensor<float> term;
            if (span.Activation == SpanActivation.Tanh)
            {
                Tensor<float> difference = tape.Subtract(tape.SliceColumns(real, span.Start, 1), tape.Tanh(tape.SliceColumns(reconstruction, span.Start, 1)));
                Tensor<float> sigma = tape.SliceColumns(_decoder.Sigma, span.Start, 1);
                Tensor<float> squared = tape.Scale(tape.Multiply(tape.Sum(tape.Square(difference)), tape.Power(sigma, -2f)), 0.5f);
                term = tape.Add(squared, tape.Scale(tape.Log(sigma), batch));
            }
            else
            {
                int[] targets = new int[batch];
                ReadOnlySpan<float> values = real.Span;
                for (int i = 0; i < batch; i++)
                {
                    ReadOnlySpan<float> block = values.Slice((i * width) + span.Start, span.Width);
                    targets[i] = block.IndexOf(1f);
                }

                Tensor<float> logits = tape.SliceColumns(reconstruction, span.Start, span.Width);
                term = tape.Negate(tape.Sum(tape.Gather(tape.LogSoftmax(logits), targets)));
            }

            total = total is null ? term : tape.Add(total, term);
        }

        return total ?? tape.Scalar(0f);
    }

    private void Shuffle(int[] order)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = _shuffleRandom.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
