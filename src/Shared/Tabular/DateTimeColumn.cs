using System.Globalization;

namespace SyntheticData.Tabular;

/// <summary>
/// A date or timestamp column stored as seconds since the Unix epoch (UTC); NaN marks a missing value.
/// The format found in the source is kept so that written values look like the input.
/// </summary>
public sealed class DateTimeColumn : Column
{
    public DateTimeColumn(string name, double[] secondsSinceEpoch, string format)
        : base(name, ColumnType.DateTime)
    {
        ArgumentNullException.ThrowIfNull(secondsSinceEpoch);
        ArgumentException.ThrowIfNullOrEmpty(format);
        SecondsSinceEpoch = secondsSinceEpoch;
        Format = format;
    }

    /// <summary>Seconds since 1970-01-01T00:00:00Z; NaN where the cell is missing.</summary>
    public double[] SecondsSinceEpoch { get; }

    /// <summary>A .NET custom date and time format string, such as <c>yyyy-MM-dd</c>.</summary>
    public string Format { get; }

    public override int Length => SecondsSinceEpoch.Length;

    public override bool IsNull(int row) => double.IsNaN(SecondsSinceEpoch[row]);

    public override string? FormatValue(int row)
    {
        double seconds = SecondsSinceEpoch[row];
        if (double.IsNaN(seconds))
        {
            return null;
        }

        DateTime value = DateTime.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        return value.ToString(Format, CultureInfo.InvariantCulture);
    }
}
