using SyntheticData.Neural;
using SyntheticData.Synthesis.Transformers;

namespace SyntheticData.Synthesis.Ctgan.Internal;

/// <summary>
/// The CTGAN payload of a model file: the settings that shape the generator and sampling, the fitted
/// transformer, and the generator's parameters and running statistics. The critic is not stored.
/// </summary>
internal static class CtganModelFormat
{
    public static void Write(BinaryWriter writer, CtganOptions options, int completedEpochs, DataTransformer transformer, Generator generator)
    {
        writer.Write(options.Epochs);
        writer.Write(completedEpochs);
        writer.Write(options.BatchSize);
        writer.Write(options.Pac);
        writer.Write(options.EmbeddingDimension);
        writer.Write(options.GeneratorDimensions.Count);
        foreach (int width in options.GeneratorDimensions)
        {
            writer.Write(width);
        }

        writer.Write(options.Temperature);
        writer.Write(options.LogFrequency);
        writer.Write(options.SampleInEvaluationMode);
        writer.Write(options.SampleConditionsByLogFrequency);
        writer.Write(options.PinSampledConditions);
        transformer.Write(writer);

        using var weights = new MemoryStream();
        generator.Save(weights);
        writer.Write(weights.Length);
        writer.Write(weights.GetBuffer(), 0, (int)weights.Length);
    }

    public static (CtganOptions Options, int CompletedEpochs, DataTransformer Transformer, Generator Generator) Read(BinaryReader reader)
    {
        try
        {
            int epochs = reader.ReadInt32();
            int completed = reader.ReadInt32();
            int batch = reader.ReadInt32();
            int pac = reader.ReadInt32();
            int embedding = reader.ReadInt32();
            int blockCount = reader.ReadInt32();
            if (blockCount < 1 || blockCount > 64)
            {
                throw new InvalidDataException($"Invalid generator block count {blockCount}.");
            }

            int[] blocks = new int[blockCount];
            for (int b = 0; b < blockCount; b++)
            {
                blocks[b] = reader.ReadInt32();
            }

            var options = new CtganOptions
            {
                Epochs = epochs,
                BatchSize = batch,
                Pac = pac,
                EmbeddingDimension = embedding,
                GeneratorDimensions = blocks,
                Temperature = reader.ReadDouble(),
                LogFrequency = reader.ReadBoolean(),
                SampleInEvaluationMode = reader.ReadBoolean(),
                SampleConditionsByLogFrequency = reader.ReadBoolean(),
                PinSampledConditions = reader.ReadBoolean(),
            };
            options.Validate();
            DataTransformer transformer = DataTransformer.Read(reader);
            long length = reader.ReadInt64();
            if (length < 0 || length > int.MaxValue)
            {
                throw new InvalidDataException($"Invalid generator state length {length}.");
            }

            byte[] state = reader.ReadBytes((int)length);
            if (state.Length != length)
            {
                throw new EndOfStreamException("The generator state is truncated.");
            }

            var generator = new Generator(embedding + transformer.ConditionWidth, blocks, transformer.Width, new RandomStream(0));
            generator.Load(new MemoryStream(state));
            return (options, completed, transformer, generator);
        }
        catch (Exception exception) when (exception is EndOfStreamException or InvalidDataException or NeuralException or ArgumentException)
        {
            throw new ModelFormatException("The CTGAN payload of the model file is invalid: " + exception.Message, exception);
        }
    }
}
