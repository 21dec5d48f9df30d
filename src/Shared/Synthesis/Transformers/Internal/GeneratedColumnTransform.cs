using System.Text;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Transformers.Internal;

/// <summary>
/// An identifier or free-text column. It is never one-hot encoded or modelled: decoding generates new
/// values from a character pattern learned in training (for example one letter and six digits), and
/// keeps the training share of missing values. No training value is stored.
/// </summary>
internal sealed class GeneratedColumnTransform : ColumnTransform
{
    public const byte Kind = 3;

    private const int MaxUniqueAttempts = 20;

    private readonly ColumnType _type;
    private readonly string _pattern;
    private readonly int _minLength;
    private readonly int _maxLength;
    private readonly double _nullShare;

    /// <summary>
    /// Creates the transform. <paramref name="pattern"/> has one character per position when every value
    /// has the same length: <c>9</c> a digit, <c>A</c> an upper-case letter, <c>a</c> a lower-case letter,
    /// <c>*</c> a letter or digit, and <c>\x</c> the literal x. An empty pattern means letters and digits
    /// of a length between <paramref name="minLength"/> and <paramref name="maxLength"/>.
    /// </summary>
    private GeneratedColumnTransform(string name, ColumnType type, string pattern, int minLength, int maxLength, double nullShare, bool isDropped)
        : base(name)
    {
        IsDropped = isDropped;
        _type = type;
        _pattern = pattern;
        _minLength = minLength;
        _maxLength = maxLength;
        _nullShare = nullShare;
    }

    public override IReadOnlyList<OutputSpan> Spans => [];

    /// <summary>True when the column is left out of the synthetic table instead of regenerated.</summary>
    public bool IsDropped { get; }

    /// <summary>Learns the character pattern of a text column.</summary>
    public static GeneratedColumnTransform Fit(Column column, bool isDropped)
    {
        string?[] values = column is TextColumn text
            ? text.Values
            : Enumerable.Range(0, column.Length).Select(column.FormatValue).ToArray();
        string[] present = values.Where(v => v is not null).Select(v => v!).ToArray();
        double nullShare = values.Length == 0 ? 0 : (double)(values.Length - present.Length) / values.Length;
        if (present.Length == 0)
        {
            return new GeneratedColumnTransform(column.Name, column.Type, string.Empty, 0, 0, 1.0, isDropped);
        }

        int minLength = present.Min(v => v.Length);
        int maxLength = present.Max(v => v.Length);
        string pattern = minLength == maxLength && maxLength <= 64 ? LearnFixedPattern(present, maxLength) : string.Empty;
        return new GeneratedColumnTransform(column.Name, column.Type, pattern, minLength, maxLength, nullShare, isDropped);
    }

    public override IEncodedColumn Encode(Column column, Random random) => NoEncoding.Instance;

    public override Column Decode(float[] data, int rows, int rowWidth, int offset, Random random)
    {
        string?[] values = new string?[rows];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < rows; i++)
        {
            if (random.NextDouble() < _nullShare)
            {
                continue;
            }

            string value = Generate(random);
            if (_type == ColumnType.Identifier)
            {
                // Identifiers stay unique where the pattern has room for it.
                for (int attempt = 0; attempt < MaxUniqueAttempts && !seen.Add(value); attempt++)
                {
                    value = Generate(random);
                }
            }

            values[i] = value;
        }

        return new TextColumn(Name, values, _type == ColumnType.Identifier ? ColumnType.Identifier : ColumnType.FreeText);
    }

    public override void Write(BinaryWriter writer)
    {
        writer.Write(Kind);
        writer.Write(Name);
        writer.Write((int)_type);
        writer.Write(_pattern);
        writer.Write(_minLength);
        writer.Write(_maxLength);
        writer.Write(_nullShare);
        writer.Write(IsDropped);
    }

    public static GeneratedColumnTransform ReadBody(BinaryReader reader)
    {
        string name = reader.ReadString();
        var type = (ColumnType)reader.ReadInt32();
        string pattern = reader.ReadString();
        int minLength = reader.ReadInt32();
        int maxLength = reader.ReadInt32();
        double nullShare = reader.ReadDouble();
        bool isDropped = reader.ReadBoolean();
        if (minLength < 0 || maxLength < minLength)
        {
            throw new InvalidDataException($"Invalid text lengths for column '{name}' in the model file.");
        }

        return new GeneratedColumnTransform(name, type, pattern, minLength, maxLength, nullShare, isDropped);
    }

    private static string LearnFixedPattern(string[] values, int length)
    {
        var pattern = new StringBuilder();
        for (int position = 0; position < length; position++)
        {
            char first = values[0][position];
            bool same = true;
            bool digits = true;
            bool upper = true;
            bool lower = true;
            foreach (string value in values)
            {
                char c = value[position];
                same &= c == first;
                digits &= char.IsAsciiDigit(c);
                upper &= char.IsAsciiLetterUpper(c);
                lower &= char.IsAsciiLetterLower(c);
            }

            if (same)
            {
                pattern.Append('\\').Append(first);
            }
            else if (digits)
            {
                pattern.Append('9');
            }
            else if (upper)
            {
                pattern.Append('A');
            }
            else if (lower)
            {
                pattern.Append('a');
            }
            else
            {
                pattern.Append('*');
            }
        }

        return pattern.ToString();
    }

    private string Generate(Random random)
    {
        const string Digits = "0123456789";
        const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        const string Lower = "abcdefghijklmnopqrstuvwxyz";
        const string Alphanumeric = Digits + Upper + Lower;
        var builder = new StringBuilder();
        if (_pattern.Length == 0)
        {
            int length = random.Next(_minLength, _maxLength + 1);
            for (int i = 0; i < length; i++)
            {
                builder.Append(Alphanumeric[random.Next(Alphanumeric.Length)]);
            }

            return builder.ToString();
        }

        for (int i = 0; i < _pattern.Length; i++)
        {
            char symbol = _pattern[i];
            switch (symbol)
            {
                case '\\':
                    i++;
                    builder.Append(_pattern[i]);
                    break;
                case '9':
                    builder.Append(Digits[random.Next(Digits.Length)]);
                    break;
                case 'A':
                    builder.Append(Upper[random.Next(Upper.Length)]);
                    break;
                case 'a':
                    builder.Append(Lower[random.Next(Lower.Length)]);
                    break;
                default:
                    builder.Append(Alphanumeric[random.Next(Alphanumeric.Length)]);
                    break;
            }
        }

        return builder.ToString();
    }

    private sealed class NoEncoding : IEncodedColumn
    {
        public static readonly NoEncoding Instance = new();

        public void WriteRow(int row, Span<float> destination)
        {
        }
    }
}
