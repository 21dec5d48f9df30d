using System.Globalization;
using SyntheticData.Synthesis.Pii;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Copula.Internal;

/// <summary>
/// An identifier or PII column, which the copula never models: sampling regenerates values in the
/// training format (none equal to a training value) or drops the column.
/// </summary>
internal sealed class IdentifierColumnModel : ColumnModel
{
    private readonly IdentifierGenerator? _generator;
    private readonly string _dateTimeFormat;

    private IdentifierColumnModel(string name, ColumnType type, IdentifierGenerator? generator, string? dateTimeFormat)
        : base(name, type)
    {
        _generator = generator;
        _dateTimeFormat = dateTimeFormat ?? string.Empty;
    }

    public override int Dimensions => 0;

    /// <summary>True when sampling leaves the column out.</summary>
    public bool IsDropped => _generator is null;

    protected override ColumnModelKind Kind => ColumnModelKind.Identifier;

    /// <summary>Learns the column's format, or records that it is dropped.</summary>
    public static IdentifierColumnModel Fit(Column column, IdentifierHandling handling, int seed)
    {
        string? format = (column as DateTimeColumn)?.Format;
        if (handling == IdentifierHandling.Drop)
        {
            return new IdentifierColumnModel(column.Name, column.Type, null, format);
        }

        string?[] cells = new string?[column.Length];
        for (int row = 0; row < cells.Length; row++)
        {
            cells[row] = column.FormatValue(row);
        }

        return new IdentifierColumnModel(column.Name, column.Type, IdentifierGenerator.Fit(column.Name, cells, seed), format);
    }

    public override void Encode(Column column, double[][] scores, int firstDimension, Random random)
    {
    }

    public override Column? Decode(double[][] scores, int firstDimension, int rows, Random random)
    {
        if (_generator is null)
        {
            return null;
        }

        string?[] cells = _generator.Generate(rows, random);
        switch (Type)
        {
            case ColumnType.Integer:
            case ColumnType.Decimal:
                return new NumericColumn(Name, cells.Select(ParseNumber).ToArray(), Type == ColumnType.Integer);

            case ColumnType.DateTime:
                return new DateTimeColumn(Name, cells.Select(ParseDateTime).ToArray(), _dateTimeFormat);

            case ColumnType.Categorical:
            case ColumnType.Boolean:
            {
                var categories = new List<string>();
                var codeOf = new Dictionary<string, int>(StringComparer.Ordinal);
                int[] codes = new int[rows];
                for (int row = 0; row < rows; row++)
                {
                    string? cell = cells[row];
                    if (cell is null)
                    {
                        codes[row] = -1;
                        continue;
                    }

                    if (!codeOf.TryGetValue(cell, out int code))
                    {
                        code = categories.Count;
                        categories.Add(cell);
                        codeOf.Add(cell, code);
                    }

                    codes[row] = code;
                }

                return new CategoricalColumn(Name, codes, categories, Type == ColumnType.Boolean);
            }

            default:
                return new TextColumn(Name, cells, Type);
        }
    }

    protected override void WriteBody(BinaryWriter writer)
    {
        writer.Write(_dateTimeFormat);
        writer.Write(_generator is not null);
        _generator?.Write(writer);
    }

    /// <summary>Reads the state written by <see cref="WriteBody"/>.</summary>
    public static IdentifierColumnModel ReadBody(string name, ColumnType type, BinaryReader reader)
    {
        string format = reader.ReadString();
        IdentifierGenerator? generator = reader.ReadBoolean() ? IdentifierGenerator.Read(reader) : null;
        return new IdentifierColumnModel(name, type, generator, format.Length == 0 ? null : format);
    }

    private static double ParseNumber(string? cell) =>
        cell is not null && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : double.NaN;

    // NOTE: a generated value that is not a valid date in the column's format (such as month 19) becomes
    // a missing value, so a regenerated datetime column can have more nulls than the training column.
    private double ParseDateTime(string? cell) =>
        cell is not null && DateTime.TryParseExact(cell, _dateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime value)
            ? (value - DateTime.UnixEpoch).TotalSeconds
            : double.NaN;
}
