using System.Numerics;

namespace SyntheticData.Evaluation.Internal;

/// <summary>
/// Computes distances to the closest record in two passes. A single-precision SIMD pass over blocks of reference rows
/// screens for the rows that can be closest. The exact double-precision distance is then computed for those rows
/// only, so results keep double precision while most of the work runs at twice the SIMD width.
/// </summary>
/// <remarks>
/// Every column is encoded so that one vector loop gives its per-column distance. Numeric columns with a range hold
/// values scaled by the reference range. Discrete columns, and numeric columns whose reference range is 0 or
/// undefined, hold codes that are compared for equality.
/// </remarks>
internal sealed class DistanceKernel
{
    private const int TargetChunk = 32;
    private const int ReferenceBlock = 2048;

    // A single-precision per-column distance is within about 1e-6 of the exact one, because scaled values lie in
    // [-1, 2] and each distance is capped at 1. This margin per column covers that error several times over.
    private const float ScreeningMarginPerColumn = 1e-5f;

    private readonly EncodedColumn[] _reference;
    private readonly EncodedColumn[] _target;
    private readonly int _referenceRows;
    private readonly int _targetRows;
    private readonly float _screeningMargin;

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
        _screeningMargin = 2 * ScreeningMarginPerColumn * Math.Max(1, reference.Length);
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
        Parallel.For(0, chunks, () => new float[ReferenceBlock], (chunk, _, buffer) =>
        {
            int firstTarget = chunk * TargetChunk;
            int endTarget = Math.Min(firstTarget + TargetChunk, _targetRows);
            var bestScreened = new float[endTarget - firstTarget];
            Array.Fill(bestScreened, float.PositiveInfinity);

            // Blocks of reference rows stay in cache while every target row of the chunk is compared with them.
            for (int blockStart = 0; blockStart < _referenceRows; blockStart += ReferenceBlock)
            {
                int blockLength = Math.Min(ReferenceBlock, _referenceRows - blockStart);
                Span<float> sums = buffer.AsSpan(0, blockLength);
                for (int t = firstTarget; t < endTarget; t++)
                {
                    sums.Clear();
                    for (int j = 0; j < _reference.Length; j++)
                    {
                        _reference[j].AddScreeningDistances(_target[j].Screening[t], blockStart, sums);
                    }

                    // The closest row's screened sum is within the margin of every row's screened minimum, so a
                    // block whose minimum exceeds the best so far by more than the margin holds no candidate.
                    float blockMinimum = Minimum(sums);
                    ref float bestSoFar = ref bestScreened[t - firstTarget];
                    if (blockMinimum > bestSoFar + _screeningMargin)
                    {
                        continue;
                    }

                    bestSoFar = Math.Min(bestSoFar, blockMinimum);
                    float threshold = blockMinimum + _screeningMargin;
                    for (int i = 0; i < sums.Length; i++)
                    {
                        if (sums[i] <= threshold)
                        {
                            best[t] = Math.Min(best[t], ExactSum(t, blockStart + i));
                        }
                    }
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

    /// <summary>Returns the sum over columns of the double-precision distance between two rows.</summary>
    private double ExactSum(int targetRow, int referenceRow)
    {
        double sum = 0;
        for (int j = 0; j < _reference.Length; j++)
        {
            double t = _target[j].Values[targetRow];
            double r = _reference[j].Values[referenceRow];
            if (_reference[j].ByEquality)
            {
                sum += t == r ? 0.0 : 1.0;
            }
            else if (double.IsNaN(t) || double.IsNaN(r))
            {
                sum += double.IsNaN(t) && double.IsNaN(r) ? 0.0 : 1.0;
            }
            else
            {
                sum += Math.Min(Math.Abs(r - t), 1.0);
            }
        }

        return sum;
    }

    private static float Minimum(ReadOnlySpan<float> values)
    {
        int i = 0;
        float minimum = float.PositiveInfinity;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            var vectorMinimum = new Vector<float>(float.PositiveInfinity);
            for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                vectorMinimum = Vector.Min(vectorMinimum, new Vector<float>(values[i..]));
            }

            for (int lane = 0; lane < Vector<float>.Count; lane++)
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

    /// <summary>One column encoded for the kernel, in double precision for exact distances and single for screening.</summary>
    private sealed class EncodedColumn
    {
        private EncodedColumn(double[] values, float[] screening, float[]? isNull, bool byEquality)
        {
            Values = values;
            Screening = screening;
            IsNull = isNull;
            ByEquality = byEquality;
        }

        /// <summary>Values divided by the reference range (NaN where null), or equality codes (nulls share code -1).</summary>
        public double[] Values { get; }

        /// <summary>
        /// Single-precision values for screening: the equality codes, or (value - reference min) / range. Target
        /// values are clamped to [-1, 2], which changes no distance because distances are capped at 1.
        /// </summary>
        public float[] Screening { get; }

        /// <summary>1 where a scaled reference value is null, 0 elsewhere; null when the column has no null.</summary>
        public float[]? IsNull { get; }

        public bool ByEquality { get; }

        /// <summary>
        /// Encodes a target and a reference column together. Numeric columns whose reference range is positive
        /// compare min(|a - b| / range, 1); everything else compares codes, 0 when equal or both null, else 1.
        /// </summary>
        public static (EncodedColumn Target, EncodedColumn Reference) Encode(MetricColumn target, MetricColumn reference)
        {
            if (reference.Numbers is { } referenceNumbers && target.Numbers is { } targetNumbers)
            {
                (double minimum, double maximum) = Bounds(referenceNumbers);
                double range = maximum - minimum;
                if (range > 0)
                {
                    return (Scaled(targetNumbers, minimum, range, clamp: true), Scaled(referenceNumbers, minimum, range, clamp: false));
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

        /// <summary>Adds this reference column's screening distance to <paramref name="target"/> for each row of the block.</summary>
        public void AddScreeningDistances(float target, int blockStart, Span<float> sums)
        {
            ReadOnlySpan<float> values = Screening.AsSpan(blockStart, sums.Length);
            if (ByEquality)
            {
                AddInequality(target, values, sums);
            }
            else if (float.IsNaN(target))
            {
                // A null target is at distance 1 from every present value and 0 from every null.
                for (int i = 0; i < sums.Length; i++)
                {
                    sums[i] += float.IsNaN(values[i]) ? 0f : 1f;
                }
            }
            else
            {
                ReadOnlySpan<float> isNull = IsNull is null ? default : IsNull.AsSpan(blockStart, sums.Length);
                AddScaled(target, values, isNull, sums);
            }
        }

        private static void AddInequality(float target, ReadOnlySpan<float> codes, Span<float> sums)
        {
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var targetVector = new Vector<float>(target);
                for (; i <= codes.Length - Vector<float>.Count; i += Vector<float>.Count)
                {
                    Vector<float> distance = Vector.ConditionalSelect(
                        Vector.Equals(new Vector<float>(codes[i..]), targetVector), Vector<float>.Zero, Vector<float>.One);
                    (new Vector<float>(sums[i..]) + distance).CopyTo(sums[i..]);
                }
            }

            for (; i < codes.Length; i++)
            {
                sums[i] += codes[i] == target ? 0f : 1f;
            }
        }

        private static void AddScaled(float target, ReadOnlySpan<float> values, ReadOnlySpan<float> isNull, Span<float> sums)
        {
            int i = 0;
            bool hasNulls = !isNull.IsEmpty;
            if (Vector.IsHardwareAccelerated)
            {
                var targetVector = new Vector<float>(target);
                for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
                {
                    Vector<float> value = new(values[i..]);
                    Vector<float> distance = Vector.Min(Vector.Abs(value - targetVector), Vector<float>.One);
                    if (hasNulls)
                    {
                        // Null reference cells hold NaN; select 1 for them, whatever Min made of the NaN.
                        Vector<float> nullMask = new(isNull[i..]);
                        distance = Vector.ConditionalSelect(Vector.Equals(nullMask, Vector<float>.One), Vector<float>.One, distance);
                    }

                    (new Vector<float>(sums[i..]) + distance).CopyTo(sums[i..]);
                }
            }

            for (; i < values.Length; i++)
            {
                sums[i] += float.IsNaN(values[i]) ? 1f : Math.Min(Math.Abs(values[i] - target), 1f);
            }
        }

        private static EncodedColumn Scaled(double[] numbers, double minimum, double range, bool clamp)
        {
            var scaled = new double[numbers.Length];
            var screening = new float[numbers.Length];
            float[]? isNull = null;
            for (int row = 0; row < numbers.Length; row++)
            {
                // Dividing by the range once makes |a - b| of scaled values equal |a - b| / range.
                scaled[row] = numbers[row] / range;
                double shifted = (numbers[row] - minimum) / range;
                screening[row] = (float)(clamp ? Math.Clamp(shifted, -1.0, 2.0) : shifted);
                if (double.IsNaN(numbers[row]))
                {
                    isNull ??= new float[numbers.Length];
                    isNull[row] = 1f;
                }
            }

            return new EncodedColumn(scaled, screening, isNull, false);
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

            return FromCodes(encoded);
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

            return FromCodes(encoded);
        }

        private static EncodedColumn FromCodes(double[] codes)
        {
            // NOTE: single precision represents codes exactly only up to 2^24 distinct values in one column. Beyond
            // that, merged codes could make the screening pass miss the closest row.
            float[] screening = codes.Select(code => (float)code).ToArray();
            return new EncodedColumn(codes, screening, null, true);
        }

        private static (double Minimum, double Maximum) Bounds(double[] values)
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

            return (minimum, maximum);
        }
    }
}
