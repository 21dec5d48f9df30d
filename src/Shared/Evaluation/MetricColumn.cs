using System.Globalization;
using SyntheticData.Evaluation.Internal;
using SyntheticData.Tabular;

namespace SyntheticData.Evaluation;

/// <summary>
/// One column's values in the form the metrics compare: numbers for numerical and datetime columns (NaN = null,
/// datetimes as nanoseconds since 1970-01-01T00:00), labels for categorical and boolean columns (null = null).
/// </summary>
public sealed class MetricColumn
{
    private MetricColumn(string name, SdType sdType, double[]? numbers, string?[]? labels, bool isInteger)
    {
        Name = name;
        SdType = sdType;
        Numbers = numbers;
        Labels = labels;
        IsInteger = isInteger;
    }

    /// <summary>The column's header name.</summary>
    public string Name { get; }

    /// <summary>The sdtype that selected this representation.</summary>
    public SdType SdType { get; }

    /// <summary>The values of a numerical or datetime column; null for discrete columns.</summary>
    public double[]? Numbers { get; }

    /// <summary>The labels of a categorical or boolean column; null for continuous columns.</summary>
    public string?[]? Labels { get; }

    /// <summary>True for a numerical column whose values were all integers with no nulls (pandas int64), which
    /// makes DCRBaselineProtection draw integers for it.</summary>
    public bool IsInteger { get; }

    /// <summary>True for numerical and datetime columns.</summary>
    public bool IsContinuous => Numbers is not null;

    /// <summary>The number of rows.</summary>
    public int Length => Numbers?.Length ?? Labels!.Length;

    /// <summary>Creates a numerical or datetime column from numbers; NaN marks a null.</summary>
    public static MetricColumn Continuous(string name, double[] values, SdType sdType = SdType.Numerical, bool isInteger = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        if (sdType is not (SdType.Numerical or SdType.Datetime))
        {
            throw new ArgumentOutOfRangeException(nameof(sdType), sdType, "A continuous column must be numerical or datetime.");
        }

        return new MetricColumn(name, sdType, values, null, isInteger && sdType == SdType.Numerical);
    }

    /// <summary>Creates a categorical or boolean column from labels; null marks a null.</summary>
    public static MetricColumn Discrete(string name, string?[] labels, SdType sdType = SdType.Categorical)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(labels);
        if (sdType is not (SdType.Categorical or SdType.Boolean))
        {
            throw new ArgumentOutOfRangeException(nameof(sdType), sdType, "A discrete column must be categorical or boolean.");
        }

        return new MetricColumn(name, sdType, null, labels, false);
    }

    /// <summary>
    /// Converts a table column to the representation its metadata sdtype needs. Text and categorical columns declared
    /// numerical or datetime are parsed with the invariant culture, datetimes with the metadata's format. Numeric and
    /// datetime columns declared categorical become their formatted text.
    /// </summary>
    /// <exception cref="EvaluationException">A value cannot be parsed; the message names the column and row, never the value.</exception>
    public static MetricColumn From(Column column, ColumnMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.SdType switch
        {
            SdType.Numerical => FromNumerical(column),
            SdType.Datetime => FromDatetime(column, metadata.DatetimeFormat),
            SdType.Categorical or SdType.Boolean => Discrete(column.Name, ToLabels(column), metadata.SdType),
            _ => throw new ArgumentException($"Column '{column.Name}' has sdtype {metadata.SdType}, which no metric scores.", nameof(metadata)),
        };
    }

    private static MetricColumn FromNumerical(Column column)
    {
        switch (column)
        {
            case NumericColumn numeric:
                return Continuous(column.Name, numeric.Values, SdType.Numerical, numeric.IsInteger && !numeric.Values.Any(double.IsNaN));
            case DateTimeColumn dateTime:
                return Continuous(column.Name, ToNanoseconds(dateTime.SecondsSinceEpoch), SdType.Numerical);
            default:
                string?[] labels = ToLabels(column);
                var values = new double[labels.Length];
                bool allIntegers = true;
                for (int row = 0; row < labels.Length; row++)
                {
                    string? label = labels[row];
                    if (label is null)
                    {
                        values[row] = double.NaN;
                        allIntegers = false;
                        continue;
                    }

                    if (!double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out values[row]))
                    {
                        throw new EvaluationException($"Column '{column.Name}', row {row + 1}: the value is not a number, but the metadata declares the column numerical.");
                    }

                    allIntegers &= long.TryParse(label, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
                }

                return Continuous(column.Name, values, SdType.Numerical, allIntegers);
        }
    }

    private static MetricColumn FromDatetime(Column column, string? strftimeFormat)
    {
        switch (column)
        {
            case DateTimeColumn dateTime:
                return Continuous(column.Name, ToNanoseconds(dateTime.SecondsSinceEpoch), SdType.Datetime);
            case NumericColumn numeric:
                return Continuous(column.Name, numeric.Values, SdType.Datetime);
            default:
                string?[] labels = ToLabels(column);
                string? format = strftimeFormat is null ? null : StrftimeFormat.ToDotNet(strftimeFormat);
                var values = new double[labels.Length];
                for (int row = 0; row < labels.Length; row++)
                {
                    string? label = labels[row];
                    if (label is null)
                    {
                        values[row] = double.NaN;
                        continue;
                    }

                    const DateTimeStyles styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
                    bool parsed = format is null
                        ? DateTime.TryParse(label, CultureInfo.InvariantCulture, styles, out DateTime value)
                        : DateTime.TryParseExact(label, format, CultureInfo.InvariantCulture, styles, out value);
                    if (!parsed)
                    {
                        throw new EvaluationException($"Column '{column.Name}', row {row + 1}: the value is not a date in the format '{strftimeFormat ?? "ISO 8601"}'.");
                    }

                    values[row] = (value - DateTime.UnixEpoch).Ticks * 100.0;
                }

                return Continuous(column.Name, values, SdType.Datetime);
        }
    }

    private static double[] ToNanoseconds(double[] secondsSinceEpoch)
    {
        var nanoseconds = new double[secondsSinceEpoch.Length];
        for (int row = 0; row < nanoseconds.Length; row++)
        {
            // Whole seconds times 1e9 are exact in a double, so day- and second-resolution dates bin and compare
            // exactly as the int64 nanoseconds that SDMetrics uses.
            nanoseconds[row] = secondsSinceEpoch[row] * 1e9;
        }

        return nanoseconds;
    }

    private static string?[] ToLabels(Column column)
    {
        switch (column)
        {
            case CategoricalColumn categorical:
                var labels = new string?[categorical.Length];
                for (int row = 0; row < labels.Length; row++)
                {
                    int code = categorical.Codes[row];
                    labels[row] = code < 0 ? null : categorical.Categories[code];
                }

                return labels;
            case TextColumn text:
                return text.Values;
            default:
                var formatted = new string?[column.Length];
                for (int row = 0; row < formatted.Length; row++)
                {
                    formatted[row] = column.FormatValue(row);
                }

                return formatted;
        }
    }
}
