using System.Globalization;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Operators;

/// <summary>
/// Coarsens values so that fewer records share a unique combination: numeric bins, age bands,
/// date to year or month, and postcode prefixes. A value that does not parse as the method expects
/// is reported, and written as missing.
/// </summary>
public sealed class GeneralizeOperator : ColumnOperator
{
    // Decimal edges without trailing zeros or an exponent: 0.30 is written 0.3, and 1E+2 is written 100.
    private const string DecimalPattern = "0.############################";

    private readonly GeneralizeMethod _method;
    private readonly double _width;
    private readonly double _origin;
    private readonly int _top;
    private readonly int _prefixLength;
    private readonly DateFormats _dates;
    private readonly int _padDigits;

    /// <summary>Creates a generalize operator.</summary>
    /// <param name="method">How values are coarsened.</param>
    /// <param name="width">Bin or band width, greater than 0.</param>
    /// <param name="origin">Where bins start (a bin edge); 0 by default.</param>
    /// <param name="top">Age bands: the lower edge of the open top band.</param>
    /// <param name="prefixLength">Postcodes: how many leading characters stay.</param>
    /// <param name="dates">Date methods: the accepted input formats.</param>
    /// <param name="padDigits">Postcodes: all-digit codes shorter than this get leading zeros first; 0 for none.</param>
    public GeneralizeOperator(
        GeneralizeMethod method,
        double width,
        double origin,
        int top,
        int prefixLength,
        DateFormats dates,
        int padDigits = 0)
    {
        if (!(width > 0) || !double.IsFinite(width))
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "The width must be a finite number greater than 0.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfNegative(padDigits);
        ArgumentNullException.ThrowIfNull(dates);
        _method = method;
        _width = width;
        _origin = origin;
        _top = top;
        _prefixLength = prefixLength;
        _dates = dates;
        _padDigits = padDigits;
    }

    public override OperatorKind Kind => OperatorKind.Generalize;

    /// <summary>The formats that read the column's dates, or null when the method does not read dates.</summary>
    internal DateFormats? Dates => _method is GeneralizeMethod.DateYear or GeneralizeMethod.DateMonth ? _dates : null;

    public override bool TryApply(string value, RowContext row, out string output)
    {
        output = string.Empty;
        switch (_method)
        {
            case GeneralizeMethod.NumericBins:
                if (!TryParseNumber(value, out double number))
                {
                    return false;
                }

                // A bin too narrow for the number's magnitude has equal edges, which would show the value.
                output = NumericBin(value, number) ?? string.Empty;
                return output.Length > 0;

            case GeneralizeMethod.AgeBands:
                if (!TryParseNumber(value, out double age) || age < 0)
                {
                    return false;
                }

                if (age >= _top)
                {
                    output = string.Create(CultureInfo.InvariantCulture, $"{_top}+");
                    return true;
                }

                // Bands start at the origin. Ages below it share one band from 0 to the origin.
                int bandStart = age < _origin ? 0 : (int)(_origin + (Math.Floor((age - _origin) / _width) * _width));
                int bandEnd = (int)Math.Min(_top, age < _origin ? _origin : bandStart + _width) - 1;
                output = string.Create(CultureInfo.InvariantCulture, $"{bandStart}-{bandEnd}");
                return true;

            case GeneralizeMethod.DateYear or GeneralizeMethod.DateMonth:
                if (_dates.TryParse(value, out DateTimeOffset date) < 0)
                {
                    // A value already at the method's precision (1964 for dateYear, 1964-07 for dateMonth), as an earlier
                    // run of this operator wrote it, stays as it is, so an anonymized extract can go through a policy
                    // again. The declared formats come first, so a format such as MMyy still reads 0485 as April 1985.
                    return TryAtPrecision(value.AsSpan().Trim(), out output);
                }

                output = date.ToString(_method == GeneralizeMethod.DateYear ? "yyyy" : "yyyy-MM", CultureInfo.InvariantCulture);
                return true;

            default:
                output = MaskPostcode(value.Trim());
                return true;
        }
    }

    /// <summary>
    /// Returns the half-open bin of a number, such as <c>[0.3, 0.4)</c>. Decimal arithmetic keeps a value written on an
    /// edge in the bin that starts there. In binary floating point 0.3 / 0.1 is 2.9999999999999996, which put 0.3 in
    /// [0.2, 0.3). Numbers beyond the decimal range take the binary path, rounded to 10 decimals.
    /// </summary>
    private string? NumericBin(string value, double number)
    {
        bool fitsDecimal = Math.Abs(_width) is >= 1e-20 and < 1e27 && Math.Abs(_origin) < 1e27;
        if (fitsDecimal && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact))
        {
            try
            {
                decimal width = (decimal)_width;
                decimal origin = (decimal)_origin;
                decimal low = origin + (Math.Floor((exact - origin) / width) * width);
                string lowText = low.ToString(DecimalPattern, CultureInfo.InvariantCulture);
                string highText = (low + width).ToString(DecimalPattern, CultureInfo.InvariantCulture);
                return $"[{lowText}, {highText})";
            }
            catch (OverflowException)
            {
                // Near the decimal limits: fall through to binary arithmetic.
            }
        }

        // Rounding to 10 decimals removes binary artefacts such as 40.300000000000004 from the edges.
        double lower = Math.Round(_origin + (Math.Floor((number - _origin) / _width) * _width), 10);
        double upper = Math.Round(lower + _width, 10);
        return upper > lower ? string.Create(CultureInfo.InvariantCulture, $"[{lower:R}, {upper:R})") : null;
    }

    // Reads a year (1964) or a year and month (1964-07) and writes it at the method's precision: a month keeps both, a
    // year only the year. A year alone cannot give a month.
    private bool TryAtPrecision(ReadOnlySpan<char> value, out string output)
    {
        output = string.Empty;
        if (value.Length < 4 || !IsYear(value[..4]))
        {
            return false;
        }

        bool yearAndMonth = value.Length == 7 && value[4] == '-'
            && int.TryParse(value[5..], NumberStyles.None, CultureInfo.InvariantCulture, out int month) && month is >= 1 and <= 12;
        if (_method == GeneralizeMethod.DateYear && (value.Length == 4 || yearAndMonth))
        {
            output = value[..4].ToString();
            return true;
        }

        if (_method == GeneralizeMethod.DateMonth && yearAndMonth)
        {
            output = value.ToString();
            return true;
        }

        return false;
    }

    private static bool IsYear(ReadOnlySpan<char> digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year >= 1;

    private string MaskPostcode(string postcode)
    {
        if (postcode.Length > 0 && postcode.Length < _padDigits && postcode.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            postcode = postcode.PadLeft(_padDigits, '0');
        }

        // Upper case, so that sw1a and SW1A fall into one area and one quasi-identifier class.
        char[] chars = postcode.ToUpperInvariant().ToCharArray();
        bool maskAll = chars.Count(char.IsLetterOrDigit) <= _prefixLength;
        int seen = 0;
        for (int i = 0; i < chars.Length; i++)
        {
            if (!char.IsLetterOrDigit(chars[i]))
            {
                continue;
            }

            // A value no longer than the prefix is masked whole: it would otherwise pass through unchanged.
            if (seen >= _prefixLength || maskAll)
            {
                chars[i] = '*';
            }

            seen++;
        }

        return new string(chars);
    }

    private static bool TryParseNumber(string value, out double number) => NumericText.TryParse(value, out number);
}
