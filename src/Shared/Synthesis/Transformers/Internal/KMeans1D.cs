namespace SyntheticData.Synthesis.Transformers.Internal;

/// <summary>
/// Seeded k-means on one dimension (k-means++ seeding, then Lloyd iterations), used to initialise the
/// Gaussian mixture's responsibilities.
/// </summary>
internal static class KMeans1D
{
    private const int MaxIterations = 300;

    /// <summary>Returns a cluster label in [0, k) for each value.</summary>
    public static int[] Cluster(double[] x, int k, Random random)
    {
        int n = x.Length;
        int[] labels = new int[n];
        if (k == 1)
        {
            return labels;
        }

        double[] centers = SeedPlusPlus(x, k, random);
        double[] sums = new double[k];
        int[] counts = new int[k];
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            bool changed = iteration == 0;
            Array.Clear(sums);
            Array.Clear(counts);
            for (int i = 0; i < n; i++)
            {
                int best = Nearest(centers, x[i], out _);
                if (best != labels[i])
                {
                    labels[i] = best;
                    changed = true;
                }

                sums[best] += x[i];
                counts[best]++;
            }

            if (!changed)
            {
                break;
            }

            for (int j = 0; j < k; j++)
            {
                // An empty cluster keeps its centre; the mixture then gives it a negligible weight.
                if (counts[j] > 0)
                {
                    centers[j] = sums[j] / counts[j];
                }
            }
        }

        return labels;
    }

    private static double[] SeedPlusPlus(double[] x, int k, Random random)
    {
        int n = x.Length;
        double[] centers = new double[k];
        double[] distance = new double[n];
        centers[0] = x[random.Next(n)];
        for (int i = 0; i < n; i++)
        {
            double d = x[i] - centers[0];
            distance[i] = d * d;
        }

        for (int j = 1; j < k; j++)
        {
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                total += distance[i];
            }

            int chosen;
            if (total <= 0)
            {
                // Every value coincides with a centre already: any value will do.
                chosen = random.Next(n);
            }
            else
            {
                double target = random.NextDouble() * total;
                chosen = n - 1;
                double running = 0;
                for (int i = 0; i < n; i++)
                {
                    running += distance[i];
                    if (running >= target)
                    {
                        chosen = i;
                        break;
                    }
                }
            }

            centers[j] = x[chosen];
            for (int i = 0; i < n; i++)
            {
                double d = x[i] - centers[j];
                distance[i] = Math.Min(distance[i], d * d);
            }
        }

        return centers;
    }

    private static int Nearest(double[] centers, double value, out double squaredDistance)
    {
        int best = 0;
        squaredDistance = double.PositiveInfinity;
        for (int j = 0; j < centers.Length; j++)
        {
            double d = value - centers[j];
            if (d * d < squaredDistance)
            {
                squaredDistance = d * d;
                best = j;
            }
        }

        return best;
    }
}
