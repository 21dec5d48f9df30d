using System.Globalization;

namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// Summary statistics of a column's non-missing sampled values. They rule out kinds whose values merely look
/// alike, so an order number is not taken for a phone number or a product title for a name.
/// </summary>
internal sealed class ColumnProfile
{
    private ColumnProfile()
    {
    }

    public int Count { get; private init; }

    public int DistinctCount { get; private init; }

    public double DistinctRatio => Count == 0 ? 0 : (double)DistinctCount / Count;

    /// <summary>Share of values that parse as a number (invariant culture).</summary>
    public double NumericShare { get; private init; }

    /// <summary>Share of values that are integers written with digits only (an optional leading minus).</summary>
    public double IntegerShare { get; private init; }

    /// <summary>Share of values containing at least one letter.</summary>
    public double LetterShare { get; private init; }

    /// <summary>Share of values containing phone punctuation: a leading '+', a space, parentheses, '-' or '.' between digits.</summary>
    public double PhoneFormattedShare { get; private init; }

    /// <summary>The share of values that read as dates, with or without a time of day.</summary>
    public double DateShare { get; private init; }

    public double UuidShare { get; private init; }

    public double GtinShare { get; private init; }

    public double LongHexShare { get; private init; }

    public double AverageLength { get; private init; }

    public double AverageWords { get; private init; }

    /// <summary>True when every value has the same length.</summary>
    public bool HasConstantLength { get; private init; }

    /// <summary>True when the values are integers that rise by exactly one from row to row.</summary>
    public bool IsSequential { get; private init; }

    /// <summary>The smallest and largest numeric values; NaN when none parse.</summary>
    public double Minimum { get; private init; } = double.NaN;

    public double Maximum { get; private init; } = double.NaN;

    public static ColumnProfile Of(IReadOnlyList<string> values)
    {
        int count = values.Count;
        if (count == 0)
        {
            return new ColumnProfile();
        }

        int numeric = 0, integer = 0, letters = 0, formatted = 0, uuid = 0, gtin = 0, longHex = 0, dates = 0;
        long totalLength = 0, totalWords = 0;
        double minimum = double.PositiveInfinity, maximum = double.NegativeInfinity;
        bool sequential = true;
        long previousInteger = 0;
        int firstLength = values[0].Length;
        bool constantLength = true;
        HashSet<string> distinct = new(StringComparer.Ordinal);

        for (int i = 0; i < count; i++)
        {
            string value = values[i];
            distinct.Add(value);
            totalLength += value.Length;
            totalWords += CountWords(value);
            constantLength &= value.Length == firstLength;

            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number))
            {
                numeric++;
                minimum = Math.Min(minimum, number);
                maximum = Math.Max(maximum, number);
            }

            if (IsIntegerText(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long current))
            {
                integer++;
                sequential &= i == 0 || current == previousInteger + 1;
                previousInteger = current;
            }
            else
            {
                sequential = false;
            }

            letters += value.Any(char.IsLetter) ? 1 : 0;
            formatted += HasPhonePunctuation(value) ? 1 : 0;
            uuid += ValueShapes.IsUuid(value) ? 1 : 0;
            gtin += ValueShapes.IsGtin(value) ? 1 : 0;
            longHex += ValueShapes.IsLongHex(value) ? 1 : 0;
            dates += MayBeDate(value) && ValueShapes.TryParseDate(value, out _) ? 1 : 0;
        }

        return new ColumnProfile
        {
            Count = count,
            DistinctCount = distinct.Count,
            NumericShare = (double)numeric / count,
            IntegerShare = (double)integer / count,
            LetterShare = (double)letters / count,
            PhoneFormattedShare = (double)formatted / count,
            UuidShare = (double)uuid / count,
            GtinShare = (double)gtin / count,
            LongHexShare = (double)longHex / count,
            DateShare = (double)dates / count,
            AverageLength = (double)totalLength / count,
            AverageWords = (double)totalWords / count,
            HasConstantLength = constantLength,
            IsSequential = sequential && count >= 2,
            Minimum = numeric > 0 ? minimum : double.NaN,
            Maximum = numeric > 0 ? maximum : double.NaN,
        };
    }

    // Only values of a date's length that start with a digit and hold a date separator are parsed, since parsing tries
    // many formats.
    private static bool MayBeDate(string value) =>
        value.Length is >= 6 and <= 40 && char.IsAsciiDigit(value[0]) && value.AsSpan().IndexOfAny("-/.年") >= 0;

    private static bool IsIntegerText(string value)
    {
        ReadOnlySpan<char> digits = value.StartsWith('-') ? value.AsSpan(1) : value;
        return digits.Length is > 0 and <= 18 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    private static bool HasPhonePunctuation(string value)
    {
        if (value.StartsWith('+') || value.Contains('(') || value.Contains(' '))
        {
            return true;
        }

        // A dash or dot counts only between digits, so "-0.42" (a negative amount) does not.
        for (int i = 1; i + 1 < value.Length; i++)
        {
            if (value[i] is '-' or '.' && char.IsAsciiDigit(value[i - 1]) && char.IsAsciiDigit(value[i + 1]))
            {
                return !value.Contains('.') || value.Count('.') > 1 || value.Contains('-');
            }
        }

        return false;
    }

    /// <summary>Counts whitespace-separated words, so that UUIDs and hyphenated codes count as one.</summary>
    private static int CountWords(string value)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in value)
        {
            bool whitespace = char.IsWhiteSpace(c);
            if (!whitespace && !inWord)
            {
                words++;
            }

            inWord = !whitespace;
        }

        return words;
    }
}
