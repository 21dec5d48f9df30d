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
    private const int MaxAttemptsPerDate = 200;

    private readonly IdentifierGenerator? _generator;
    private readonly string _dateTimeFormat;

    // A sensitive datetime column is regenerated as uniform dates between these bounds, on this step.
    private readonly double _minimum;
    private readonly double _maximum;
    private readonly double _step;

    private IdentifierColumnModel(string name, ColumnType type, IdentifierGenerator? generator, string? dateTimeFormat, double minimum = 0, double maximum = 0, double step = 1)
        : base(name, type)
    {
        _generator = generator;
        _dateTimeFormat = dateTimeFormat ?? string.Empty;
        _minimum = minimum;
        _maximum = maximum;
        _step = step;
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

        IdentifierGenerator generator = IdentifierGenerator.Fit(column.Name, cells, seed);
        if (column is DateTimeColumn dateTime && dateTime.SecondsSinceEpoch.Any(double.IsFinite))
        {
            double[] present = dateTime.SecondsSinceEpoch.Where(double.IsFinite).ToArray();
            double step = present.All(v => v % 86400 == 0) ? 86400 : 1;
            return new IdentifierColumnModel(column.Name, column.Type, generator, format, present.Min(), present.Max(), step);
        }

        return new IdentifierColumnModel(column.Name, column.Type, generator, format);
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

        if (Type == ColumnType.DateTime)
        {
            return new DateTimeColumn(Name, GenerateDates(_generator, rows, random), _dateTimeFormat);
        }

        string?[] cells = _generator.Generate(rows, random);
        switch (Type)
        {
            case ColumnType.Integer:
            case ColumnType.Decimal:
                return new NumericColumn(Name, cells.Select(ParseNumber).ToArray(), Type == ColumnType.Integer);

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
        writer.Write(_minimum);
        writer.Write(_maximum);
        writer.Write(_step);
        writer.Write(_generator is not null);
        _generator?.Write(writer);
    }

    /// <summary>Reads the state written by <see cref="WriteBody"/>.</summary>
    public static IdentifierColumnModel ReadBody(string name, ColumnType type, BinaryReader reader)
    {
        string format = reader.ReadString();
        double minimum = reader.ReadDouble();
        double maximum = reader.ReadDouble();
        double step = reader.ReadDouble();
        if (!(step > 0) || !(maximum >= minimum))
        {
            throw new ModelFormatException($"The date range of sensitive column '{name}' in the model payload is invalid.");
        }

        IdentifierGenerator? generator = reader.ReadBoolean() ? IdentifierGenerator.Read(reader) : null;
        return new IdentifierColumnModel(name, type, generator, format.Length == 0 ? null : format, minimum, maximum, step);
    }

    private static double ParseNumber(string? cell) =>
        cell is not null && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : double.NaN;

    // Uniform dates on the training step between the training bounds, skipping any whose text is a
    // training value (and, for a unique column, any already issued).
    private double[] GenerateDates(IdentifierGenerator generator, int rows, Random random)
    {
        double[] output = new double[rows];
        var issued = new HashSet<double>();
        long slots = (long)Math.Round((_maximum - _minimum) / _step) + 1;
        for (int row = 0; row < rows; row++)
        {
            if (random.NextDouble() < generator.NullShare)
            {
                output[row] = double.NaN;
                continue;
            }

            output[row] = NextFreshDate(generator, slots, random, issued);
        }

        return output;
    }

    private double NextFreshDate(IdentifierGenerator generator, long slots, Random random, HashSet<double> issued)
    {
        for (int attempt = 0; attempt < MaxAttemptsPerDate; attempt++)
        {
            double seconds = _minimum + (random.NextInt64(slots) * _step);
            string text = DateTime.UnixEpoch.AddSeconds(seconds).ToString(_dateTimeFormat, CultureInfo.InvariantCulture);
            if (generator.WasTrainingValue(text) || (generator.IsUnique && !issued.Add(seconds)))
            {
                continue;
            }

            return seconds;
        }

        throw new SynthesisException(
            $"Column '{Name}': no fresh date found in {MaxAttemptsPerDate} attempts because the training range contains too few dates " +
            "that are not training values; drop the column instead of regenerating it.");
    }
}
