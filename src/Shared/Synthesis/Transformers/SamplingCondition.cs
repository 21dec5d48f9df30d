using System.Globalization;

namespace SyntheticData.Synthesis.Transformers;

/// <summary>
/// A request to sample only rows whose <paramref name="Column"/> equals <paramref name="Value"/>. A numeric
/// value matches within <c>|value| x RelativeTolerance</c> and is then set exactly to the requested value.
/// </summary>
/// <param name="Column">The column header name.</param>
/// <param name="Value">The requested value as text: a category label, or a number in invariant culture.</param>
public sealed record SamplingCondition(string Column, string Value)
{
    /// <summary>The relative tolerance for numeric columns; the default is 0.01.</summary>
    public double RelativeTolerance { get; init; } = 0.01;

    /// <summary>Parses <c>column=value</c>; the value may contain further '=' characters.</summary>
    /// <exception cref="FormatException">The text has no '=' or an empty column name.</exception>
    public static SamplingCondition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int separator = text.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw new FormatException("A condition must have the form column=value, with a non-empty column name.");
        }

        return new SamplingCondition(text[..separator], text[(separator + 1)..]);
    }

    /// <summary>Returns the value as a number when it parses as one in invariant culture.</summary>
    internal bool TryGetNumber(out double number) =>
        double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}
