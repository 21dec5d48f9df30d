namespace SyntheticData.Synthesis.Copula.Internal;

/// <summary>
/// The distribution of a numeric column's present values: point masses at frequent values plus an
/// optional continuous part. With no continuous part it is a discrete distribution over observed values.
/// </summary>
/// <remarks>
/// Encoding uses the distributional transform: a value carrying a point mass maps to a uniform draw
/// inside its jump of the CDF, so the encoded values are uniform on (0, 1) however many ties there are.
/// </remarks>
internal sealed class MixedMarginal
{
    private readonly double[] _massValues;
    private readonly double[] _massProbabilities;
    private readonly double[] _massLowU;
    private readonly double _continuousWeight;
    private readonly ContinuousMarginal? _continuous;

    public MixedMarginal(double[] massValues, double[] massProbabilities, ContinuousMarginal? continuous)
    {
        _massValues = massValues;
        _massProbabilities = massProbabilities;
        _continuous = continuous;
        _continuousWeight = continuous is null ? 0 : Math.Max(0, 1 - massProbabilities.Sum());

        // Where each point mass's jump starts: the masses below it plus the continuous mass below it.
        _massLowU = new double[massValues.Length];
        double massesBelow = 0;
        for (int k = 0; k < massValues.Length; k++)
        {
            _massLowU[k] = massesBelow + ContinuousBelow(massValues[k]);
            massesBelow += massProbabilities[k];
        }
    }

    /// <summary>The continuous part, or null when the column is modelled as discrete.</summary>
    public ContinuousMarginal? Continuous => _continuous;

    /// <summary>The number of point masses.</summary>
    public int MassCount => _massValues.Length;

    /// <summary>Maps a present value to a uniform number in (0, 1); ties spread uniformly over their jump.</summary>
    public double Encode(double value, Random random)
    {
        int k = Array.BinarySearch(_massValues, value);
        if (k >= 0)
        {
            return _massLowU[k] + (random.NextDouble() * _massProbabilities[k]);
        }

        // A value between masses: the masses below it plus the continuous mass below it.
        return MassesBelow(~k) + ContinuousBelow(value);
    }

    /// <summary>
    /// Returns the interval of uniform numbers that encode <paramref name="value"/>: its jump for a point
    /// mass, a single point otherwise.
    /// </summary>
    public (double Low, double High) JumpOf(double value)
    {
        int k = Array.BinarySearch(_massValues, value);
        if (k >= 0)
        {
            return (_massLowU[k], _massLowU[k] + _massProbabilities[k]);
        }

        double u = MassesBelow(~k) + ContinuousBelow(value);
        return (u, u);
    }

    /// <summary>Maps a uniform number in (0, 1) back to a value.</summary>
    public double Decode(double u)
    {
        double massesBelow = 0;
        for (int k = 0; k < _massValues.Length; k++)
        {
            if (u < _massLowU[k])
            {
                return ContinuousInverse(u - massesBelow);
            }

            if (u < _massLowU[k] + _massProbabilities[k])
            {
                return _massValues[k];
            }

            massesBelow += _massProbabilities[k];
        }

        return ContinuousInverse(u - massesBelow);
    }

    /// <summary>Writes the point masses and the continuous part.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(_massValues.Length);
        for (int k = 0; k < _massValues.Length; k++)
        {
            writer.Write(_massValues[k]);
            writer.Write(_massProbabilities[k]);
        }

        writer.Write(_continuous is not null);
        _continuous?.Write(writer);
    }

    /// <summary>Reads a marginal written by <see cref="Write"/>.</summary>
    public static MixedMarginal Read(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        if (count < 0 || count > 1_000_000)
        {
            throw new ModelFormatException($"Point mass count {count} is invalid.");
        }

        double[] values = new double[count];
        double[] probabilities = new double[count];
        for (int k = 0; k < count; k++)
        {
            values[k] = reader.ReadDouble();
            probabilities[k] = reader.ReadDouble();
        }

        ContinuousMarginal? continuous = reader.ReadBoolean() ? ContinuousMarginal.Read(reader) : null;
        return new MixedMarginal(values, probabilities, continuous);
    }

    private double MassesBelow(int count)
    {
        double sum = 0;
        for (int j = 0; j < count; j++)
        {
            sum += _massProbabilities[j];
        }

        return sum;
    }

    private double ContinuousBelow(double value) =>
        _continuous is null ? 0 : _continuousWeight * _continuous.Cdf(value);

    private double ContinuousInverse(double continuousU)
    {
        if (_continuous is null || _continuousWeight <= 0)
        {
            return _massValues[^1];
        }

        double u = Math.Clamp(continuousU / _continuousWeight, 1e-12, 1 - 1e-12);
        return _continuous.InverseCdf(u);
    }
}
