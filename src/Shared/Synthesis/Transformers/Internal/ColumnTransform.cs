using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Transformers.Internal;

/// <summary>How one source column maps to a block of the transformed row and back.</summary>
internal abstract class ColumnTransform
{
    protected ColumnTransform(string name)
    {
        Name = name;
    }

    /// <summary>The source column's header name.</summary>
    public string Name { get; }

    /// <summary>The spans of this column, with starts relative to the column's block.</summary>
    public abstract IReadOnlyList<OutputSpan> Spans { get; }

    /// <summary>The width of the column's block; zero for columns that are not modelled.</summary>
    public int Width => Spans.Sum(span => span.Width);

    /// <summary>Encodes the training column; <paramref name="random"/> draws the mixture modes.</summary>
    public abstract IEncodedColumn Encode(Column column, Random random);

    /// <summary>
    /// Decodes activated network outputs into a column. <paramref name="data"/> holds
    /// <paramref name="rows"/> rows of <paramref name="rowWidth"/> values, and the column's block starts at
    /// <paramref name="offset"/> in each row.
    /// </summary>
    public abstract Column Decode(float[] data, int rows, int rowWidth, int offset, Random random);

    /// <summary>Writes the kind tag and the fitted state.</summary>
    public abstract void Write(BinaryWriter writer);

    /// <summary>Reads a transform written by <see cref="Write"/>.</summary>
    public static ColumnTransform Read(BinaryReader reader)
    {
        byte kind = reader.ReadByte();
        return kind switch
        {
            ContinuousColumnTransform.Kind => ContinuousColumnTransform.ReadBody(reader),
            DiscreteColumnTransform.Kind => DiscreteColumnTransform.ReadBody(reader),
            GeneratedColumnTransform.Kind => GeneratedColumnTransform.ReadBody(reader),
            NullColumnTransform.Kind => NullColumnTransform.ReadBody(reader),
            _ => throw new InvalidDataException($"Unknown column transform kind {kind} in the model file."),
        };
    }

    /// <summary>Returns the index of the largest value in a block; the first one wins a tie.</summary>
    protected static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
