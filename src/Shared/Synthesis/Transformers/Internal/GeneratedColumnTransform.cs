using SyntheticData.Synthesis.Pii;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Transformers.Internal;

/// <summary>
/// An identifier, free-text or sensitive column. It is never one-hot encoded or modelled: decoding generates
/// fresh values in the training values' format with the shared <see cref="IdentifierGenerator"/>, which
/// keeps the share of missing values and never repeats a training value.
/// </summary>
internal sealed class GeneratedColumnTransform : ColumnTransform
{
    public const byte Kind = 3;

    private readonly ColumnType _type;
    private readonly IdentifierGenerator _generator;

    private GeneratedColumnTransform(string name, ColumnType type, IdentifierGenerator generator, bool isDropped)
        : base(name)
    {
        _type = type;
        _generator = generator;
        IsDropped = isDropped;
    }

    public override IReadOnlyList<OutputSpan> Spans => [];

    /// <summary>True when the column is left out of the synthetic table instead of regenerated.</summary>
    public bool IsDropped { get; }

    /// <summary>Learns the value formats of a column; <paramref name="seed"/> seeds the salt of the stored hashes.</summary>
    public static GeneratedColumnTransform Fit(Column column, bool isDropped, int seed)
    {
        string?[] values = column is TextColumn text
            ? text.Values
            : Enumerable.Range(0, column.Length).Select(column.FormatValue).ToArray();
        ColumnType type = column.Type == ColumnType.FreeText ? ColumnType.FreeText : ColumnType.Identifier;
        return new GeneratedColumnTransform(column.Name, type, IdentifierGenerator.Fit(column.Name, values, seed), isDropped);
    }

    public override IEncodedColumn Encode(Column column, Random random) => NoEncoding.Instance;

    public override Column Decode(float[] data, int rows, int rowWidth, int offset, Random random) =>
        new TextColumn(Name, _generator.Generate(rows, random), _type);

    public override void Write(BinaryWriter writer)
    {
        writer.Write(Kind);
        writer.Write(Name);
        writer.Write((int)_type);
        writer.Write(IsDropped);
        _generator.Write(writer);
    }

    public static GeneratedColumnTransform ReadBody(BinaryReader reader)
    {
        string name = reader.ReadString();
        var type = (ColumnType)reader.ReadInt32();
        bool isDropped = reader.ReadBoolean();
        return new GeneratedColumnTransform(name, type, IdentifierGenerator.Read(reader), isDropped);
    }

    private sealed class NoEncoding : IEncodedColumn
    {
        public static readonly NoEncoding Instance = new();

        public void WriteRow(int row, Span<float> destination)
        {
        }
    }
}
