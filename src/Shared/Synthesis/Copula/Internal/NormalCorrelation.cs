namespace SyntheticData.Synthesis.Copula.Internal;

/// <summary>
/// The correlation matrix of the copula's normal scores, made positive definite, and its Cholesky factor.
/// </summary>
internal sealed class NormalCorrelation
{
    private readonly double[,] _correlation;
    private readonly double[,] _cholesky;

    private NormalCorrelation(double[,] correlation)
    {
        // Shrinking towards the identity keeps the diagonal at 1 and, for a small enough weight, changes
        // the estimate least among the fixes that make a near-singular matrix positive definite. At weight 1
        // the matrix is the identity, so the loop ends.
        double shrinkage = 0;
        double[,] candidate = correlation;
        double[,] factor;
        while (!TryCholesky(candidate, out factor))
        {
            shrinkage = shrinkage == 0 ? 1e-10 : Math.Min(1, shrinkage * 10);
            candidate = Shrink(correlation, shrinkage);
        }

        _correlation = candidate;
        _cholesky = factor;
    }

    /// <summary>The number of dimensions.</summary>
    public int Size => _correlation.GetLength(0);

    /// <summary>Returns the correlation between dimensions <paramref name="i"/> and <paramref name="j"/>.</summary>
    public double this[int i, int j] => _correlation[i, j];

    /// <summary>Estimates the Pearson correlation of <paramref name="scores"/>, one array per dimension.</summary>
    public static NormalCorrelation Estimate(double[][] scores, CancellationToken cancellationToken)
    {
        int size = scores.Length;
        int rows = size == 0 ? 0 : scores[0].Length;
        double[][] standardized = new double[size][];
        for (int d = 0; d < size; d++)
        {
            double mean = scores[d].Average();
            double sumSquares = 0;
            foreach (double value in scores[d])
            {
                sumSquares += (value - mean) * (value - mean);
            }

            double scale = sumSquares > 0 ? 1 / Math.Sqrt(sumSquares) : 0;
            standardized[d] = scores[d].Select(value => (value - mean) * scale).ToArray();
        }

        var correlation = new double[size, size];
        for (int i = 0; i < size; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            correlation[i, i] = 1;
            for (int j = 0; j < i; j++)
            {
                double sum = 0;
                double[] a = standardized[i];
                double[] b = standardized[j];
                for (int row = 0; row < rows; row++)
                {
                    sum += a[row] * b[row];
                }

                double r = Math.Clamp(sum, -1, 1);
                correlation[i, j] = r;
                correlation[j, i] = r;
            }
        }

        return new NormalCorrelation(correlation);
    }

    /// <summary>Multiplies the Cholesky factor by <paramref name="independent"/> into <paramref name="correlated"/>.</summary>
    public void Correlate(ReadOnlySpan<double> independent, Span<double> correlated)
    {
        int size = Size;
        for (int i = 0; i < size; i++)
        {
            double sum = 0;
            for (int k = 0; k <= i; k++)
            {
                sum += _cholesky[i, k] * independent[k];
            }

            correlated[i] = sum;
        }
    }

    /// <summary>
    /// Returns the Cholesky factor of the covariance of the other dimensions given <paramref name="dimension"/>,
    /// embedded in a full-size matrix whose row and column <paramref name="dimension"/> are zero.
    /// </summary>
    public double[,] ConditionalFactor(int dimension)
    {
        int size = Size;
        int[] others = Enumerable.Range(0, size).Where(d => d != dimension).ToArray();
        var covariance = new double[others.Length, others.Length];
        for (int i = 0; i < others.Length; i++)
        {
            for (int j = 0; j < others.Length; j++)
            {
                // Schur complement: the covariance left once the fixed dimension is known (its variance is 1).
                covariance[i, j] = _correlation[others[i], others[j]] - (_correlation[others[i], dimension] * _correlation[dimension, others[j]]);
            }
        }

        // A dimension that the fixed one determines leaves a zero variance, so a small ridge is added
        // until the factor exists.
        double ridge = 0;
        double[,] factor;
        while (!TryCholesky(AddRidge(covariance, ridge), out factor))
        {
            ridge = ridge == 0 ? 1e-10 : ridge * 10;
        }

        var embedded = new double[size, size];
        for (int i = 0; i < others.Length; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                embedded[others[i], others[j]] = factor[i, j];
            }
        }

        return embedded;
    }

    /// <summary>
    /// Draws correlated scores given that <paramref name="dimension"/> equals <paramref name="fixedScore"/>,
    /// using a factor from <see cref="ConditionalFactor"/>.
    /// </summary>
    public void CorrelateGiven(int dimension, double fixedScore, double[,] conditionalFactor, ReadOnlySpan<double> independent, Span<double> correlated)
    {
        int size = Size;
        for (int i = 0; i < size; i++)
        {
            if (i == dimension)
            {
                correlated[i] = fixedScore;
                continue;
            }

            double sum = _correlation[i, dimension] * fixedScore;
            for (int k = 0; k <= i; k++)
            {
                sum += conditionalFactor[i, k] * independent[k];
            }

            correlated[i] = sum;
        }
    }

    /// <summary>Writes the lower triangle.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Size);
        for (int i = 0; i < Size; i++)
        {
            for (int j = 0; j < i; j++)
            {
                writer.Write(_correlation[i, j]);
            }
        }
    }

    /// <summary>Reads a matrix written by <see cref="Write"/>.</summary>
    public static NormalCorrelation Read(BinaryReader reader)
    {
        int size = reader.ReadInt32();
        if (size < 0 || size > 100_000)
        {
            throw new ModelFormatException($"Correlation matrix size {size} is invalid.");
        }

        var correlation = new double[size, size];
        for (int i = 0; i < size; i++)
        {
            correlation[i, i] = 1;
            for (int j = 0; j < i; j++)
            {
                double r = reader.ReadDouble();
                if (!(r >= -1 && r <= 1))
                {
                    throw new ModelFormatException("Invalid correlation in the model payload: it must lie in [-1, 1].");
                }

                correlation[i, j] = r;
                correlation[j, i] = r;
            }
        }

        return new NormalCorrelation(correlation);
    }

    private static double[,] Shrink(double[,] correlation, double weight)
    {
        int size = correlation.GetLength(0);
        var result = new double[size, size];
        for (int i = 0; i < size; i++)
        {
            for (int j = 0; j < size; j++)
            {
                result[i, j] = i == j ? 1 : (1 - weight) * correlation[i, j];
            }
        }

        return result;
    }

    private static double[,] AddRidge(double[,] matrix, double ridge)
    {
        var result = (double[,])matrix.Clone();
        for (int i = 0; i < result.GetLength(0); i++)
        {
            result[i, i] += ridge;
        }

        return result;
    }

    private static bool TryCholesky(double[,] matrix, out double[,] factor)
    {
        int size = matrix.GetLength(0);
        factor = new double[size, size];
        for (int i = 0; i < size; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = matrix[i, j];
                for (int k = 0; k < j; k++)
                {
                    sum -= factor[i, k] * factor[j, k];
                }

                if (i == j)
                {
                    // A pivot this small means the matrix is numerically singular.
                    if (sum <= 1e-10)
                    {
                        return false;
                    }

                    factor[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    factor[i, j] = sum / factor[j, j];
                }
            }
        }

        return true;
    }
}
