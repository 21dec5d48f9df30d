namespace SyntheticData.Evaluation.Internal;

/// <summary>
/// A column as small integer codes for contingency tables: labels map to codes shared by the real and synthetic
/// side, and continuous values map to bin numbers.
/// </summary>
internal sealed class CodedColumn
{
    /// <summary>The number of bins in SDMetrics' contingency binning.</summary>
    public const int BinCount = 10;

    public CodedColumn(int[] codes, int cardinality)
    {
        Codes = codes;
        Cardinality = cardinality;
    }

    /// <summary>Per-row code in [0, Cardinality).</summary>
    public int[] Codes { get; }

    /// <summary>One more than the largest code either side can hold.</summary>
    public int Cardinality { get; }

    /// <summary>Codes the real and synthetic labels with one shared dictionary; null is code 0.</summary>
    public static (CodedColumn Real, CodedColumn Synthetic) FromLabels(string?[] real, string?[] synthetic)
    {
        var dictionary = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] realCodes = Encode(real, dictionary);
        int[] syntheticCodes = Encode(synthetic, dictionary);
        int cardinality = dictionary.Count + 1;
        return (new CodedColumn(realCodes, cardinality), new CodedColumn(syntheticCodes, cardinality));
    }

    /// <summary>
    /// Bins one table's values on its own range, as SDMetrics' quality report does: edges from numpy
    /// <c>linspace(lo, hi, 11)</c>, code = number of edges at most x (numpy <c>digitize</c>), so codes run 1 to 10,
    /// the maximum gets 11 and nulls get 11 too.
    /// </summary>
    public static CodedColumn BinPerTable(double[] values)
    {
        double[] edges = LinspaceEdges(values);
        var codes = new int[values.Length];
        for (int row = 0; row < values.Length; row++)
        {
            double value = values[row];
            codes[row] = double.IsNaN(value) || edges.Length == 0 ? BinCount + 1 : CountEdgesAtMost(edges, value);
        }

        return new CodedColumn(codes, BinCount + 2);
    }

    /// <summary>
    /// Bins real and synthetic values on edges from the real values, as SDMetrics' standalone metric does: the first
    /// and last edge become minus and plus infinity, so codes run 1 to 10, and nulls get 11.
    /// </summary>
    public static (CodedColumn Real, CodedColumn Synthetic) BinOnRealEdges(double[] real, double[] synthetic)
    {
        double[] edges = LinspaceEdges(real);
        if (edges.Length > 0)
        {
            edges[0] = double.NegativeInfinity;
            edges[^1] = double.PositiveInfinity;
        }

        return (BinWith(real, edges), BinWith(synthetic, edges));
    }

    private static CodedColumn BinWith(double[] values, double[] edges)
    {
        var codes = new int[values.Length];
        for (int row = 0; row < values.Length; row++)
        {
            double value = values[row];
            codes[row] = double.IsNaN(value) || edges.Length == 0 ? BinCount + 1 : CountEdgesAtMost(edges, value);
        }

        return new CodedColumn(codes, BinCount + 2);
    }

    private static double[] LinspaceEdges(double[] values)
    {
        double lo = double.PositiveInfinity;
        double hi = double.NegativeInfinity;
        foreach (double value in values)
        {
            if (!double.IsNaN(value))
            {
                lo = Math.Min(lo, value);
                hi = Math.Max(hi, value);
            }
        }

        if (double.IsInfinity(lo))
        {
            return [];
        }

        if (lo == hi)
        {
            lo -= 0.5;
            hi += 0.5;
        }

        // The edges are computed as numpy.linspace does: k * step + lo, with the last edge set to hi. A shortcut such
        // as floor((x - lo) / step) would put values that sit on an edge into a different bin.
        double step = (hi - lo) / BinCount;
        var edges = new double[BinCount + 1];
        for (int k = 0; k < BinCount; k++)
        {
            edges[k] = (k * step) + lo;
        }

        edges[BinCount] = hi;
        return edges;
    }

    private static int CountEdgesAtMost(double[] edges, double value)
    {
        int count = 0;
        while (count < edges.Length && edges[count] <= value)
        {
            count++;
        }

        return count;
    }

    private static int[] Encode(string?[] labels, Dictionary<string, int> dictionary)
    {
        var codes = new int[labels.Length];
        for (int row = 0; row < labels.Length; row++)
        {
            string? label = labels[row];
            if (label is null)
            {
                continue;
            }

            if (!dictionary.TryGetValue(label, out int code))
            {
                code = dictionary.Count + 1;
                dictionary.Add(label, code);
            }

            codes[row] = code;
        }

        return codes;
    }
}
