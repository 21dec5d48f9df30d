using System.Globalization;
using SyntheticData.Privacy.Detection;

namespace SyntheticData.Privacy.Operators;

/// <summary>Reads the numbers that numeric operators (noise, numeric bins, age bands) change.</summary>
internal static class NumericText
{
    private static readonly CardNumberDetector Cards = new();

    /// <summary>
    /// Parses a finite number in invariant culture, and rejects a valid card number that strayed into the column: noise
    /// of a few units, or a bin of width 10 around it, would publish all but its last digits.
    /// </summary>
    public static bool TryParse(string value, out double number)
    {
        string trimmed = value.Trim();
        number = 0;
        if (trimmed.Length >= 12 && (IsCard(trimmed) || IsCard(IntegerPart(trimmed))))
        {
            return false;
        }

        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
    }

    // Digits with spaces or dashes between groups, as a card is written; 40.14899999999999 is a coordinate, whatever its
    // digits pass.
    private static bool IsCard(string? text) =>
        text is { Length: >= 12 } && text.AsSpan().IndexOfAnyExcept("0123456789 -") < 0 && Cards.Validate(text) == ValueCheck.Valid;

    /// <summary>
    /// Returns the whole part of a number written with a sign, leading zeros, decimals or an exponent, such as
    /// 4111111111111111.00 or 4.111111111111111E15, read exactly as a decimal. Returns null for text that is no number.
    /// </summary>
    private static string? IntegerPart(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value)
            ? decimal.Truncate(Math.Abs(value)).ToString(CultureInfo.InvariantCulture)
            : null;
}
