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
        // Only whole numbers are card numbers: 40.14899999999999 is a coordinate, whatever its digits pass.
        if (trimmed.Length >= 12 && trimmed.AsSpan().IndexOfAnyExcept("0123456789 -") < 0 && Cards.Validate(trimmed) == ValueCheck.Valid)
        {
            return false;
        }

        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
    }
}
