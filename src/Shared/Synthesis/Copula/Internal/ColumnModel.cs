using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Copula.Internal;

/// <summary>
/// How one training column maps to dimensions of the copula's normal space and back.
/// </summary>
internal abstract class ColumnModel
{
    protected ColumnModel(string name, ColumnType type)
    {
        Name = name;
        Type = type;
    }

    /// <summary>The column's header name.</summary>
    public string Name { get; }

    /// <summary>The column's logical type; the sampled column has the same type.</summary>
    public ColumnType Type { get; }

    /// <summary>The number of normal-space dimensions; zero for columns the copula does not model.</summary>
    public abstract int Dimensions { get; }

    /// <summary>
    /// Writes the normal scores of <paramref name="column"/> into <paramref name="scores"/>, one array per
    /// dimension starting at <paramref name="firstDimension"/>.
    /// </summary>
    public abstract void Encode(Column column, double[][] scores, int firstDimension, Random random);

    /// <summary>
    /// Builds the sampled column from <paramref name="scores"/>; returns null when the column is dropped.
    /// </summary>
    public abstract Column? Decode(double[][] scores, int firstDimension, int rows, Random random);

    /// <summary>
    /// Returns the interval of uniform numbers, in the first dimension, whose samples equal
    /// <paramref name="value"/>, and the number a numeric column is then set to exactly.
    /// </summary>
    /// <exception cref="ArgumentException">The column is not modelled, or the value is invalid for it.</exception>
    public virtual (double Low, double High, double? Number) ConditionOn(string value) =>
        throw new ArgumentException($"Column '{Name}' is not modelled by the copula, so it cannot be conditioned on.", nameof(value));

    /// <summary>Writes the model kind tag and the fitted state.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write((byte)Kind);
        writer.Write(Name);
        writer.Write((int)Type);
        WriteBody(writer);
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    public static ColumnModel Read(BinaryReader reader)
    {
        var kind = (ColumnModelKind)reader.ReadByte();
        string name = reader.ReadString();
        var type = (ColumnType)reader.ReadInt32();
        if (!Enum.IsDefined(type))
        {
            throw new ModelFormatException($"Unknown column type {(int)type} for column '{name}' in the model payload.");
        }

        return kind switch
        {
            ColumnModelKind.Numeric => NumericColumnModel.ReadBody(name, type, reader),
            ColumnModelKind.Categorical => CategoricalColumnModel.ReadBody(name, type, reader),
            ColumnModelKind.AllNull => AllNullColumnModel.ReadBody(name, type, reader),
            ColumnModelKind.Identifier => IdentifierColumnModel.ReadBody(name, type, reader),
            _ => throw new ModelFormatException($"Unknown column model kind {(int)kind} for column '{name}' in the model payload."),
        };
    }

    /// <summary>The tag that <see cref="Read"/> dispatches on.</summary>
    protected abstract ColumnModelKind Kind { get; }

    /// <summary>Writes the fitted state after the common fields.</summary>
    protected abstract void WriteBody(BinaryWriter writer);

    /// <summary>Returns the normal score of a uniform number, kept away from 0 and 1 so it stays finite.</summary>
    protected static double ToNormal(double u) =>
        SyntheticData.Synthesis.Internal.StandardNormal.InverseCdf(Math.Clamp(u, 1e-9, 1 - 1e-9));

    /// <summary>Returns the uniform number of a normal score.</summary>
    protected static double ToUniform(double z) => SyntheticData.Synthesis.Internal.StandardNormal.Cdf(z);
}
