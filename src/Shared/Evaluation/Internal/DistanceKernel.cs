using System.Numerics;

namespace SyntheticData.Evaluation.Internal;

/// <summary>
/// Computes distances to the closest record with SIMD over reference rows. Every column is encoded so that one
/// vector loop gives its per-column distance: scaled numbers for columns with a range, and codes compared for
/// equality for discrete columns and for numeric columns whose reference range is 0 or undefined.
/// </summary>
internal sealed class DistanceKernel
{
    private const int TargetChunk = 32;
    private const int ReferenceBlock = 2048;

    private readonly EncodedColumn[] _reference;
    private readonly EncodedColumn[] _target;
    private readonly int _referenceRows;
    private readonly int _targetRows;

    public DistanceKernel(MetricColumn[] target, MetricColumn[] reference)
    {
        _target = new EncodedColumn[target.Length];
        _reference = new EncodedColumn[reference.Length];
        for (int j = 0; j < reference.Length; j++)
        {
            (_target[j], _reference[j]) = EncodedColumn.Encode(target[j], reference[j]);
        }

        _targetRows = target.Length == 0 ? 0 : target[0].Length;
        _referenceRows = reference.Length == 0 ? 0 : reference[0].Length;
    }

    /// <summary>Returns, for each target row, the minimum over reference rows of the mean per-column distance.</summary>
    public double[] ClosestDistances()
    {
        var best = new double[_targetRows];
        Array.Fill(best, double.PositiveInfinity);
        if (_reference.Length == 0 || _referenceRows == 0)
        {
            Array.Fill(best, double.NaN);
            return best;
        }

        int chunks = (_targetRows + TargetChunk - 1) / TargetChunk;
        Parallel.For(0, chunks, () => new double[ReferenceBlock], (chunk, _, buffer) =>
        {
            int firstTarget = chunk * TargetChunk;
            int endTarget = Math.Min(firstTarget + TargetChunk, _targetRows);

            // Blocks of reference rows stay in cache while every target row of the chunk is compared with them.
            for (int blockStart = 0; blockStart < _referenceRows; blockStart += ReferenceBlock)
            {
                int blockLength = Math.Min(ReferenceBlock, _referenceRows - blockStart);
                Span<double> sums = buffer.AsSpan(0, blockLength);
                for (int t = firstTarget; t < endTarget; t++)
                {
                    sums.Clear();
                    for (int j = 0; j < _reference.Length; j++)
                    {
                        _reference[j].AddDistances(_target[j].Values[t], blockStart, sums);
                    }

                    best[t] = Math.Min(best[t], Minimum(sums));
                }
            }

            return buffer;
        }, _ => { });

        for (int t = 0; t < best.Length; t++)
        {
            best[t] /= _reference.Length;
        }

        return best;
    }

    private static double Minimum(ReadOnlySpan<double> values)
    {
        int i = 0;
        double minimum = double.PositiveInfinity;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<double>.Count)
        {
            var vectorMinimum = new Vector<double>(double.PositiveInfinity);
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                vectorMinimum = Vector.Min(vectorMinimum, new Vector<double>(values[i..]));
            }

            for (int lane = 0; lane < Vector<double>.Count; lane++)
            {
                minimum = Math.Min(minimum, vectorMinimum[lane]);
            }
        }

        for (; i < values.Length; i++)
        {
            minimum = Math.Min(minimum, values[i]);
        }

        return minimum;
    }

    /// <summary>One column encoded for the kernel.</summary>
    private sealed class EncodedColumn
    {
        private EncodedColumn(double[] values, double[]? isNull, double inverseRange, bool byEquality)
        {
            Values = values;
            IsNull = isNull;
            InverseRange = inverseRange;
            ByEquality = byEquality;
        }

        /// <summary>Scaled values (NaN where null) or equality codes (nulls share one code).</summary>
        public double[] Values { get; }

        /// <summary>1 where a scaled value is null, 0 elsewhere; null when the column has no null.</summary>
        public double[]? IsNull { get; }

        public double InverseRange { get; }

        public bool ByEquality { get; }

        /// <summary>
        /// Encodes a target and a reference column together. Numeric columns whose reference range is positive
        /// compare min(|a - b| / range, 1); everything else compares codes, 0 when equal or both null, else 1.
        /// </summary>
        public static (EncodedColumn Target, EncodedColumn Reference) Encode(MetricColumn target, MetricColumn reference)
        {
            if (reference.Numbers is { } referenceNumbers && target.Numbers is { } targetNumbers)
            {
                double range = Range(referenceNumbers);
                if (range > 0)
                {
                    return (Scaled(targetNumbers, range), Scaled(referenceNumbers, range));
                }

                var numberCodes = new Dictionary<double, double>();
                return (Coded(targetNumbers, numberCodes), Coded(referenceNumbers, numberCodes));
            }

            if (reference.Labels is { } referenceLabels && target.Labels is { } targetLabels)
            {
                var labelCodes = new Dictionary<string, double>(StringComparer.Ordinal);
                return (Coded(targetLabels, labelCodes), Coded(referenceLabels, labelCodes));
            }

            throw new ArgumentException($"Column '{target.Name}' is {target.SdType} in one table and {reference.SdType} in the other.", nameof(target));
        }

        /// <summary>Adds this reference column's distance to <paramref name="target"/> for each row of the block.</summary>
        public void AddDistances(double target, int blockStart, Span<double> sums)
        {
            ReadOnlySpan<double> values = Values.AsSpan(blockStart, sums.Length);
            if (ByEquality)
            {
                AddInequality(target, values, sums);
            }
            else if (double.IsNaN(target))
            {
                // A null target is at distance 1 from every present value and 0 from every null.
                for (int i = 0; i < sums.Length; i++)
                {
                    sums[i] += double.IsNaN(values[i]) ? 0.0 : 1.0;
                }
            }
            else
            {
                ReadOnlySpan<double> isNull = IsNull is null ? default : IsNull.AsSpan(blockStart, sums.Length);
                AddScaled(target, values, isNull, sums);
            }
        }

        private static void AddInequality(double target, ReadOnlySpan<double> codes, Span<double> sums)
        {
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var targetVector = new Vector<double>(target);
                for (; i <= codes.Length - Vector<double>.Count; i += Vector<double>.Count)
                {
                    Vector<double> distance = Vector.ConditionalSelect(
                        Vector.Equals(new Vector<double>(codes[i..]), targetVector), Vector<double>.Zero, Vector<double>.One);
                    (new Vector<double>(sums[i..]) + distance).CopyTo(sums[i..]);
                }
            }

            for (; i < codes.Length; i++)
            {
                sums[i] += codes[i] == target ? 0.0 : 1.0;
            }
        }

        private static void AddScaled(double target, ReadOnlySpan<double> values, ReadOnlySpan<double> isNull, Span<double> sums)
        {
            int i = 0;
            bool hasNulls = !isNull.IsEmpty;
            if (Vector.IsHardwareAccelerated)
            {
                var targetVector = new Vector<double>(target);
                for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
                {
                    Vector<double> value = new(values[i..]);
                    Vector<double> distance = Vector.Min(Vector.Abs(value - targetVector), Vector<double>.One);
                    if (hasNulls)
                    {
                        // Null reference cells hold NaN; select 1 for them, whatever Min made of the NaN.
                        Vector<double> nullMask = new(isNull[i..]);
                        distance = Vector.ConditionalSelect(Vector.Equals(nullMask, Vector<double>.One), Vector<double>.One, distance);
                    }

                    (new Vector<double>(sums[i..]) + distance).CopyTo(sums[i..]);
                }
            }

            for (; i < values.Length; i++)
            {
                sums[i] += double.IsNaN(values[i]) ? 1.0 : Math.Min(Math.Abs(values[i] - target), 1.0);
            }
        }

        private static EncodedColumn Scaled(double[] numbers, double range)
        {
            // Values are divided by the reference range once, so |a - b| of scaled values is |a - b| / range.
            var scaled = new double[numbers.Length];
            double[]? isNull = null;
            for (int row = 0; row < numbers.Length; row++)
            {
                scaled[row] = numbers[row] / range;
                if (double.IsNaN(numbers[row]))
                {
                    isNull ??= new double[numbers.Length];
                    isNull[row] = 1.0;
                }
            }

            return new EncodedColumn(scaled, isNull, 1.0 / range, false);
        }

        private static EncodedColumn Coded(double[] numbers, Dictionary<double, double> codes)
        {
            var encoded = new double[numbers.Length];
            for (int row = 0; row < numbers.Length; row++)
            {
                double value = numbers[row];
                if (double.IsNaN(value))
                {
                    encoded[row] = -1;
                    continue;
                }

                if (!codes.TryGetValue(value, out double code))
                {
                    code = codes.Count;
                    codes.Add(value, code);
                }

                encoded[row] = code;
            }

            return new EncodedColumn(encoded, null, 1.0, true);
        }

        private static EncodedColumn Coded(string?[] labels, Dictionary<string, double> codes)
        {
            var encoded = new double[labels.Length];
            for (int row = 0; row < labels.Length; row++)
            {
                string? label = labels[row];
                if (label is null)
                {
                    encoded[row] = -1;
                    continue;
                }

                if (!codes.TryGetValue(label, out double code))
                {
                    code = codes.Count;
                    codes.Add(label, code);
                }

                encoded[row] = code;
            }

            return new EncodedColumn(encoded, null, 1.0, true);
        }

        private static double Range(double[] values)
        {
            double minimum = double.PositiveInfinity;
            double maximum = double.NegativeInfinity;
            foreach (double value in values)
            {
                if (!double.IsNaN(value))
                {
                    minimum = Math.Min(minimum, value);
                    maximum = Math.Max(maximum, value);
                }
            }

            return maximum - minimum;
        }
    }
}
