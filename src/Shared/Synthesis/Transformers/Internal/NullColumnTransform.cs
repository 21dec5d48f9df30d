using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Transformers.Internal;

/// <summary>A column that is null in every training row: it is not modelled and comes back all null.</summary>
internal sealed class NullColumnTransform : ColumnTransform
{
    public const byte Kind = 4;

    private readonly SourceKind _source;

    public NullColumnTransform(string name, SourceKind source)
        : base(name)
    {
        _source = source;
    }

    public override IReadOnlyList<OutputSpan> Spans => [];

    public override IEncodedColumn Encode(Column column, Random random) => EmptyEncoded.Instance;

    public override Column Decode(float[] data, int rows, int rowWidth, int offset, Random random) =>
        _source.Type switch
        {
            ColumnType.Integer or ColumnType.Decimal =>
                new NumericColumn(Name, Enumerable.Repeat(double.NaN, rows).ToArray(), _source.Type == ColumnType.Integer),
            ColumnType.DateTime => new DateTimeColumn(Name, Enumerable.Repeat(double.NaN, rows).ToArray(), _source.DateTimeFormat),
            ColumnType.Categorical or ColumnType.Boolean =>
                new CategoricalColumn(Name, Enumerable.Repeat(-1, rows).ToArray(), [], _source.Type == ColumnType.Boolean),
            _ => new TextColumn(Name, new string?[rows], _source.Type),
        };

    public override void Write(BinaryWriter writer)
    {
        writer.Write(Kind);
        writer.Write(Name);
        _source.Write(writer);
    }

    public static NullColumnTransform ReadBody(BinaryReader reader)
    {
        string name = reader.ReadString();
        return new NullColumnTransform(name, SourceKind.Read(reader));
    }

    private sealed class EmptyEncoded : IEncodedColumn
    {
        public static readonly EmptyEncoded Instance = new();

        public void WriteRow(int row, Span<float> destination)
        {
        }
    }
}
