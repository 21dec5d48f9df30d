using SyntheticData.Neural;
using SyntheticData.Synthesis.Transformers;

namespace SyntheticData.Synthesis.Tvae.Internal;

/// <summary>
/// The TVAE payload of a model file: the settings that shape the decoder, the fitted transformer, and the
/// decoder's parameters including its learned sigmas. The encoder is not stored.
/// </summary>
internal static class TvaeModelFormat
{
    public static void Write(BinaryWriter writer, TvaeOptions options, int completedEpochs, DataTransformer transformer, Decoder decoder)
    {
        writer.Write(options.Epochs);
        writer.Write(completedEpochs);
        writer.Write(options.BatchSize);
        writer.Write(options.EmbeddingDimension);
        writer.Write(options.DecompressDimensions.Count);
        foreach (int width in options.DecompressDimensions)
        {
            writer.Write(width);
        }

        transformer.Write(writer);
        using var weights = new MemoryStream();
        decoder.Save(weights);
        writer.Write(weights.Length);
        writer.Write(weights.GetBuffer(), 0, (int)weights.Length);
    }

    public static (TvaeOptions Options, int CompletedEpochs, DataTransformer Transformer, Decoder Decoder) Read(BinaryReader reader)
    {
        try
        {
            int epochs = reader.ReadInt32();
            int completed = reader.ReadInt32();
            int batch = reader.ReadInt32();
            int embedding = reader.ReadInt32();
            int layerCount = reader.ReadInt32();
            if (layerCount < 0 || layerCount > 64)
            {
                throw new InvalidDataException($"Invalid decoder layer count {layerCount}.");
            }

            int[] layers = new int[layerCount];
            for (int l = 0; l < layerCount; l++)
            {
                layers[l] = reader.ReadInt32();
            }

            var options = new TvaeOptions { Epochs = epochs, BatchSize = batch, EmbeddingDimension = embedding, DecompressDimensions = layers };
            options.Validate();
            DataTransformer transformer = DataTransformer.Read(reader);
            long length = reader.ReadInt64();
            if (length < 0 || length > int.MaxValue)
            {
                throw new InvalidDataException($"Invalid decoder state length {length}.");
            }

            byte[] state = reader.ReadBytes((int)length);
            if (state.Length != length)
            {
                throw new EndOfStreamException("The decoder state is truncated.");
            }

            var decoder = new Decoder(embedding, layers, transformer.Width, new RandomStream(0));
            decoder.Load(new MemoryStream(state));
            return (options, completed, transformer, decoder);
        }
        catch (Exception exception) when (exception is EndOfStreamException or InvalidDataException or NeuralException or ArgumentException)
        {
            throw new ModelFormatException("The TVAE payload of the model file is invalid: " + exception.Message, exception);
        }
    }
}
