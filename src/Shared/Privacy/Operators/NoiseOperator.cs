using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Operators;

/// <summary>
/// Adds Laplace or Gaussian noise with a stated scale to numbers. The draw is seeded by an HMAC of the
/// column name and the number under the noise subkey, the number written in its shortest round-trip form, so
/// <c>12.50</c> from a CSV extract and <c>12.5</c> from a typed Parquet copy get the same noise. One key version
/// therefore always gives the same output for the same value, so repeating an extract does not let noise be averaged
/// away. The result is rounded to the input's number of decimals (<c>1E-2</c> has two) unless <c>decimals</c> is set,
/// and a result that rounds to zero is written without a minus sign. Nothing bounds the result, so noise can make an
/// amount or a count negative.
/// </summary>
public sealed class NoiseOperator : ColumnOperator
{
    private readonly byte[] _key;
    private readonly string _column;
    private readonly double _scale;
    private readonly NoiseDistribution _distribution;
    private readonly int? _decimals;

    /// <summary>Creates a noise operator.</summary>
    /// <param name="key">The key version; draws use their own derived subkey.</param>
    /// <param name="column">The column name, which separates the draws of different columns.</param>
    /// <param name="scale">The Laplace scale b, or the Gaussian standard deviation, in the column's unit.</param>
    /// <param name="distribution">The noise distribution.</param>
    /// <param name="decimals">Decimals of the output; null keeps the input's.</param>
    public NoiseOperator(KeyMaterial key, string column, double scale, NoiseDistribution distribution, int? decimals)
    {
        if (!(scale > 0) || !double.IsFinite(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be a finite number greater than 0.");
        }

        _key = KeyDerivation.Derive(key, KeyPurpose.Noise);
        _column = column;
        _scale = scale;
        _distribution = distribution;
        _decimals = decimals;
    }

    public override OperatorKind Kind => OperatorKind.Noise;

    public override bool TryApply(string value, RowContext row, out string output)
    {
        string trimmed = value.Trim();
        if (!NumericText.TryParse(trimmed, out double number))
        {
            output = string.Empty;
            return false;
        }

        // -0 and 0 are one number, so they share a seed.
        number = number == 0 ? 0 : number;
        int decimals = _decimals ?? CountDecimals(trimmed);
        double noisy = Math.Round(number + Draw(number.ToString("R", CultureInfo.InvariantCulture)), decimals, MidpointRounding.ToEven);

        // Rounding a small negative result gives -0, which would be written "-0".
        if (noisy == 0)
        {
            noisy = 0;
        }

        output = noisy.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return true;
    }

    private double Draw(string value)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(_column + "\u0000" + value), mac);

        // Two uniforms in (0, 1) from 53 bits each; neither can be 0 or 1.
        double u1 = ((BinaryPrimitives.ReadUInt64LittleEndian(mac) >> 11) + 0.5) / (1UL << 53);
        double u2 = ((BinaryPrimitives.ReadUInt64LittleEndian(mac[8..]) >> 11) + 0.5) / (1UL << 53);
        return _distribution switch
        {
            // Inverse CDF of the Laplace distribution.
            NoiseDistribution.Laplace => u1 < 0.5 ? _scale * Math.Log(2 * u1) : -_scale * Math.Log(2 * (1 - u1)),

            // Box-Muller transform.
            _ => _scale * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2),
        };
    }

    // The decimals a number is written with: those of its mantissa less its exponent, so 1.25E1 has one and 1E-2 two.
    private static int CountDecimals(string number)
    {
        int exponentAt = number.IndexOfAny(['e', 'E']);
        string mantissa = exponentAt >= 0 ? number[..exponentAt] : number;
        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        int decimals = point < 0 ? 0 : mantissa.Length - point - 1;
        if (exponentAt >= 0 && int.TryParse(number.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int exponent))
        {
            decimals -= exponent;
        }

        return Math.Clamp(decimals, 0, 10);
    }
}
