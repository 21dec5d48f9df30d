using System.Globalization;

namespace SyntheticData.Tabular.Internal;

/// <summary>Converts a column of text values into the typed <see cref="Column"/> that its detected type calls for.</summary>
internal static class ColumnBuilder
{
    private static readonly string[] FalseWords = ["false", "no", "n", "f", "0"];

    public static Column Build(DetectedColumn schema, IReadOnlyList<string?> values, IReadOnlyList<long> lineNumbers, List<InvalidCell> invalid) =>
        schema.Type switch
        {
            ColumnType.Integer or ColumnType.Decimal => BuildNumeric(schema, values, lineNumbers, invalid),
            ColumnType.Categorical => BuildCategorical(schema, values, isBoolean: false),
            ColumnType.Boolean => BuildCategorical(schema, values, isBoolean: true),
            ColumnType.DateTime => BuildDateTime(schema, values, lineNumbers, invalid),
            _ => new TextColumn(schema.Name, [.. values], schema.Type),
        };

    private static NumericColumn BuildNumeric(DetectedColumn schema, IReadOnlyList<string?> values, IReadOnlyList<long> lineNumbers, List<InvalidCell> invalid)
    {
        bool isInteger = schema.Type == ColumnType.Integer;
        double[] numbers = new double[values.Count];
        for (int row = 0; row < numbers.Length; row++)
        {
            string? value = values[row];
            numbers[row] = double.NaN;
            if (value is null)
            {
                continue;
            }

            ReadOnlySpan<char> trimmed = value.AsSpan().Trim();
            if (isInteger && long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer) && Math.Abs(integer) < (1L << 53))
            {
                numbers[row] = integer;
            }
            else if (!isInteger && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number))
            {
                numbers[row] = number;
            }
            else
            {
                string expected = isInteger ? "a whole number of at most 15 digits" : "a decimal number";
                invalid.Add(new InvalidCell(lineNumbers[row], row, schema.Name, $"the value is not {expected}"));
            }
        }

        return new NumericColumn(schema.Name, numbers, isInteger);
    }

    private static CategoricalColumn BuildCategorical(DetectedColumn schema, IReadOnlyList<string?> values, bool isBoolean)
    {
        var codeByText = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new List<string>();
        int[] codes = new int[values.Count];
        for (int row = 0; row < codes.Length; row++)
        {
            string? value = values[row];
            if (value is null)
            {
                codes[row] = -1;
                continue;
            }

            if (!codeByText.TryGetValue(value, out int code))
            {
                code = categories.Count;
                codeByText.Add(value, code);
                categories.Add(value);
            }

            codes[row] = code;
        }

        if (isBoolean && categories.Count == 2 && IsFalseWord(categories[1]) && !IsFalseWord(categories[0]))
        {
            // Code 0 is the false value and code 1 the true value whenever the labels are recognised boolean words.
            (categories[0], categories[1]) = (categories[1], categories[0]);
            for (int row = 0; row < codes.Length; row++)
            {
                codes[row] = codes[row] < 0 ? -1 : 1 - codes[row];
            }
        }

        return new CategoricalColumn(schema.Name, codes, categories, isBoolean);
    }

    private static bool IsFalseWord(string value) => FalseWords.Contains(value.Trim().ToLowerInvariant(), StringComparer.Ordinal);

    private static DateTimeColumn BuildDateTime(DetectedColumn schema, IReadOnlyList<string?> values, IReadOnlyList<long> lineNumbers, List<InvalidCell> invalid)
    {
        IReadOnlyList<string> formats = schema.DateTimeFormats;
        double[] seconds = new double[values.Count];
        for (int row = 0; row < seconds.Length; row++)
        {
            string? value = values[row];
            seconds[row] = double.NaN;
            if (value is null)
            {
                continue;
            }

            if (DateTimeFormats.TryParse(value, formats, out double parsed, out _))
            {
                seconds[row] = parsed;
            }
            else
            {
                invalid.Add(new InvalidCell(lineNumbers[row], row, schema.Name, "the value matches none of the formats " + string.Join(", ", formats)));
            }
        }

        return new DateTimeColumn(schema.Name, seconds, formats[0]);
    }
}
