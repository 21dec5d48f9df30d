using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Copula.Internal;

/// <summary>
/// A column that is missing in every training row: it is not modelled and comes back all null with its
/// type and format.
/// </summary>
internal sealed class AllNullColumnModel : ColumnModel
{
    private readonly string _dateTimeFormat;

    public AllNullColumnModel(string name, ColumnType type, string? dateTimeFormat)
        : base(name, type)
    {
        _dateTimeFormat = dateTimeFormat ?? string.Empty;
    }

    public override int Dimensions => 0;

    protected override ColumnModelKind Kind => ColumnModelKind.AllNull;

    public override void Encode(Column column, double[][] scores, int firstDimension, Random random)
    {
    }

    public override Column? Decode(double[][] scores, int firstDimension, int rows, Random random)
    {
        switch (Type)
        {
            case ColumnType.Integer:
            case ColumnType.Decimal:
                return new NumericColumn(Name, Filled(rows, double.NaN), Type == ColumnType.Integer);

            case ColumnType.DateTime:
                return new DateTimeColumn(Name, Filled(rows, double.NaN), _dateTimeFormat.Length > 0 ? _dateTimeFormat : "yyyy-MM-dd");

            case ColumnType.Categorical:
            case ColumnType.Boolean:
                return new CategoricalColumn(Name, Filled(rows, -1), [], Type == ColumnType.Boolean);

            default:
                return new TextColumn(Name, new string?[rows], Type);
        }
    }

    protected override void WriteBody(BinaryWriter writer) => writer.Write(_dateTimeFormat);

    /// <summary>Reads the state written by <see cref="WriteBody"/>.</summary>
    public static AllNullColumnModel ReadBody(string name, ColumnType type, BinaryReader reader) =>
        new(name, type, reader.ReadString());

    private static T[] Filled<T>(int rows, T value)
    {
        var array = new T[rows];
        Array.Fill(array, value);
        return array;
    }
}
