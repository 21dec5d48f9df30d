using System.Globalization;

namespace SyntheticData.Tabular;

/// <summary>
/// A numeric column (integer or decimal) stored as doubles; <see cref="double.NaN"/> marks a missing value.
/// </summary>
public sealed class NumericColumn : Column
{
    public NumericColumn(string name, double[] values, bool isInteger)
        : base(name, isInteger ? ColumnType.Integer : ColumnType.Decimal)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
    }

    /// <summary>The values; NaN where the cell is missing.</summary>
    public double[] Values { get; }

    /// <summary>True when every present value is a whole number.</summary>
    public bool IsInteger => Type == ColumnType.Integer;

    public override int Length => Values.Length;

    public override bool IsNull(int row) => double.IsNaN(Values[row]);

    public override string? FormatValue(int row)
    {
        double value = Values[row];
        if (double.IsNaN(value))
        {
            return null;
        }

        return IsInteger
            ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
    }
}
